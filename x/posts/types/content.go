package types

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/internal/textrules"
)

// MaxMimeTypeLength bounds a mime type (RFC 6838: 127 per part).
const MaxMimeTypeLength = 255

// mimeTopLevelTypes are the IANA top-level media types.
var mimeTopLevelTypes = []string{
	"application", "audio", "font", "haptics", "image", "message", "model", "multipart", "text", "video",
}

// NormalizeText validates a free-text field and returns it NFC-normalized
// (textrules.NormalizeText, with newline and tab allowed). limitName names
// the param that sets maxRunes, for the error message.
func NormalizeText(field, s string, maxRunes uint32, limitName string) (string, error) {
	out, err := textrules.NormalizeText(s, maxRunes, true)
	var tooLong *textrules.TooLongError
	switch {
	case err == nil:
		return out, nil
	case errors.As(err, &tooLong):
		return "", errorsmod.Wrapf(ErrTextTooLong, "%s: %v (%s)", field, err, limitName)
	default:
		return "", errorsmod.Wrapf(ErrInvalidText, "%s: %v", field, err)
	}
}

// ValidateCID checks that s is a CIDv0 or CIDv1 string.
func ValidateCID(field, s string) error {
	err := textrules.ValidateCID(s)
	var syntax *textrules.CIDSyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		return errorsmod.Wrapf(ErrInvalidCID, "%s %q: %v", field, s, syntax.Err)
	default:
		return errorsmod.Wrapf(ErrInvalidCID, "%s: %v", field, err)
	}
}

// NormalizeMimeType checks that s is shaped type/subtype (RFC 6838
// restricted names, no parameters) with an IANA top-level type, and returns
// it lowercase.
func NormalizeMimeType(field, s string) (string, error) {
	bad := func(why string) error {
		return errorsmod.Wrapf(ErrInvalidMimeType, "%s %q: %s; want type/subtype, e.g. image/png", field, textrules.Truncate(s, 64), why)
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
