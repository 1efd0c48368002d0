package textrules_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/internal/textrules"
)

func TestTruncateCutsOnACharacterBoundary(t *testing.T) {
	s := "a" + strings.Repeat("é", 40) + "日本語"
	for n := 0; n <= len(s); n++ {
		out := textrules.Truncate(s, n)
		require.True(t, utf8.ValidString(out), "n=%d: %q", n, out)
		head := strings.TrimSuffix(out, "…")
		require.True(t, strings.HasPrefix(s, head), "n=%d: %q is a prefix", n, head)
		require.LessOrEqual(t, len(head), n, "n=%d", n)
		if n < len(s) {
			require.Greater(t, len(head), n-utf8.UTFMax, "n=%d: at most one character is dropped at the cut", n)
		}
	}
	require.Equal(t, s, textrules.Truncate(s, len(s)), "a string within the limit is unchanged")
	require.Equal(t, "a"+strings.Repeat("é", 31)+"…", textrules.Truncate(s, 64), "the cut at byte 64 falls inside an é")
}

func TestNormalizeText(t *testing.T) {
	for _, tc := range []struct {
		name      string
		in        string
		max       uint32
		multiline bool
		want      string
		err       string
	}{
		{name: "text is returned NFC", in: "Jose\u0301", max: 10, want: "José"},
		{name: "the limit counts characters after NFC", in: strings.Repeat("e\u0301", 10), max: 10, want: strings.Repeat("é", 10)},
		{name: "newline and tab pass in multiline text", in: "a\n\tb", max: 10, multiline: true, want: "a\n\tb"},
		{name: "a newline in single-line text is refused", in: "a\nb", max: 10, err: "control character U+000A at byte 1 is not allowed"},
		{name: "a carriage return is refused even in multiline text", in: "a\r\n", max: 10, multiline: true, err: "control character U+000D at byte 1 is not allowed"},
		{name: "a line separator is refused", in: "ab\u2028", max: 10, multiline: true, err: "control character U+2028 at byte 2 is not allowed"},
		{name: "invalid UTF-8 is refused", in: "a\xffb", max: 10, err: "not valid UTF-8"},
		{name: "text over the limit after NFC is refused", in: strings.Repeat("x", 11), max: 10, err: "11 characters, the limit is 10"},
		// 60 code points that NFC would fold into 30: refused on the raw
		// count, before normalizing.
		{name: "huge text is refused before normalizing", in: strings.Repeat("e\u0301", 30), max: 10, err: "60 characters, the limit is 10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := textrules.NormalizeText(tc.in, tc.max, tc.multiline)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				require.Empty(t, out)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, out)
		})
	}
}

func TestNormalizeTextErrorTypes(t *testing.T) {
	_, err := textrules.NormalizeText("\xff", 10, false)
	require.ErrorIs(t, err, textrules.ErrInvalidUTF8)

	_, err = textrules.NormalizeText("ab\a", 10, false)
	var control *textrules.ControlCharError
	require.True(t, errors.As(err, &control), "%v", err)
	require.Equal(t, &textrules.ControlCharError{Rune: '\a', Offset: 2}, control)

	_, err = textrules.NormalizeText("abc", 2, false)
	var tooLong *textrules.TooLongError
	require.True(t, errors.As(err, &tooLong), "%v", err)
	require.Equal(t, &textrules.TooLongError{Runes: 3, Limit: 2}, tooLong)
}

func TestValidateCID(t *testing.T) {
	require.NoError(t, textrules.ValidateCID("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"))
	require.NoError(t, textrules.ValidateCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"))

	require.ErrorIs(t, textrules.ValidateCID(""), textrules.ErrEmptyCID)

	err := textrules.ValidateCID("b" + strings.Repeat("a", textrules.MaxCIDLength))
	var tooLong *textrules.CIDTooLongError
	require.True(t, errors.As(err, &tooLong), "%v", err)
	require.EqualError(t, err, "129 bytes, the limit is 128")

	err = textrules.ValidateCID("not-a-cid")
	var syntax *textrules.CIDSyntaxError
	require.True(t, errors.As(err, &syntax), "%v", err)
	require.Error(t, syntax.Err)
}

// FuzzNormalizeText checks that accepted text is valid UTF-8 within the
// limit, that normalizing is idempotent, and that nothing panics.
func FuzzNormalizeText(f *testing.F) {
	for _, seed := range []string{"hi", "multi\nline", "Jose\u0301", "\xff", "bell\a", strings.Repeat("é", 80), "\u2028"} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		out, err := textrules.NormalizeText(s, 64, multiline)
		if err != nil {
			return
		}
		require.True(t, utf8.ValidString(out))
		require.LessOrEqual(t, utf8.RuneCountInString(out), 64)
		again, err := textrules.NormalizeText(out, 64, multiline)
		require.NoError(t, err)
		require.Equal(t, out, again)
	})
}
