package loadtest

import (
	"context"

	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
)

// CheckResult is the node's answer to a broadcast: code 0 means CheckTx let
// the tx into the mempool.
type CheckResult struct {
	Code      uint32
	Codespace string
	Log       string
}

// Broadcaster sends one signed tx and returns CheckTx's verdict; an error
// means the transport failed or the node refused before CheckTx (CometBFT
// answers "mempool is full" that way).
type Broadcaster interface {
	Broadcast(ctx context.Context, tx []byte) (CheckResult, error)
	Name() string
}

// CometBroadcaster broadcasts with CometBFT RPC broadcast_tx_sync.
type CometBroadcaster struct{ RPC client.CometRPC }

// Name implements Broadcaster.
func (CometBroadcaster) Name() string { return "cometbft-rpc" }

// Broadcast implements Broadcaster.
func (b CometBroadcaster) Broadcast(ctx context.Context, tx []byte) (CheckResult, error) {
	res, err := b.RPC.BroadcastTxSync(ctx, tx)
	if err != nil {
		return CheckResult{}, err
	}
	return CheckResult{Code: res.Code, Codespace: res.Codespace, Log: res.Log}, nil
}

// GRPCBroadcaster broadcasts with the SDK's tx service in sync mode.
type GRPCBroadcaster struct{ Conn *grpc.ClientConn }

// Name implements Broadcaster.
func (GRPCBroadcaster) Name() string { return "grpc" }

// Broadcast implements Broadcaster.
func (b GRPCBroadcaster) Broadcast(ctx context.Context, tx []byte) (CheckResult, error) {
	res, err := txtypes.NewServiceClient(b.Conn).BroadcastTx(ctx, &txtypes.BroadcastTxRequest{
		TxBytes: tx, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC,
	})
	if err != nil {
		return CheckResult{}, err
	}
	r := res.TxResponse
	return CheckResult{Code: r.Code, Codespace: r.Codespace, Log: r.RawLog}, nil
}
