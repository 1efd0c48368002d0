package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/posts/types"
)

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := []struct {
		name string
		mod  func(*types.Params)
	}{
		{"max_text_runes of 0 is refused", func(p *types.Params) { p.MaxTextRunes = 0 }},
		{"max_text_runes above the ceiling is refused", func(p *types.Params) { p.MaxTextRunes = types.TextRunesCeiling + 1 }},
		{"max_attachments above the ceiling is refused", func(p *types.Params) { p.MaxAttachments = types.AttachmentsCeiling + 1 }},
		{"max_alt_text_runes above the ceiling is refused", func(p *types.Params) { p.MaxAltTextRunes = types.TextRunesCeiling + 1 }},
		{"max_attachment_bytes of 0 is refused", func(p *types.Params) { p.MaxAttachmentBytes = 0 }},
		{"max_hashtags above the ceiling is refused", func(p *types.Params) { p.MaxHashtags = types.TagsCeiling + 1 }},
		{"max_mentions above the ceiling is refused", func(p *types.Params) { p.MaxMentions = types.TagsCeiling + 1 }},
		{"a word in reaction_emojis is refused", func(p *types.Params) { p.ReactionEmojis = []string{"wow"} }},
		{"like in reaction_emojis is refused", func(p *types.Params) { p.ReactionEmojis = []string{"like"} }},
		{"an empty reaction emoji is refused", func(p *types.Params) { p.ReactionEmojis = []string{""} }},
		{"a duplicate reaction emoji is refused", func(p *types.Params) { p.ReactionEmojis = []string{"🔥", "🔥"} }},
		{"an emoji with a letter is refused", func(p *types.Params) { p.ReactionEmojis = []string{"🔥a"} }},
		{"too many reaction emojis are refused", func(p *types.Params) {
			p.ReactionEmojis = nil
			for r := rune(0x1F600); r < 0x1F600+types.ReactionEmojisCeiling+1; r++ {
				p.ReactionEmojis = append(p.ReactionEmojis, string(r))
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mod(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

func TestValidateEmojiAcceptsCompositeEmojis(t *testing.T) {
	for _, e := range []string{
		"👍", "❤️", "👍🏽", // skin tone modifier
		"👨‍👩‍👧",   // ZWJ sequence
		"🇺🇳",      // regional indicators
		"🏴󠁧󠁢󠁳󠁣󠁴󠁿", // tag sequence
	} {
		require.NoError(t, types.ValidateEmoji(e), "%q", e)
	}
}
