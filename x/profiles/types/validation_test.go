package types_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/socialchain/socialchain/x/profiles/types"
)

// FuzzValidateHandle checks that whatever ValidateHandle accepts obeys the
// handle rules, and that it never panics.
func FuzzValidateHandle(f *testing.F) {
	for _, seed := range []string{"alice", "a_b", "_a", "a__b", "ALICE", "admin", "", "héllo", strings.Repeat("z", 40), "a\x00b"} {
		f.Add(seed)
	}
	p := types.DefaultParams()
	f.Fuzz(func(t *testing.T, h string) {
		if err := types.ValidateHandle(h, p); err != nil {
			return
		}
		require.GreaterOrEqual(t, len(h), int(p.HandleMinLength))
		require.LessOrEqual(t, len(h), int(p.HandleMaxLength))
		require.False(t, strings.HasPrefix(h, "_") || strings.HasSuffix(h, "_") || strings.Contains(h, "__"), h)
		for _, r := range h {
			require.True(t, (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_', h)
		}
		for _, reserved := range p.ReservedHandles {
			require.NotEqual(t, reserved, h)
		}
	})
}

// FuzzNormalizeText checks that accepted text is valid, NFC, within the
// limit and free of control characters, and that it never panics.
func FuzzNormalizeText(f *testing.F) {
	for _, seed := range []string{"hi", "multi\nline", "Jose\u0301", "\xff", "bell\a", strings.Repeat("é", 80), "\u2028"} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		out, err := types.NormalizeText("bio", s, 64, multiline)
		if err != nil {
			require.ErrorIs(t, err, types.ErrInvalidText)
			return
		}
		require.True(t, utf8.ValidString(out))
		require.True(t, norm.NFC.IsNormalString(out))
		require.LessOrEqual(t, utf8.RuneCountInString(out), 64)
		for _, r := range out {
			if multiline && (r == '\n' || r == '\t') {
				continue
			}
			require.False(t, unicode.IsControl(r), "%q", out)
		}
	})
}

// FuzzValidateCID checks that CID validation never panics on any input.
func FuzzValidateCID(f *testing.F) {
	f.Add("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")
	f.Add("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG")
	f.Add("b")
	f.Fuzz(func(t *testing.T, s string) {
		if err := types.ValidateCID("avatar_cid", s); err != nil {
			require.ErrorIs(t, err, types.ErrInvalidCID)
		}
	})
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	require.Equal(t, uint32(10), types.DefaultParams().MaxAppKeysPerProfile)
	atCeiling := types.DefaultParams()
	atCeiling.MaxAppKeysPerProfile = types.MaxAppKeysPerProfileCeiling
	require.NoError(t, atCeiling.Validate(), "the ceiling itself is allowed")
	cases := []struct {
		name   string
		mutate func(p *types.Params)
	}{
		{"zero handle minimum is refused", func(p *types.Params) { p.HandleMinLength = 0 }},
		{"maximum below minimum is refused", func(p *types.Params) { p.HandleMaxLength = 2 }},
		{"maximum above the ceiling is refused", func(p *types.Params) { p.HandleMaxLength = 65 }},
		{"zero display name limit is refused", func(p *types.Params) { p.DisplayNameMaxRunes = 0 }},
		{"bio limit above the ceiling is refused", func(p *types.Params) { p.BioMaxRunes = 10_001 }},
		{"zero follow limit is refused", func(p *types.Params) { p.MaxFollowsPerAccount = 0 }},
		{"zero app key limit is refused", func(p *types.Params) { p.MaxAppKeysPerProfile = 0 }},
		{"app key limit above the ceiling is refused", func(p *types.Params) { p.MaxAppKeysPerProfile = types.MaxAppKeysPerProfileCeiling + 1 }},
		{"duplicate reserved handle is refused", func(p *types.Params) { p.ReservedHandles = []string{"abc", "abc"} }},
		{"invalid reserved handle is refused", func(p *types.Params) { p.ReservedHandles = []string{"A B"} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

func TestValidateWebsite(t *testing.T) {
	for _, ok := range []string{"", "https://alice.example", "http://a.example/path?q=1"} {
		require.NoError(t, types.ValidateWebsite(ok), ok)
	}
	for _, bad := range []string{"alice.example", "ftp://a.example", "https://", "https://a.example/a b", "https://" + strings.Repeat("a", 300)} {
		require.ErrorIs(t, types.ValidateWebsite(bad), types.ErrInvalidWebsite, bad)
	}
}

// An invalid input quoted in an error is shortened on a character
// boundary: cutting "a" followed by é's at byte 64 used to split an é and
// leave half of it (\xc3) in the message.
func TestErrorsQuoteTruncatedInputAsWholeCharacters(t *testing.T) {
	long := "a" + strings.Repeat("é", 40)
	for name, err := range map[string]error{
		"handle":  types.ValidateHandle(long, types.DefaultParams()),
		"website": types.ValidateWebsite("https://" + long + " x"),
	} {
		require.Error(t, err, name)
		require.True(t, utf8.ValidString(err.Error()), "%s: %q", name, err.Error())
		require.NotContains(t, err.Error(), `\x`, "%s: no byte of a split character is quoted", name)
		require.Contains(t, err.Error(), "…", "%s: the input is shortened", name)
	}
	err := types.ValidateHandle(long, types.DefaultParams())
	require.Contains(t, err.Error(), `"a`+strings.Repeat("é", 31)+`…"`)
}

func TestNormalizeTextRefusesOversizedFieldsBeforeNormalizing(t *testing.T) {
	// 60 code points that NFC would fold into 30 é's: the field is refused
	// on its raw length, naming the field and the limit.
	huge := strings.Repeat("e\u0301", 30)
	_, err := types.NormalizeText("display_name", huge, 10, false)
	require.ErrorIs(t, err, types.ErrInvalidText)
	require.ErrorContains(t, err, "display_name: 60 characters, the limit is 10")

	// Within the raw bound, the limit applies to the normalized text.
	_, err = types.NormalizeText("display_name", strings.Repeat("e\u0301", 11), 10, false)
	require.ErrorContains(t, err, "display_name: 11 characters, the limit is 10")
	out, err := types.NormalizeText("display_name", strings.Repeat("e\u0301", 10), 10, false)
	require.NoError(t, err)
	require.Equal(t, strings.Repeat("é", 10), out)
}
