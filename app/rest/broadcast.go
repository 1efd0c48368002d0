package rest

import (
	"context"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	cmttypes "github.com/cometbft/cometbft/types"
	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// TxService is the SDK's tx service (gRPC; REST through TxGatewayClient)
// with two gaps of its BroadcastTx closed:
//
//   - BROADCAST_MODE_ASYNC hands the bytes to CometBFT without CheckTx, so
//     bytes that are not a tx at all were answered code 0. They are decoded
//     first and refused as CheckTx would refuse them in sync mode (code 2,
//     "tx parse error", with the decoder's reason).
//   - Refusals the SDK derives from CometBFT's error string (a tx already in
//     the mempool cache, a full mempool, a tx over max_tx_bytes) come back
//     with an empty raw_log; they get one saying what happened.
type TxService struct {
	txtypes.ServiceServer
	decode sdk.TxDecoder
}

// NewTxService is the tx service of clientCtx, simulating with simulate
// and decoding with decode, with TxService's reasons.
func NewTxService(clientCtx client.Context, simulate func(txBytes []byte) (sdk.GasInfo, *sdk.Result, error), registry codectypes.InterfaceRegistry, decode sdk.TxDecoder) TxService {
	return TxService{
		ServiceServer: authtx.NewTxServer(clientCtx, simulate, registry),
		decode:        decode,
	}
}

// TxGatewayClient is the tx service client behind the REST gateway's
// /cosmos/tx/v1beta1/* routes: the SDK's, except BroadcastTx, which goes
// through TxService. The SDK's client context broadcasts a
// BroadcastTxRequest straight to CometBFT instead of calling the gRPC
// service, so the gRPC server's wrapper alone would not cover REST.
type TxGatewayClient struct {
	txtypes.ServiceClient
	broadcast TxService
}

// NewTxGatewayClient is the gateway's tx client over clientCtx, with
// svc's BroadcastTx.
func NewTxGatewayClient(clientCtx client.Context, svc TxService) TxGatewayClient {
	return TxGatewayClient{ServiceClient: txtypes.NewServiceClient(clientCtx), broadcast: svc}
}

// BroadcastTx is TxService's.
func (c TxGatewayClient) BroadcastTx(ctx context.Context, req *txtypes.BroadcastTxRequest, _ ...grpc.CallOption) (*txtypes.BroadcastTxResponse, error) {
	return c.broadcast.BroadcastTx(ctx, req)
}

// BroadcastTx refuses undecodable async bytes and explains refusals that
// come back without a raw_log.
func (s TxService) BroadcastTx(ctx context.Context, req *txtypes.BroadcastTxRequest) (*txtypes.BroadcastTxResponse, error) {
	if req != nil && req.Mode == txtypes.BroadcastMode_BROADCAST_MODE_ASYNC && len(req.TxBytes) > 0 {
		if _, err := s.decode(req.TxBytes); err != nil {
			codespace, code, log := errorsmod.ABCIInfo(errorsmod.Wrap(sdkerrors.ErrTxDecode, err.Error()), false)
			return &txtypes.BroadcastTxResponse{TxResponse: &sdk.TxResponse{
				Codespace: codespace,
				Code:      code,
				RawLog:    log,
				TxHash:    fmt.Sprintf("%X", cmttypes.Tx(req.TxBytes).Hash()),
			}}, nil
		}
	}
	resp, err := s.ServiceServer.BroadcastTx(ctx, req)
	if err == nil && resp != nil && resp.TxResponse != nil {
		explainRefusal(resp.TxResponse)
	}
	return resp, err
}

// explainRefusal fills the raw_log of a refusal that has none.
func explainRefusal(res *sdk.TxResponse) {
	if res.Code == 0 || res.RawLog != "" || res.Codespace != sdkerrors.RootCodespace {
		return
	}
	switch res.Code {
	case sdkerrors.ErrTxInMempoolCache.ABCICode():
		res.RawLog = fmt.Sprintf("%s: this node already received tx %s (a replay or a resend of the same bytes); "+
			"it is pending or was recently included, see GET /cosmos/tx/v1beta1/txs/%s; a new tx needs the account's next sequence",
			sdkerrors.ErrTxInMempoolCache, res.TxHash, res.TxHash)
	case sdkerrors.ErrMempoolIsFull.ABCICode():
		res.RawLog = fmt.Sprintf("%s: the node's mempool holds as many txs or bytes as its config allows ([mempool] size, max_txs_bytes); retry after the next block", sdkerrors.ErrMempoolIsFull)
	case sdkerrors.ErrTxTooLarge.ABCICode():
		res.RawLog = fmt.Sprintf("%s: the tx is over the node's [mempool] max_tx_bytes", sdkerrors.ErrTxTooLarge)
	}
}
