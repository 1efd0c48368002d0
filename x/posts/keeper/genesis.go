package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

// InitGenesis loads a genesis state and derives what it leaves out: the
// author, thread, reply and hashtag indexes and the per-post counters.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(k.addressCodec); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.PostSeq.Set(ctx, gs.NextPostId); err != nil {
		return err
	}
	if err := k.ReactionSeq.Set(ctx, gs.NextReactionId); err != nil {
		return err
	}
	for _, p := range gs.Posts {
		if err := k.Posts.Set(ctx, p.ID, p); err != nil {
			return err
		}
		if err := k.indexPost(ctx, p); err != nil {
			return err
		}
		if p.Deleted {
			continue // a tombstone counts as neither reply nor quote
		}
		if p.ReplyTo != 0 {
			if err := k.adjustCounters(ctx, p.ReplyTo, func(c *types.PostCounters) { c.Replies++ }); err != nil {
				return err
			}
		}
		if p.QuoteOf != 0 {
			if err := k.adjustCounters(ctx, p.QuoteOf, func(c *types.PostCounters) { c.Quotes++ }); err != nil {
				return err
			}
		}
	}
	for _, v := range gs.Versions {
		if err := k.Versions.Set(ctx, collections.Join(v.PostID, v.Version), v); err != nil {
			return err
		}
	}
	for _, r := range gs.Reposts {
		reposter, err := k.addressCodec.StringToBytes(r.Reposter)
		if err != nil {
			return err
		}
		if err := k.Reposts.Set(ctx, collections.Join(r.PostID, sdk.AccAddress(reposter)), r); err != nil {
			return err
		}
		if err := k.adjustCounters(ctx, r.PostID, func(c *types.PostCounters) { c.Reposts++ }); err != nil {
			return err
		}
	}
	for _, r := range gs.Reactions {
		user, err := k.addressCodec.StringToBytes(r.User)
		if err != nil {
			return err
		}
		if err := k.Reactions.Set(ctx, collections.Join(r.PostID, r.ID), r); err != nil {
			return err
		}
		if err := k.ReactionsByUser.Set(ctx, collections.Join3(r.PostID, sdk.AccAddress(user), r.Kind), r.ID); err != nil {
			return err
		}
		if err := k.adjustCounters(ctx, r.PostID, func(c *types.PostCounters) { addReaction(c, r.Kind, 1) }); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis dumps the module state; indexes and counters are left out
// because InitGenesis rebuilds them.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if gs.NextPostId, err = k.PostSeq.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextReactionId, err = k.ReactionSeq.Peek(ctx); err != nil {
		return nil, err
	}
	// A store that never ran InitGenesis has its sequences at 0; nextID
	// skips 0, and so does the export.
	gs.NextPostId, gs.NextReactionId = max(gs.NextPostId, 1), max(gs.NextReactionId, 1)
	if gs.Posts, err = values(ctx, k.Posts); err != nil {
		return nil, err
	}
	if gs.Versions, err = values(ctx, k.Versions); err != nil {
		return nil, err
	}
	if gs.Reposts, err = values(ctx, k.Reposts); err != nil {
		return nil, err
	}
	if gs.Reactions, err = values(ctx, k.Reactions); err != nil {
		return nil, err
	}
	return gs, nil
}

// values returns every value of m in key order.
func values[K, V any](ctx context.Context, m collections.Map[K, V]) ([]V, error) {
	it, err := m.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	return it.Values() // closes it
}
