package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/x/posts/types"
)

// draftContent is the content of a create or edit message, checked and
// parsed: what prepareContent returns.
type draftContent struct {
	// PostContent is the normalised text, body and attachments; its
	// previous_version is unset.
	types.PostContent
	// hashtags are the post's hashtags, as stored.
	hashtags []string
	// handles are the @handles the text mentions, not yet resolved: see
	// resolveMentions.
	handles []string
}

// prepareContent is the content step of CreatePost and EditPost: it
// normalises text, body CID and attachments against the params and parses
// the hashtags and mentions, refusing what the params do not allow. It
// reads the params and no other state, so it runs with the stateless
// checks; the mentions it finds are resolved with resolveMentions after
// the stateful checks, so a refused message pays for no handle lookups.
func (k Keeper) prepareContent(ctx context.Context, text, bodyCID string, attachments []types.Attachment) (draftContent, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return draftContent{}, err
	}
	content, err := types.NormalizeContent(params, text, bodyCID, attachments)
	if err != nil {
		return draftContent{}, err
	}
	hashtags, handles, err := types.ParseTags(params, content.Text)
	if err != nil {
		return draftContent{}, err
	}
	return draftContent{PostContent: content, hashtags: hashtags, handles: handles}, nil
}

// requireContent refuses content that shows nothing in a post that quotes
// nothing (quoteOf 0): a quote alone is a post, an empty post is not.
func requireContent(c types.PostContent, quoteOf uint64) error {
	if c.IsEmpty() && quoteOf == 0 {
		return errorsmod.Wrap(types.ErrEmptyPost, "text, body_cid and attachments are all empty, and the post quotes nothing")
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
