package loadtest

import (
	"context"
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"

	messagestypes "github.com/socialchain/socialchain/x/messages/types"
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

// LaneSubmitter submits signed lane messages and returns the node's answer
// for each, in order; an error means the call itself failed.
type LaneSubmitter interface {
	SubmitBatch(ctx context.Context, msgs []messagestypes.SignedMessage) ([]messagestypes.SubmitResult, error)
	Name() string
}

// GRPCLane submits over the node's gRPC socialchain.messages.v1.Lane/SubmitBatch.
type GRPCLane struct{ Conn *grpc.ClientConn }

// Name implements LaneSubmitter.
func (GRPCLane) Name() string { return "grpc-lane" }

// SubmitBatch implements LaneSubmitter.
func (l GRPCLane) SubmitBatch(ctx context.Context, msgs []messagestypes.SignedMessage) ([]messagestypes.SubmitResult, error) {
	res, err := messagestypes.NewLaneClient(l.Conn).SubmitBatch(ctx, &messagestypes.SubmitBatchRequest{Messages: msgs})
	if err != nil {
		return nil, err
	}
	if len(res.Results) != len(msgs) {
		return nil, fmt.Errorf("SubmitBatch answered %d results for %d messages", len(res.Results), len(msgs))
	}
	return res.Results, nil
}

// ResultsReader reads the results of a committed block: its txs' results
// and its finalize-block events (where the lane's EventMessageApplied are).
type ResultsReader interface {
	BlockResults(ctx context.Context, height int64) (*ctypes.ResultBlockResults, error)
	Name() string
}

// CometResults reads CometBFT RPC's /block_results: JSON, which the node
// encodes by reflection, every event attribute of every tx; for a lane
// block of 20,000 messages that is about 18 MB and seconds of a core.
type CometResults struct{ RPC client.CometRPC }

// Name implements ResultsReader.
func (CometResults) Name() string { return "cometbft-rpc" }

// BlockResults implements ResultsReader.
func (r CometResults) BlockResults(ctx context.Context, height int64) (*ctypes.ResultBlockResults, error) {
	return r.RPC.BlockResults(ctx, &height)
}

// GRPCResults reads the SDK's cmtservice GetBlockResults over gRPC: the
// same results from the node's in-process CometBFT client, in protobuf.
type GRPCResults struct{ Conn *grpc.ClientConn }

// Name implements ResultsReader.
func (GRPCResults) Name() string { return "grpc" }

// maxResultsBytes bounds one block's results over gRPC (the client's
// default of 4 MiB is below a full lane block's).
const maxResultsBytes = 1 << 30

// BlockResults implements ResultsReader.
func (r GRPCResults) BlockResults(ctx context.Context, height int64) (*ctypes.ResultBlockResults, error) {
	res, err := cmtservice.NewServiceClient(r.Conn).GetBlockResults(ctx, &cmtservice.GetBlockResultsRequest{Height: height},
		grpc.MaxCallRecvMsgSize(maxResultsBytes))
	if err != nil {
		return nil, err
	}
	out := &ctypes.ResultBlockResults{Height: res.Height, TxsResults: res.TxsResults, AppHash: res.AppHash}
	out.FinalizeBlockEvents = make([]abci.Event, 0, len(res.FinalizeBlockEvents))
	for _, e := range res.FinalizeBlockEvents {
		if e != nil {
			out.FinalizeBlockEvents = append(out.FinalizeBlockEvents, *e)
		}
	}
	return out, nil
}
