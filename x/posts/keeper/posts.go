package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

// nextID draws the next id from seq. Ids start at 1 because 0 means "none"
// in reply_to and quote_of; genesis sets the sequences to 1, and this skips
// 0 for a store that never ran InitGenesis.
func nextID(ctx context.Context, seq collections.Sequence) (uint64, error) {
	id, err := seq.Next(ctx)
	if err == nil && id == 0 {
		id, err = seq.Next(ctx)
	}
	return id, err
}

// indexPost adds a post to the indexes: author and hashtags for a live post,
// thread, parent and the author's latest post for every post.
func (k Keeper) indexPost(ctx context.Context, p types.Post) error {
	author, err := k.addressCodec.StringToBytes(p.Author)
	if err != nil {
		return err
	}
	if err := k.Threads.Set(ctx, collections.Join(p.RootID, p.ID)); err != nil {
		return err
	}
	if p.ReplyTo != 0 {
		if err := k.Replies.Set(ctx, collections.Join(p.ReplyTo, p.ID)); err != nil {
			return err
		}
	}
	// Tombstones count: a deleted post was once the newest, and export then
	// import must rebuild the same state.
	if err := k.raiseLatestPost(ctx, author, p.ID); err != nil {
		return err
	}
	if p.Deleted {
		return nil
	}
	if err := k.PostsByAuthor.Set(ctx, collections.Join(sdk.AccAddress(author), p.ID)); err != nil {
		return err
	}
	return k.replaceHashtags(ctx, p.ID, nil, p.Hashtags)
}

// raiseLatestPost records id as author's newest post unless a newer one is
// recorded: new posts always are newer, genesis may list posts in any order.
func (k Keeper) raiseLatestPost(ctx context.Context, author sdk.AccAddress, id uint64) error {
	latest, err := k.LatestPost.Get(ctx, author)
	if err != nil && !errorsmod.IsOf(err, collections.ErrNotFound) {
		return err
	}
	if err == nil && latest >= id {
		return nil
	}
	return k.LatestPost.Set(ctx, author, id)
}

// replaceHashtags moves post id from the old hashtags' index entries to the
// new ones, touching only the tags that changed.
func (k Keeper) replaceHashtags(ctx context.Context, id uint64, old, updated []string) error {
	for _, t := range old {
		if !contains(updated, t) {
			if err := k.PostsByHashtag.Remove(ctx, collections.Join(t, id)); err != nil {
				return err
			}
		}
	}
	for _, t := range updated {
		if !contains(old, t) {
			if err := k.PostsByHashtag.Set(ctx, collections.Join(t, id)); err != nil {
				return err
			}
		}
	}
	return nil
}

// RebuildLatestPosts sets LatestPost from PostsByAuthor, for a store whose
// posts predate LatestPost; an upgrade runs it once. Until then the feed is
// right but opens the range of every followee without an entry. An author
// whose newest post is deleted gets their newest live post, as good a
// bound.
func (k Keeper) RebuildLatestPosts(ctx context.Context) error {
	// The walk is in (author, id) order, so each author's last key is their
	// newest post; the writes follow the walk, in author order, as a
	// deterministic state transition must.
	var latest []PostKey[sdk.AccAddress]
	it, err := k.PostsByAuthor.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	for ; it.Valid(); it.Next() {
		key, err := it.Key()
		if err != nil {
			it.Close()
			return err
		}
		if n := len(latest); n > 0 && latest[n-1].K1().Equals(key.K1()) {
			latest[n-1] = key
		} else {
			latest = append(latest, key)
		}
	}
	it.Close()
	for _, key := range latest {
		if err := k.raiseLatestPost(ctx, key.K1(), key.K2()); err != nil {
			return err
		}
	}
	return nil
}

// resolveMentions keeps the handles that name a profile, in order. A handle
// nobody holds stays plain text: mentioning is not a promise that the
// handle exists, and refusing the post would make a typo fatal.
func (k Keeper) resolveMentions(ctx context.Context, handles []string) ([]types.Mention, error) {
	var out []types.Mention
	for _, h := range handles {
		addr, err := k.profiles.AddressByHandle(ctx, h)
		if err != nil {
			return nil, err
		}
		if addr == nil {
			continue
		}
		s, err := k.addressCodec.BytesToString(addr)
		if err != nil {
			return nil, err
		}
		out = append(out, types.Mention{Handle: h, Address: s})
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
