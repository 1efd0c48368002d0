package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/messages/types"
)

// ApplyBatch applies a block's lane messages in order: a message that
// passes every rule writes its action, one that fails writes nothing but
// its receipt. Every message counts against
// its author's allowance. A message that already has a receipt is skipped,
// so a proposer cannot replay one. Order, ids and receipts follow from the
// batch alone, so every node computes the same state.
func (k Keeper) ApplyBatch(sdkCtx sdk.Context, msgs []*types.Message) error {
	// One conversion to the interface: each one copies the whole
	// sdk.Context to the heap, and the loop makes several calls per message.
	var ctx context.Context = sdkCtx
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if err := k.replay.build(k.loadReceipts(ctx)); err != nil {
		return err
	}
	period := currentPeriod(ctx, params)
	height := sdkCtx.BlockHeight()
	for i, m := range msgs {
		if _, found, err := k.latestReceipt(ctx, m.Hash); err != nil {
			return err
		} else if found {
			continue
		}
		name, _ := m.Body.KindInfo()
		receipt := types.Receipt{
			Hash:        m.Hash[:],
			Author:      m.Body.Author,
			Kind:        name,
			Status:      types.StatusIncluded,
			Height:      height,
			Index:       uint32(i),
			ExpiresAtMs: m.Body.TimestampMs + int64(params.TimestampWindowSeconds)*1000,
		}
		author, outcome, err := k.apply(ctx, params, m)
		if errors.Is(err, errWriteFailed) {
			return err
		}
		if err != nil {
			codespace, code, _ := errorsmod.ABCIInfo(err, false)
			receipt.Status, receipt.Codespace, receipt.Code, receipt.Error = types.StatusFailed, codespace, code, err.Error()
		} else {
			receipt.PostID, receipt.ReactionID = outcome.PostID, outcome.ReactionID
		}
		if author != nil {
			if err := k.countUsage(ctx, author, period); err != nil {
				return err
			}
		}
		if err := k.setReceipt(ctx, receipt); err != nil {
			return err
		}
		ev := types.EventMessageApplied{Hash: m.Hash.String(), Author: receipt.Author, Kind: name, Status: receipt.Status, Error: receipt.Error}
		sdkCtx.EventManager().EmitEvent(sdk.Event(ev.ABCIEvent()))
	}
	return k.PruneReceipts(sdkCtx)
}

// errWriteFailed marks a store or hook failure while writing a post that
// passed every rule: the block cannot be applied.
var errWriteFailed = errors.New("writing a checked lane post failed")

// apply runs m's rules and, if they hold, its action. A new post is planned
// and written on ctx itself (planning writes nothing, and this is the lane's
// most frequent message, for which a cache branch cost a fifth of its
// time); other actions run on a branch of ctx written back on success.
func (k Keeper) apply(ctx context.Context, params types.Params, m *types.Message) (sdk.AccAddress, Outcome, error) {
	author, err := k.CheckMessage(ctx, params, m, 0)
	if err != nil {
		return nil, Outcome{}, err
	}
	if c, ok := m.Body.Kind.(*types.MessageBody_CreatePost); ok {
		write, err := k.posts.PlanPost(ctx, createPostMsg(m.Body.Author, c.CreatePost))
		if err != nil {
			return author, Outcome{}, err
		}
		id, err := write(ctx)
		if err != nil {
			return author, Outcome{}, fmt.Errorf("%w: message %s: %w", errWriteFailed, m.Hash, err)
		}
		return author, Outcome{PostID: id}, nil
	}
	branch, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	outcome, err := k.Execute(branch, m)
	if err != nil {
		return author, Outcome{}, err
	}
	write()
	return author, outcome, nil
}

func (k Keeper) countUsage(ctx context.Context, author sdk.AccAddress, period uint64) error {
	used, err := k.usedInPeriod(ctx, author, period)
	if err != nil {
		return err
	}
	return k.Usage.Set(ctx, author, types.Usage{Period: period, Count: used + 1})
}

func (k Keeper) setReceipt(ctx context.Context, r types.Receipt) error {
	if err := k.Receipts.Set(ctx, r.Hash, r); err != nil {
		return err
	}
	if err := k.ReceiptExpiry.Set(ctx, collections.Join(r.ExpiresAtMs, r.Hash)); err != nil {
		return err
	}
	k.replay.add(r.Hash, r.ExpiresAtMs)
	return nil
}

// PruneReceipts deletes the receipts whose window closed before the block
// time: a message that old is refused by its timestamp, so its hash no
// longer needs remembering.
func (k Keeper) PruneReceipts(ctx sdk.Context) error {
	now := ctx.BlockTime().UnixMilli()
	rng := new(collections.Range[collections.Pair[int64, []byte]]).EndExclusive(collections.Join(now, []byte{}))
	iter, err := k.ReceiptExpiry.Iterate(ctx, rng)
	if err != nil {
		return err
	}
	keys, err := iter.Keys()
	if err != nil {
		return err
	}
	for _, key := range keys {
		if err := k.Receipts.Remove(ctx, key.K2()); err != nil {
			return err
		}
		if err := k.ReceiptExpiry.Remove(ctx, key); err != nil {
			return err
		}
	}
	k.replay.pruned(now)
	return nil
}
