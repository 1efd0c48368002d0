package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/settlement/types"
)

type queryServer struct {
	Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the settlement Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{Keeper: k}
}

// LatestCheckpoint returns the newest checkpoint.
func (q queryServer) LatestCheckpoint(ctx context.Context, _ *types.QueryLatestCheckpointRequest) (*types.QueryCheckpointResponse, error) {
	cp, found, err := q.Keeper.LatestCheckpoint(ctx)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, errorsmod.Wrap(types.ErrCheckpointNotFound, "no checkpoint yet")
	}
	return &types.QueryCheckpointResponse{Checkpoint: cp}, nil
}

// Checkpoint returns checkpoint number req.Epoch.
func (q queryServer) Checkpoint(ctx context.Context, req *types.QueryCheckpointRequest) (*types.QueryCheckpointResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	cp, err := q.GetCheckpoint(ctx, req.Epoch)
	if err != nil {
		return nil, err
	}
	return &types.QueryCheckpointResponse{Checkpoint: cp}, nil
}

// LatestSignerSet returns the newest signer set.
func (q queryServer) LatestSignerSet(ctx context.Context, _ *types.QueryLatestSignerSetRequest) (*types.QueryLatestSignerSetResponse, error) {
	set, found, err := q.Keeper.LatestSignerSet(ctx)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, errorsmod.Wrap(types.ErrSignerNotFound, "no signer set yet: no validator has registered a key")
	}
	return &types.QueryLatestSignerSetResponse{SignerSet: set}, nil
}

// SignerSet returns the signer set with nonce req.Nonce.
func (q queryServer) SignerSet(ctx context.Context, req *types.QuerySignerSetRequest) (*types.QueryLatestSignerSetResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	set, err := q.SignerSets.Get(ctx, req.Nonce)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrSignerNotFound, "signer set %d: %s", req.Nonce, err)
	}
	return &types.QueryLatestSignerSetResponse{SignerSet: set}, nil
}

// RecordProof returns a record with its checkpoint and Merkle proof.
func (q queryServer) RecordProof(ctx context.Context, req *types.QueryRecordProofRequest) (*types.QueryRecordProofResponse, error) {
	if req == nil || (req.Kind != types.RecordKindPost && req.Kind != types.RecordKindProfile) || req.Key == "" {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "kind must be post or profile, and key set")
	}
	return q.Keeper.RecordProof(ctx, req.Kind, req.Key)
}

// Registration returns a validator's signer and its next registration nonce.
func (q queryServer) Registration(ctx context.Context, req *types.QueryRegistrationRequest) (*types.QueryRegistrationResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	valAddr, err := q.valCodec.StringToBytes(req.Validator)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "validator %q: %s", req.Validator, err)
	}
	res := &types.QueryRegistrationResponse{}
	if s, err := q.Keeper.Signers.Get(ctx, valAddr); err == nil {
		res.Signer = s
	}
	if n, err := q.RegistrationNonces.Get(ctx, valAddr); err == nil {
		res.NextNonce = n
	}
	return res, nil
}

// Signers lists the registered keys in validator address order.
func (q queryServer) Signers(ctx context.Context, req *types.QuerySignersRequest) (*types.QuerySignersResponse, error) {
	if req == nil {
		req = &types.QuerySignersRequest{}
	}
	signers, page, err := query.CollectionPaginate(ctx, q.Keeper.Signers, req.Pagination,
		func(_ sdk.ValAddress, s types.Signer) (types.Signer, error) { return s, nil })
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, err.Error())
	}
	return &types.QuerySignersResponse{Signers: signers, Pagination: page}, nil
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
