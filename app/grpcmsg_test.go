package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
)

func TestMsgServicesAreListedButRefuseCalls(t *testing.T) {
	desc := describeOnly(poststypes.Msg_serviceDesc)
	srv := grpc.NewServer()
	srv.RegisterService(desc, nil)

	info, ok := srv.GetServiceInfo()["socialchain.posts.v1.Msg"]
	require.True(t, ok, "the Msg service is registered, so reflection lists it")
	require.Equal(t, "socialchain/posts/v1/tx.proto", info.Metadata, "reflection finds the proto file by this")
	require.Len(t, info.Methods, len(poststypes.Msg_serviceDesc.Methods))

	for _, m := range desc.Methods {
		_, err := m.Handler(nil, context.Background(), func(any) error { return nil }, nil)
		require.Equal(t, codes.Unimplemented, status.Code(err), m.MethodName)
		require.Contains(t, err.Error(), "/socialchain.posts.v1.Msg/"+m.MethodName+" is a Msg")
		require.Contains(t, err.Error(), "BroadcastTx")
	}
}
