package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/posts/types"
)

func TestNormalizeMimeType(t *testing.T) {
	cases := []struct {
		name, in, want string
		ok             bool
	}{
		{"a plain type/subtype is accepted", "image/png", "image/png", true},
		{"uppercase is lowercased", "Image/PNG", "image/png", true},
		{"a vendor subtype with + and . is accepted", "application/vnd.api+json", "application/vnd.api+json", true},
		{"no slash is refused", "imagepng", "", false},
		{"an empty subtype is refused", "image/", "", false},
		{"parameters are refused", "text/plain;charset=utf-8", "", false},
		{"a second slash is refused", "image/png/x", "", false},
		{"an unknown top-level type is refused", "picture/png", "", false},
		{"a wildcard is refused", "image/*", "", false},
		{"an over-long mime type is refused", "image/" + strings.Repeat("a", 300), "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := types.NormalizeMimeType("mime_type", tc.in)
			if !tc.ok {
				require.ErrorIs(t, err, types.ErrInvalidMimeType)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestValidateCID(t *testing.T) {
	require.NoError(t, types.ValidateCID("cid", "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"))
	require.NoError(t, types.ValidateCID("cid", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"))
	for _, bad := range []string{"", "Qm", "bafy", "not a cid", strings.Repeat("b", 200)} {
		require.ErrorIs(t, types.ValidateCID("cid", bad), types.ErrInvalidCID, bad)
	}
}

func TestNormalizeTextErrorsNameFieldAndLimit(t *testing.T) {
	_, err := types.NormalizeText("text", strings.Repeat("x", 501), 500, "max_text_runes")
	require.ErrorIs(t, err, types.ErrTextTooLong)
	require.Contains(t, err.Error(), "text: 501 characters, the limit is 500 (max_text_runes)")

	_, err = types.NormalizeContent(types.DefaultParams(), "x", "", make([]types.Attachment, 5))
	require.ErrorIs(t, err, types.ErrTooManyAttachments)
	require.Contains(t, err.Error(), "attachments: 5 given, the limit is 4 (max_attachments)")
}

func TestContentHashCoversEveryField(t *testing.T) {
	base := types.PostContent{
		Text: "t", BodyCID: "b", PreviousVersion: []byte{1},
		Attachments: []types.Attachment{{CID: "c", MimeType: "image/png", SizeBytes: 1, AltText: "a"}},
	}
	h, err := base.Hash()
	require.NoError(t, err)
	require.Len(t, h, 32)
	mutations := map[string]func(*types.PostContent){
		"text":             func(c *types.PostContent) { c.Text = "u" },
		"body_cid":         func(c *types.PostContent) { c.BodyCID = "x" },
		"previous_version": func(c *types.PostContent) { c.PreviousVersion = []byte{2} },
		"alt_text":         func(c *types.PostContent) { c.Attachments[0].AltText = "b" },
		"size_bytes":       func(c *types.PostContent) { c.Attachments[0].SizeBytes = 2 },
	}
	for field, mutate := range mutations {
		c := base
		c.Attachments = append([]types.Attachment(nil), base.Attachments...)
		mutate(&c)
		h2, err := c.Hash()
		require.NoError(t, err)
		require.NotEqual(t, h, h2, "changing %s must change the hash", field)
	}
}
