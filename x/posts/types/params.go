package types

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"
	"golang.org/x/text/unicode/norm"

	"github.com/socialchain/socialchain/internal/textrules"
)

// Default params.
const (
	DefaultMaxTextRunes       = 500
	DefaultMaxAttachments     = 4
	DefaultMaxAltTextRunes    = 1000
	DefaultMaxAttachmentBytes = 100 << 20 // 100 MiB
	DefaultMaxHashtags        = 10
	DefaultMaxMentions        = 10

	// TextRunesCeiling bounds the text-length params so a post always fits
	// in a normal transaction.
	TextRunesCeiling = 10_000
	// AttachmentsCeiling bounds max_attachments.
	AttachmentsCeiling = 16
	// TagsCeiling bounds max_hashtags and max_mentions: each tag is an index
	// write and each mention a handle lookup.
	TagsCeiling = 64
	// ReactionEmojisCeiling bounds the length of the reaction_emojis list.
	ReactionEmojisCeiling = 64
	// MaxEmojiBytes bounds one reaction emoji (ZWJ family sequences are the
	// longest, about 25 bytes).
	MaxEmojiBytes = 64
)

// DefaultReactionEmojis are the emoji reactions allowed besides "like".
var DefaultReactionEmojis = []string{"❤️", "😂", "😮", "😢", "😡", "👍", "🔥", "🎉"}

// DefaultParams returns the genesis defaults.
func DefaultParams() Params {
	return Params{
		MaxTextRunes:       DefaultMaxTextRunes,
		MaxAttachments:     DefaultMaxAttachments,
		MaxAltTextRunes:    DefaultMaxAltTextRunes,
		MaxAttachmentBytes: DefaultMaxAttachmentBytes,
		MaxHashtags:        DefaultMaxHashtags,
		MaxMentions:        DefaultMaxMentions,
		ReactionEmojis:     append([]string(nil), DefaultReactionEmojis...),
	}
}

// Validate checks every param and names the one that is wrong.
func (p Params) Validate() error {
	if p.MaxTextRunes < 1 || p.MaxTextRunes > TextRunesCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_text_runes %d is outside 1-%d", p.MaxTextRunes, TextRunesCeiling)
	}
	if p.MaxAttachments > AttachmentsCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_attachments %d is above %d", p.MaxAttachments, AttachmentsCeiling)
	}
	if p.MaxAltTextRunes > TextRunesCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_alt_text_runes %d is above %d", p.MaxAltTextRunes, TextRunesCeiling)
	}
	if p.MaxAttachmentBytes < 1 {
		return errorsmod.Wrap(ErrInvalidParams, "max_attachment_bytes must be at least 1")
	}
	if p.MaxHashtags > TagsCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_hashtags %d is above %d", p.MaxHashtags, TagsCeiling)
	}
	if p.MaxMentions > TagsCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_mentions %d is above %d", p.MaxMentions, TagsCeiling)
	}
	if len(p.ReactionEmojis) > ReactionEmojisCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "reaction_emojis: %d listed, the limit is %d", len(p.ReactionEmojis), ReactionEmojisCeiling)
	}
	for i, e := range p.ReactionEmojis {
		if err := ValidateEmoji(e); err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "reaction_emojis[%d]: %v", i, err)
		}
		for _, prev := range p.ReactionEmojis[:i] {
			if prev == e {
				return errorsmod.Wrapf(ErrInvalidParams, "reaction_emojis[%d]: %q listed twice", i, e)
			}
		}
	}
	return nil
}

// ValidateReaction checks that kind is "like" or one of the reaction_emojis,
// byte for byte.
func (p Params) ValidateReaction(kind string) error {
	if kind == ReactionLike {
		return nil
	}
	for _, e := range p.ReactionEmojis {
		if e == kind {
			return nil
		}
	}
	return errorsmod.Wrapf(ErrInvalidReaction, "kind %q: must be %q or one of reaction_emojis %q", textrules.Truncate(kind, MaxEmojiBytes), ReactionLike, p.ReactionEmojis)
}

// ValidateEmoji checks that s looks like one emoji: NFC UTF-8 of at most
// MaxEmojiBytes, made of symbols (So, Sk), marks (variation selectors,
// keycaps), zero-width joiners and tag characters, with at least one So
// symbol. It is a shape check; the allow-list decides what is accepted.
func ValidateEmoji(s string) error {
	if s == "" || len(s) > MaxEmojiBytes {
		return fmt.Errorf("emoji must be 1-%d bytes", MaxEmojiBytes)
	}
	if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
		return fmt.Errorf("%q is not NFC-normalized UTF-8", s)
	}
	symbol := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.So, r):
			symbol = true
		case unicode.Is(unicode.Sk, r), unicode.IsMark(r), r == '\u200d', r >= 0xE0020 && r <= 0xE007F:
		default:
			return fmt.Errorf("%q is not an emoji: %U", s, r)
		}
	}
	if !symbol {
		return fmt.Errorf("%q is not an emoji", s)
	}
	return nil
}
