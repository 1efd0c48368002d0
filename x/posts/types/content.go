package types

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"
	"github.com/ipfs/go-cid"
	"golang.org/x/text/unicode/norm"
)

const (
	// MaxCIDLength bounds a CID string before it is parsed.
	MaxCIDLength = 128
	// MaxMimeTypeLength bounds a mime type (RFC 6838: 127 per part).
	MaxMimeTypeLength = 255
)

// mimeTopLevelTypes are the IANA top-level media types.
var mimeTopLevelTypes = []string{
	"application", "audio", "font", "haptics", "image", "message", "model", "multipart", "text", "video",
}

// NormalizeText validates a free-text field and returns it NFC-normalized:
// valid UTF-8, no control characters other than newline and tab (so no
// carriage returns), no line or paragraph separators, and at most maxRunes
// code points after normalization. limitName names the param that sets
// maxRunes, for the error message.
func NormalizeText(field, s string, maxRunes uint32, limitName string) (string, error) {
	if !utf8.ValidString(s) {
		return "", errorsmod.Wrapf(ErrInvalidText, "%s: not valid UTF-8", field)
	}
	for i, r := range s {
		if r == '\n' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", errorsmod.Wrapf(ErrInvalidText, "%s: control character %U at byte %d is not allowed", field, r, i)
		}
	}
	// Count before normalizing too: NFC never grows a string's rune count by
	// much, but a huge input should not be normalized just to be refused.
	if n := utf8.RuneCountInString(s); n > 4*int(maxRunes)+16 {
		return "", errorsmod.Wrapf(ErrTextTooLong, "%s: %d characters, the limit is %d (%s)", field, n, maxRunes, limitName)
	}
	out := norm.NFC.String(s)
	if n := utf8.RuneCountInString(out); n > int(maxRunes) {
		return "", errorsmod.Wrapf(ErrTextTooLong, "%s: %d characters, the limit is %d (%s)", field, n, maxRunes, limitName)
	}
	return out, nil
}

// ValidateCID checks that s is a CIDv0 or CIDv1 string.
func ValidateCID(field, s string) error {
	if s == "" {
		return errorsmod.Wrapf(ErrInvalidCID, "%s: empty", field)
	}
	if len(s) > MaxCIDLength {
		return errorsmod.Wrapf(ErrInvalidCID, "%s: %d bytes, the limit is %d", field, len(s), MaxCIDLength)
	}
	if _, err := cid.Decode(s); err != nil {
		return errorsmod.Wrapf(ErrInvalidCID, "%s %q: %v", field, s, err)
	}
	return nil
}

// NormalizeMimeType checks that s is shaped type/subtype (RFC 6838
// restricted names, no parameters) with an IANA top-level type, and returns
// it lowercase.
func NormalizeMimeType(field, s string) (string, error) {
	bad := func(why string) error {
		return errorsmod.Wrapf(ErrInvalidMimeType, "%s %q: %s; want type/subtype, e.g. image/png", field, truncate(s, 64), why)
	}
	if len(s) == 0 || len(s) > MaxMimeTypeLength {
		return "", bad(fmt.Sprintf("length must be 1-%d", MaxMimeTypeLength))
	}
	lower := strings.ToLower(s)
	typ, sub, ok := strings.Cut(lower, "/")
	if !ok {
		return "", bad("no '/'")
	}
	if !isRestrictedName(typ) || !isRestrictedName(sub) {
		return "", bad("type and subtype must start with a letter or digit and hold only letters, digits and !#$&-^_.+")
	}
	known := false
	for _, t := range mimeTopLevelTypes {
		if t == typ {
			known = true
			break
		}
	}
	if !known {
		return "", bad(fmt.Sprintf("unknown top-level type %q", typ))
	}
	return lower, nil
}

// isRestrictedName reports whether s is an RFC 6838 restricted-name.
func isRestrictedName(s string) bool {
	if len(s) == 0 || len(s) > 127 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if i == 0 && !alnum {
			return false
		}
		if !alnum && !strings.ContainsRune("!#$&-^_.+", rune(c)) {
			return false
		}
	}
	return true
}

// NormalizeContent validates the content fields of a create or edit message
// against the params and returns them normalized (NFC text and alt texts,
// lowercase mime types). The previous_version of the result is unset.
func NormalizeContent(p Params, text, bodyCID string, attachments []Attachment) (PostContent, error) {
	var c PostContent
	var err error
	if c.Text, err = NormalizeText("text", text, p.MaxTextRunes, "max_text_runes"); err != nil {
		return PostContent{}, err
	}
	if bodyCID != "" {
		if err := ValidateCID("body_cid", bodyCID); err != nil {
			return PostContent{}, err
		}
		c.BodyCID = bodyCID
	}
	if len(attachments) > int(p.MaxAttachments) {
		return PostContent{}, errorsmod.Wrapf(ErrTooManyAttachments, "attachments: %d given, the limit is %d (max_attachments)", len(attachments), p.MaxAttachments)
	}
	for i, a := range attachments {
		field := fmt.Sprintf("attachments[%d]", i)
		if err := ValidateCID(field+".cid", a.CID); err != nil {
			return PostContent{}, err
		}
		mime, err := NormalizeMimeType(field+".mime_type", a.MimeType)
		if err != nil {
			return PostContent{}, err
		}
		if a.SizeBytes == 0 || a.SizeBytes > p.MaxAttachmentBytes {
			return PostContent{}, errorsmod.Wrapf(ErrInvalidAttachment, "%s.size_bytes: %d, must be 1-%d (max_attachment_bytes)", field, a.SizeBytes, p.MaxAttachmentBytes)
		}
		alt, err := NormalizeText(field+".alt_text", a.AltText, p.MaxAltTextRunes, "max_alt_text_runes")
		if err != nil {
			return PostContent{}, err
		}
		c.Attachments = append(c.Attachments, Attachment{CID: a.CID, MimeType: mime, SizeBytes: a.SizeBytes, AltText: alt})
	}
	return c, nil
}

// IsEmpty reports whether the content shows nothing: blank text, no body and
// no attachments.
func (c PostContent) IsEmpty() bool {
	return strings.TrimSpace(c.Text) == "" && c.BodyCID == "" && len(c.Attachments) == 0
}

// SameAs reports whether c and o hold the same text, body and attachments,
// ignoring previous_version.
func (c PostContent) SameAs(o PostContent) bool {
	if c.Text != o.Text || c.BodyCID != o.BodyCID || len(c.Attachments) != len(o.Attachments) {
		return false
	}
	for i := range c.Attachments {
		if c.Attachments[i] != o.Attachments[i] {
			return false
		}
	}
	return true
}

// Hash returns sha256 of the protobuf encoding of c: the content hash that
// the next version's previous_version points to. The encoding is
// deterministic: scalar and repeated-message fields only, written in field
// order, defaults omitted.
func (c PostContent) Hash() ([]byte, error) {
	bz, err := c.Marshal()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(bz)
	return sum[:], nil
}

// Content returns the current content of p.
func (p Post) Content() PostContent {
	return PostContent{Text: p.Text, BodyCID: p.BodyCID, Attachments: p.Attachments, PreviousVersion: p.PreviousVersion}
}

// CIDs returns the IPFS CIDs c references: the body first, then the
// attachments.
func (c PostContent) CIDs() []string {
	var out []string
	if c.BodyCID != "" {
		out = append(out, c.BodyCID)
	}
	for _, a := range c.Attachments {
		out = append(out, a.CID)
	}
	return out
}

// VerifyChain checks that versions (oldest first, numbered from 0) form a
// hash chain: each content_hash matches its content, and each
// previous_version is the content_hash of the version before.
func VerifyChain(versions []PostVersion) error {
	var prev []byte
	for i, v := range versions {
		if v.Version != uint32(i) {
			return fmt.Errorf("version %d found where %d was expected", v.Version, i)
		}
		if !bytes.Equal(v.Content.PreviousVersion, prev) {
			return fmt.Errorf("version %d: previous_version does not match the content_hash of version %d", i, i-1)
		}
		h, err := v.Content.Hash()
		if err != nil {
			return err
		}
		if !bytes.Equal(h, v.ContentHash) {
			return fmt.Errorf("version %d: content_hash does not match its content", i)
		}
		prev = h
	}
	return nil
}

// truncate shortens s to at most n bytes, on a rune boundary, for error
// messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// ParseTags returns the hashtags and @handles of text (see ParseHashtags and
// ParseMentions), refusing more than the params allow.
func ParseTags(p Params, text string) (hashtags, handles []string, err error) {
	hashtags = ParseHashtags(text)
	if len(hashtags) > int(p.MaxHashtags) {
		return nil, nil, errorsmod.Wrapf(ErrTooManyHashtags, "text: %d distinct hashtags, the limit is %d (max_hashtags)", len(hashtags), p.MaxHashtags)
	}
	handles = ParseMentions(text)
	if len(handles) > int(p.MaxMentions) {
		return nil, nil, errorsmod.Wrapf(ErrTooManyMentions, "text: %d distinct mentions, the limit is %d (max_mentions)", len(handles), p.MaxMentions)
	}
	return hashtags, handles, nil
}
