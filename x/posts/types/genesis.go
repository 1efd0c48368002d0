package types

import (
	"bytes"
	"cmp"
	"slices"
	"unicode/utf8"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis returns the genesis state of a new chain: default params,
// no posts, ids starting at 1.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextPostId: 1, NextReactionId: 1}
}

// Validate refuses bad params, posts out of id order or with an id at or
// above next_post_id, dangling reply_to/quote_of/root_id references,
// tombstones that still hold content, edit histories that do not form a
// hash chain, and duplicate or dangling reposts and reactions.
//
// Post content is not checked against the current params: governance may
// have tightened a limit after a post was written, and an export must still
// import.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %v", err)
	}
	if gs.NextPostId < 1 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_post_id must be at least 1")
	}
	if gs.NextReactionId < 1 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_reaction_id must be at least 1")
	}

	posts := make(map[uint64]*Post, len(gs.Posts))
	var lastID uint64
	for i := range gs.Posts {
		p := &gs.Posts[i]
		if p.ID <= lastID {
			return errorsmod.Wrapf(ErrInvalidGenesis, "posts[%d]: id %d is not above the previous id %d (ids start at 1, in order, no duplicates)", i, p.ID, lastID)
		}
		if p.ID >= gs.NextPostId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "posts[%d]: id %d is not below next_post_id %d", i, p.ID, gs.NextPostId)
		}
		lastID = p.ID
		if err := validateGenesisPost(ac, p, posts); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "posts[%d] (id %d): %v", i, p.ID, err)
		}
		posts[p.ID] = p
	}

	// Versions: grouped by post, every replaced version 0..version-1 present
	// once, chained by hash up to the post's previous_version.
	byPost := make(map[uint64][]PostVersion)
	for i, v := range gs.Versions {
		p := posts[v.PostID]
		if p == nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "versions[%d]: post %d does not exist", i, v.PostID)
		}
		if p.Deleted {
			return errorsmod.Wrapf(ErrInvalidGenesis, "versions[%d]: post %d is deleted and keeps no history", i, v.PostID)
		}
		if v.Version >= p.Version {
			return errorsmod.Wrapf(ErrInvalidGenesis, "versions[%d]: version %d of post %d is not below its current version %d", i, v.Version, v.PostID, p.Version)
		}
		byPost[v.PostID] = append(byPost[v.PostID], v)
	}
	for i := range gs.Posts {
		p := &gs.Posts[i]
		if p.Deleted {
			continue
		}
		versions := byPost[p.ID]
		if len(versions) != int(p.Version) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "post %d: at version %d but %d replaced versions are listed", p.ID, p.Version, len(versions))
		}
		slices.SortFunc(versions, func(a, b PostVersion) int { return cmp.Compare(a.Version, b.Version) })
		if err := VerifyChain(versions); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "post %d history: %v", p.ID, err)
		}
		var want []byte
		if n := len(versions); n > 0 {
			want = versions[n-1].ContentHash
		}
		if !bytes.Equal(p.PreviousVersion, want) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "post %d: previous_version does not match the content_hash of its last replaced version", p.ID)
		}
	}

	type repostKey struct {
		post     uint64
		reposter string
	}
	reposts := make(map[repostKey]bool, len(gs.Reposts))
	for i, r := range gs.Reposts {
		if posts[r.PostID] == nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reposts[%d]: post %d does not exist", i, r.PostID)
		}
		if _, err := ac.StringToBytes(r.Reposter); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reposts[%d]: reposter %q: %v", i, r.Reposter, err)
		}
		key := repostKey{r.PostID, r.Reposter}
		if reposts[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reposts[%d]: %s reposted post %d twice", i, r.Reposter, r.PostID)
		}
		reposts[key] = true
	}

	type reactionKey struct {
		post       uint64
		user, kind string
	}
	reactions := make(map[reactionKey]bool, len(gs.Reactions))
	reactionIDs := make(map[uint64]bool, len(gs.Reactions))
	for i, r := range gs.Reactions {
		if r.ID < 1 || r.ID >= gs.NextReactionId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reactions[%d]: id %d is outside 1-%d (below next_reaction_id)", i, r.ID, gs.NextReactionId-1)
		}
		if reactionIDs[r.ID] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reactions[%d]: id %d listed twice", i, r.ID)
		}
		reactionIDs[r.ID] = true
		if posts[r.PostID] == nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reactions[%d]: post %d does not exist", i, r.PostID)
		}
		if _, err := ac.StringToBytes(r.User); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reactions[%d]: user %q: %v", i, r.User, err)
		}
		// Kinds are checked for shape only: an emoji dropped from the
		// allow-list later does not remove the reactions made with it.
		if r.Kind != ReactionLike {
			if err := ValidateEmoji(r.Kind); err != nil {
				return errorsmod.Wrapf(ErrInvalidGenesis, "reactions[%d]: kind: %v", i, err)
			}
		}
		key := reactionKey{r.PostID, r.User, r.Kind}
		if reactions[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "reactions[%d]: %s reacted %q to post %d twice", i, r.User, r.Kind, r.PostID)
		}
		reactions[key] = true
	}
	return nil
}

// validateGenesisPost checks one post against the posts before it.
func validateGenesisPost(ac address.Codec, p *Post, earlier map[uint64]*Post) error {
	if _, err := ac.StringToBytes(p.Author); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "author %q: %v", p.Author, err)
	}
	if p.ReplyTo == 0 {
		if p.RootID != p.ID {
			return errorsmod.Wrapf(ErrInvalidGenesis, "a top-level post must be its own root, root_id is %d", p.RootID)
		}
	} else {
		parent := earlier[p.ReplyTo]
		if parent == nil {
			return errorsmod.Wrapf(ErrPostNotFound, "reply_to %d is not an earlier post", p.ReplyTo)
		}
		if p.RootID != parent.RootID {
			return errorsmod.Wrapf(ErrInvalidGenesis, "root_id %d differs from the parent's root_id %d", p.RootID, parent.RootID)
		}
	}
	if p.QuoteOf != 0 && earlier[p.QuoteOf] == nil {
		return errorsmod.Wrapf(ErrPostNotFound, "quote_of %d is not an earlier post", p.QuoteOf)
	}
	if p.Deleted {
		if !p.Content().IsEmpty() || p.Text != "" || len(p.Hashtags) > 0 || len(p.Mentions) > 0 || len(p.PreviousVersion) > 0 {
			return errorsmod.Wrap(ErrInvalidGenesis, "a deleted post must hold no text, body, attachments, hashtags, mentions or previous_version")
		}
		return nil
	}
	if !utf8.ValidString(p.Text) {
		return errorsmod.Wrap(ErrInvalidText, "text: not valid UTF-8")
	}
	if p.BodyCID != "" {
		if err := ValidateCID("body_cid", p.BodyCID); err != nil {
			return err
		}
	}
	for i, a := range p.Attachments {
		if err := ValidateCID("attachment cid", a.CID); err != nil {
			return errorsmod.Wrapf(err, "attachments[%d]", i)
		}
	}
	for i, tag := range p.Hashtags {
		if !IsValidHashtag(tag) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "hashtags[%d]: %q is not a lowercase hashtag", i, tag)
		}
		for _, prev := range p.Hashtags[:i] {
			if prev == tag {
				return errorsmod.Wrapf(ErrInvalidGenesis, "hashtags[%d]: %q listed twice", i, tag)
			}
		}
	}
	for i, m := range p.Mentions {
		if _, err := ac.StringToBytes(m.Address); err != nil {
			return errorsmod.Wrapf(ErrInvalidAddress, "mentions[%d]: address %q: %v", i, m.Address, err)
		}
	}
	if (p.Version == 0) != (len(p.PreviousVersion) == 0) {
		return errorsmod.Wrap(ErrInvalidGenesis, "previous_version must be set exactly when version > 0")
	}
	return nil
}
