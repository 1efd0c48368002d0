package app

import (
	"context"

	gogogrpc "github.com/cosmos/gogoproto/grpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// RegisterGRPCServerWithSkipCheckHeader registers the query services as
// BaseApp does, plus socialchain's Msg services with methods that refuse
// every call. A Msg only takes effect inside a signed tx (broadcast with
// cosmos.tx.v1beta1.Service/BroadcastTx), so the SDK leaves Msg services
// off the gRPC server; but then reflection cannot list or describe them,
// and clients building txs from reflection (grpcurl, dynamic clients)
// cannot find them.
func (app *SocialApp) RegisterGRPCServerWithSkipCheckHeader(server gogogrpc.Server, skipCheckHeader bool) {
	app.BaseApp.RegisterGRPCServerWithSkipCheckHeader(server, skipCheckHeader)
	for _, desc := range []grpc.ServiceDesc{
		poststypes.Msg_serviceDesc,
		profilestypes.Msg_serviceDesc,
		settlementtypes.Msg_serviceDesc,
	} {
		server.RegisterService(describeOnly(desc), nil)
	}
}

// describeOnly is desc with every method answering Unimplemented and
// saying how Msgs are sent. Its Metadata (the proto file) stays, which is
// what reflection serves.
func describeOnly(desc grpc.ServiceDesc) *grpc.ServiceDesc {
	methods := make([]grpc.MethodDesc, len(desc.Methods))
	for i, m := range desc.Methods {
		method := "/" + desc.ServiceName + "/" + m.MethodName
		methods[i] = grpc.MethodDesc{
			MethodName: m.MethodName,
			Handler: func(any, context.Context, func(any) error, grpc.UnaryServerInterceptor) (any, error) {
				return nil, status.Errorf(codes.Unimplemented,
					"%s is a Msg, not a query: put it in a signed tx and broadcast that with /cosmos.tx.v1beta1.Service/BroadcastTx", method)
			},
		}
	}
	desc.Methods = methods
	// No implementation is registered, so there is no handler type to check.
	desc.HandlerType = nil
	return &desc
}
