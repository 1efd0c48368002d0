package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/socialchain/socialchain/x/messages/types"
)

// PendingPool answers whether this node holds a message that waits for a
// block.
type PendingPool interface {
	Has(hash types.Hash) bool
}

// SettlementView tells which checkpoint on the L1, if any, covers a block
// height. It is the node's knowledge of the L1 (its relayer), not state.
type SettlementView interface {
	SettledCheckpoint(ctx context.Context, height int64) (number uint64, settled bool)
}

type queryServer struct {
	k       Keeper
	pool    PendingPool
	settled SettlementView
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the messages Query service. pool and settled
// may be nil: then no message reads as pending or settled.
func NewQueryServerImpl(k Keeper, pool PendingPool, settled SettlementView) types.QueryServer {
	return queryServer{k: k, pool: pool, settled: settled}
}

// Message reports where a message stands: in a block (included, failed,
// settled), in this node's pool (pending), or unknown.
func (q queryServer) Message(ctx context.Context, req *types.QueryMessageRequest) (*types.QueryMessageResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	hash, err := types.ParseHash(req.Hash)
	if err != nil {
		return nil, err
	}
	r, found, err := q.k.Receipt(ctx, hash)
	if err != nil {
		return nil, err
	}
	if !found {
		if q.pool != nil && q.pool.Has(hash) {
			return &types.QueryMessageResponse{Status: types.StatusPending}, nil
		}
		return &types.QueryMessageResponse{Status: types.StatusUnknown}, nil
	}
	res := &types.QueryMessageResponse{Status: r.Status, Receipt: &r}
	if r.Status == types.StatusIncluded && q.settled != nil {
		if number, ok := q.settled.SettledCheckpoint(ctx, r.Height); ok {
			res.Status, res.Checkpoint = types.StatusSettled, number
		}
	}
	return res, nil
}

// Allowance returns an author's units, allowance and usage this period.
func (q queryServer) Allowance(ctx context.Context, req *types.QueryAllowanceRequest) (*types.QueryAllowanceResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := q.k.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	units, err := q.k.units(ctx, params, addr)
	if err != nil {
		return nil, err
	}
	period := currentPeriod(ctx, params)
	used, err := q.k.usedInPeriod(ctx, addr, period)
	if err != nil {
		return nil, err
	}
	return &types.QueryAllowanceResponse{Units: units, Allowance: params.Allowance(units), Used: used, Period: period}, nil
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
