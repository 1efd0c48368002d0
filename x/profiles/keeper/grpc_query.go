package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/profiles/types"
)

type queryServer struct {
	Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the profiles Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{Keeper: k}
}

// Profile returns the profile of an address.
func (q queryServer) Profile(ctx context.Context, req *types.QueryProfileRequest) (*types.QueryProfileResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, "empty request")
	}
	owner, err := q.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	p, err := q.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}
	return &types.QueryProfileResponse{Profile: p}, nil
}

// ProfileByHandle returns the profile holding a handle.
func (q queryServer) ProfileByHandle(ctx context.Context, req *types.QueryProfileByHandleRequest) (*types.QueryProfileByHandleResponse, error) {
	if req == nil || req.Handle == "" {
		return nil, errorsmod.Wrap(types.ErrInvalidHandle, "handle is empty")
	}
	owner, err := q.AddressByHandle(ctx, req.Handle)
	if err != nil {
		return nil, err
	}
	if owner == nil {
		return nil, errorsmod.Wrapf(types.ErrProfileNotFound, "handle %q", req.Handle)
	}
	p, err := q.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}
	return &types.QueryProfileByHandleResponse{Profile: p}, nil
}

// Profiles lists every profile in address order.
func (q queryServer) Profiles(ctx context.Context, req *types.QueryProfilesRequest) (*types.QueryProfilesResponse, error) {
	if req == nil {
		req = &types.QueryProfilesRequest{}
	}
	profiles, page, err := query.CollectionPaginate(ctx, q.Keeper.Profiles, req.Pagination,
		func(owner sdk.AccAddress, p types.Profile) (types.Profile, error) {
			return q.withPostsCount(ctx, owner, p)
		})
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, err.Error())
	}
	return &types.QueryProfilesResponse{Profiles: profiles, Pagination: page}, nil
}

// Followers lists who follows an address; total is the followers counter.
func (q queryServer) Followers(ctx context.Context, req *types.QueryFollowersRequest) (*types.QueryFollowersResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, "empty request")
	}
	addrs, page, total, err := q.listEdges(ctx, q.Keeper.Followers, req.Address, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryFollowersResponse{Followers: addrs, Pagination: page, Total: total.followers}, nil
}

// Following lists whom an address follows; total is the following counter.
func (q queryServer) Following(ctx context.Context, req *types.QueryFollowingRequest) (*types.QueryFollowingResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, "empty request")
	}
	addrs, page, total, err := q.listEdges(ctx, q.Keeper.Follows, req.Address, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryFollowingResponse{Following: addrs, Pagination: page, Total: total.following}, nil
}

// Blocks lists the addresses an address has blocked.
func (q queryServer) Blocks(ctx context.Context, req *types.QueryBlocksRequest) (*types.QueryBlocksResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, "empty request")
	}
	addrs, page, _, err := q.listEdges(ctx, q.Keeper.Blocks, req.Address, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryBlocksResponse{Blocked: addrs, Pagination: page}, nil
}

// Relationship reports the follow and block edges between a and b, from a's side.
func (q queryServer) Relationship(ctx context.Context, req *types.QueryRelationshipRequest) (*types.QueryRelationshipResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, "empty request")
	}
	a, err := q.decodeAddress("a", req.A)
	if err != nil {
		return nil, err
	}
	b, err := q.decodeAddress("b", req.B)
	if err != nil {
		return nil, err
	}
	var res types.QueryRelationshipResponse
	for _, check := range []struct {
		set  collections.KeySet[Edge]
		edge Edge
		out  *bool
	}{
		{q.Keeper.Follows, collections.Join(a, b), &res.Follows},
		{q.Keeper.Follows, collections.Join(b, a), &res.FollowedBy},
		{q.Keeper.Blocks, collections.Join(a, b), &res.Blocks},
		{q.Keeper.Blocks, collections.Join(b, a), &res.BlockedBy},
	} {
		if *check.out, err = check.set.Has(ctx, check.edge); err != nil {
			return nil, err
		}
	}
	return &res, nil
}

// AppKeys lists the app keys of an address in public-key order, expired
// ones included; an address without a profile has none.
func (q queryServer) AppKeys(ctx context.Context, req *types.QueryAppKeysRequest) (*types.QueryAppKeysResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, "empty request")
	}
	owner, err := q.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	keys, page, err := query.CollectionPaginate(ctx, q.Keeper.AppKeys, req.Pagination,
		func(_ AppKeyID, key types.AppKey) (types.AppKey, error) { return key, nil },
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, []byte](owner),
	)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidPagination, err.Error())
	}
	return &types.QueryAppKeysResponse{AppKeys: keys, Pagination: page}, nil
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

type edgeTotals struct{ followers, following uint64 }

// listEdges pages through the edges of set that start at address.
func (q queryServer) listEdges(ctx context.Context, set collections.KeySet[Edge], address string, pageReq *query.PageRequest) ([]string, *query.PageResponse, edgeTotals, error) {
	from, err := q.decodeAddress("address", address)
	if err != nil {
		return nil, nil, edgeTotals{}, err
	}
	var totals edgeTotals
	if p, err := q.Keeper.Profiles.Get(ctx, from); err == nil {
		totals = edgeTotals{followers: p.FollowersCount, following: p.FollowingCount}
	} else if !errorsmod.IsOf(err, collections.ErrNotFound) {
		return nil, nil, totals, err
	}
	addrs, page, err := query.CollectionPaginate(ctx, set, pageReq,
		func(edge Edge, _ collections.NoValue) (string, error) {
			return q.addressCodec.BytesToString(edge.K2())
		},
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, sdk.AccAddress](from),
	)
	if err != nil {
		return nil, nil, totals, errorsmod.Wrap(types.ErrInvalidPagination, err.Error())
	}
	return addrs, page, totals, nil
}
