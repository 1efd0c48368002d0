package rest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// cannedTxService answers BroadcastTx with res and records the calls.
type cannedTxService struct {
	txtypes.ServiceServer
	res   sdk.TxResponse
	calls *int
}

func (s cannedTxService) BroadcastTx(context.Context, *txtypes.BroadcastTxRequest) (*txtypes.BroadcastTxResponse, error) {
	*s.calls++
	res := s.res
	return &txtypes.BroadcastTxResponse{TxResponse: &res}, nil
}

func newBroadcastWithReasons(res sdk.TxResponse) (TxService, *int) {
	calls := new(int)
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	return TxService{
		ServiceServer: cannedTxService{res: res, calls: calls},
		decode:        authtx.NewTxConfig(cdc, authtx.DefaultSignModes).TxDecoder(),
	}, calls
}

func TestAsyncBroadcastOfUndecodableBytesIsRefusedWithTheDecodeError(t *testing.T) {
	svc, calls := newBroadcastWithReasons(sdk.TxResponse{})
	resp, err := svc.BroadcastTx(context.Background(), &txtypes.BroadcastTxRequest{
		TxBytes: []byte("random garbage, not a tx"),
		Mode:    txtypes.BroadcastMode_BROADCAST_MODE_ASYNC,
	})
	require.NoError(t, err)
	res := resp.TxResponse
	require.Equal(t, sdkerrors.ErrTxDecode.ABCICode(), res.Code)
	require.Equal(t, sdkerrors.RootCodespace, res.Codespace)
	require.Contains(t, res.RawLog, "tx parse error")
	require.Len(t, res.TxHash, 64)
	require.Zero(t, *calls, "undecodable bytes never reach CometBFT")
}

func TestSyncBroadcastIsLeftToCheckTx(t *testing.T) {
	svc, calls := newBroadcastWithReasons(sdk.TxResponse{Code: 2, Codespace: "sdk", RawLog: "from CheckTx"})
	resp, err := svc.BroadcastTx(context.Background(), &txtypes.BroadcastTxRequest{
		TxBytes: []byte("garbage"),
		Mode:    txtypes.BroadcastMode_BROADCAST_MODE_SYNC,
	})
	require.NoError(t, err)
	require.Equal(t, 1, *calls)
	require.Equal(t, "from CheckTx", resp.TxResponse.RawLog, "a raw_log CheckTx wrote is kept")
}

func TestRefusalsWithoutRawLogGetAReason(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  interface{ ABCICode() uint32 }
		want string
	}{
		{"a tx already in the mempool cache names the replay", sdkerrors.ErrTxInMempoolCache, "tx already in mempool: this node already received tx ABCD (a replay or a resend of the same bytes)"},
		{"a full mempool says to retry", sdkerrors.ErrMempoolIsFull, "mempool is full: "},
		{"a tx over max_tx_bytes names the setting", sdkerrors.ErrTxTooLarge, "tx too large: the tx is over the node's [mempool] max_tx_bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _ := newBroadcastWithReasons(sdk.TxResponse{Code: tc.err.ABCICode(), Codespace: "sdk", TxHash: "ABCD"})
			resp, err := svc.BroadcastTx(context.Background(), &txtypes.BroadcastTxRequest{
				TxBytes: []byte("x"),
				Mode:    txtypes.BroadcastMode_BROADCAST_MODE_SYNC,
			})
			require.NoError(t, err)
			require.Equal(t, tc.err.ABCICode(), resp.TxResponse.Code, "the code is unchanged")
			require.Contains(t, resp.TxResponse.RawLog, tc.want)
		})
	}
}

func TestRESTBroadcastGoesThroughTheReasons(t *testing.T) {
	svc, calls := newBroadcastWithReasons(sdk.TxResponse{Code: sdkerrors.ErrTxInMempoolCache.ABCICode(), Codespace: "sdk", TxHash: "ABCD"})
	rest := TxGatewayClient{broadcast: svc}
	resp, err := rest.BroadcastTx(context.Background(), &txtypes.BroadcastTxRequest{TxBytes: []byte("x"), Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
	require.NoError(t, err)
	require.Equal(t, 1, *calls)
	require.Contains(t, resp.TxResponse.RawLog, "this node already received tx ABCD")
}
