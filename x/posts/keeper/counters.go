package keeper

import (
	"context"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/internal/counter"
	"github.com/socialchain/socialchain/x/posts/types"
)

// GetCounters returns the counters of post id; zero when nothing counted.
func (k Keeper) GetCounters(ctx context.Context, id uint64) (types.PostCounters, error) {
	c, err := k.Counters.Get(ctx, id)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return types.PostCounters{}, nil
	}
	return c, err
}

// adjustCounters applies change to the counters of post id and stores the
// result, dropping the entry when every counter is back to zero.
func (k Keeper) adjustCounters(ctx context.Context, id uint64, change func(*types.PostCounters)) error {
	c, err := k.GetCounters(ctx, id)
	if err != nil {
		return err
	}
	change(&c)
	if c.Replies == 0 && c.Reposts == 0 && c.Quotes == 0 && len(c.Reactions) == 0 {
		return k.Counters.Remove(ctx, id)
	}
	return k.Counters.Set(ctx, id, c)
}

// addReaction adds delta to the count of kind, keeping the list ordered by
// kind and free of zero counts.
func addReaction(c *types.PostCounters, kind string, delta int64) {
	for i := range c.Reactions {
		switch cmp := strings.Compare(c.Reactions[i].Kind, kind); {
		case cmp == 0:
			c.Reactions[i].Count = counter.Add(c.Reactions[i].Count, delta)
			if c.Reactions[i].Count == 0 {
				c.Reactions = append(c.Reactions[:i], c.Reactions[i+1:]...)
			}
			return
		case cmp > 0:
			if delta > 0 {
				c.Reactions = append(c.Reactions[:i], append([]types.ReactionCount{{Kind: kind, Count: uint64(delta)}}, c.Reactions[i:]...)...)
			}
			return
		}
	}
	if delta > 0 {
		c.Reactions = append(c.Reactions, types.ReactionCount{Kind: kind, Count: uint64(delta)})
	}
}
