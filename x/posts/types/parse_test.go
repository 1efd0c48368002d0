package types_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/posts/types"
)

func TestParseHashtags(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a hashtag at the start is found", "#go is fun", []string{"go"}},
		{"hashtags are lowercased and deduplicated in order", "#Go #rust #GO #go_lang", []string{"go", "rust", "go_lang"}},
		{"punctuation ends a hashtag", "(#one), #two. #three!", []string{"one", "two", "three"}},
		{"a hashtag inside a word is not one", "c#sharp a#b", nil},
		{"an HTML entity is not a hashtag", "&#38; x", nil},
		{"a URL fragment is not a hashtag", "see x.com/#anchor", nil},
		{"an all-digit tag is not a hashtag", "#1 #2024 #2024a", []string{"2024a"}},
		{"a tag running into a non-ASCII letter is not a hashtag", "#café #naïve #ok", []string{"ok"}},
		{"a tag followed by a combining mark is not a hashtag", "#e\u0301 #ok", []string{"ok"}},
		{"a tag running into another sigil is not a hashtag", "#a#b #c@d", nil},
		{"a doubled sigil is not a hashtag", "##x", nil},
		{"a lone sigil is not a hashtag", "# #", nil},
		{"a tag after non-ASCII punctuation or emoji is found", "«#quoted» 🔥#fire", []string{"quoted", "fire"}},
		{"a tag after a newline is found", "line\n#next", []string{"next"}},
		{"a tag of 64 characters is found", "#" + strings.Repeat("a", 64), []string{strings.Repeat("a", 64)}},
		{"a tag over 64 characters is not a hashtag", "#" + strings.Repeat("a", 65), nil},
		{"a tag may follow a mention's sigil-free end", "@bob #tag", []string{"tag"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, types.ParseHashtags(tc.text))
		})
	}
}

func TestParseMentions(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a mention is found and lowercased", "hi @Alice!", []string{"alice"}},
		{"mentions are deduplicated in order", "@bob @carol @BOB", []string{"bob", "carol"}},
		{"an email address holds no mention", "mail me at bob@example.com", nil},
		{"a fediverse address holds no mention", "@alice@example.org", nil},
		{"an all-digit handle is a mention", "@007", []string{"007"}},
		{"a handle running into a non-ASCII letter is no mention", "@josé", nil},
		{"a mention after punctuation is found", "(@dan), cc:@eve", []string{"dan", "eve"}},
		{"a doubled sigil is no mention", "@@x", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, types.ParseMentions(tc.text))
		})
	}
}

// checkTokens holds for both parsers: valid, distinct tokens, each of which
// occurs in the text after its sigil, the same on every run.
func checkTokens(t *testing.T, text string, sigil byte, tokens []string) {
	seen := map[string]bool{}
	lower := strings.ToLower(text)
	for _, tok := range tokens {
		require.False(t, seen[tok], "token %q twice", tok)
		seen[tok] = true
		require.NotEmpty(t, tok)
		require.LessOrEqual(t, len(tok), types.MaxTagLength)
		for i := 0; i < len(tok); i++ {
			c := tok[i]
			require.True(t, c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_', "token %q", tok)
		}
		require.Contains(t, lower, string(sigil)+tok)
	}
}

func FuzzParseHashtags(f *testing.F) {
	for _, s := range []string{"#go", "a#b #c", "#café", "&#38;", "#" + strings.Repeat("x", 70), "🔥#fire", "\xff#x", "##a#b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tags := types.ParseHashtags(text)
		checkTokens(t, text, '#', tags)
		for _, tag := range tags {
			require.True(t, types.IsValidHashtag(tag), "tag %q", tag)
		}
		require.Equal(t, tags, types.ParseHashtags(text), "parsing is deterministic")
	})
}

func FuzzParseMentions(f *testing.F) {
	for _, s := range []string{"@bob", "a@b.com", "@a@b", "@josé", "(@dan)", "\xff@x", "@@x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		handles := types.ParseMentions(text)
		checkTokens(t, text, '@', handles)
		require.Equal(t, handles, types.ParseMentions(text), "parsing is deterministic")
	})
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"hello", "Cafe\u0301", "a\nb\tc", "bell\a", "\xff", "\u2028", strings.Repeat("é", 600)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		const limit = 500
		out, err := types.NormalizeText("text", text, limit, "max_text_runes")
		if err != nil {
			require.Empty(t, out)
			return
		}
		require.True(t, utf8.ValidString(out))
		require.LessOrEqual(t, utf8.RuneCountInString(out), limit)
		again, err := types.NormalizeText("text", out, limit, "max_text_runes")
		require.NoError(t, err, "normalized text is accepted")
		require.Equal(t, out, again, "normalizing is idempotent")
	})
}
