package types

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"
	"github.com/ipfs/go-cid"
	"golang.org/x/text/unicode/norm"
)

// MaxWebsiteLength bounds the website field; URLs longer than this are
// almost certainly not a profile's home page.
const MaxWebsiteLength = 256

// MaxCIDLength bounds a CID string before it is parsed.
const MaxCIDLength = 128

// ValidateHandle checks a handle against the handle rules and params:
// lowercase [a-z0-9_], no leading, trailing or double underscore, a
// length within the params bounds, and not reserved.
func ValidateHandle(handle string, p Params) error {
	n := len(handle) // ASCII only, so bytes == runes once the charset holds
	for i := 0; i < len(handle); i++ {
		c := handle[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
		case c >= 'A' && c <= 'Z':
			return errorsmod.Wrapf(ErrInvalidHandle, "handle %q: uppercase letters are not allowed; use %q", handle, strings.ToLower(handle))
		default:
			return errorsmod.Wrapf(ErrInvalidHandle, "handle %q: only a-z, 0-9 and _ are allowed", truncate(handle, 64))
		}
	}
	if n < int(p.HandleMinLength) || n > int(p.HandleMaxLength) {
		return errorsmod.Wrapf(ErrInvalidHandle, "handle %q: length %d is outside %d-%d", truncate(handle, 64), n, p.HandleMinLength, p.HandleMaxLength)
	}
	if strings.HasPrefix(handle, "_") || strings.HasSuffix(handle, "_") {
		return errorsmod.Wrapf(ErrInvalidHandle, "handle %q: must not start or end with _", handle)
	}
	if strings.Contains(handle, "__") {
		return errorsmod.Wrapf(ErrInvalidHandle, "handle %q: must not contain __", handle)
	}
	for _, r := range p.ReservedHandles {
		if r == handle {
			return errorsmod.Wrapf(ErrHandleReserved, "handle %q", handle)
		}
	}
	return nil
}

// NormalizeText validates a free-text field and returns it NFC-normalized:
// valid UTF-8, no control characters (newlines and tabs only when
// multiline), and at most maxRunes runes after normalization.
func NormalizeText(field, s string, maxRunes uint32, multiline bool) (string, error) {
	if !utf8.ValidString(s) {
		return "", errorsmod.Wrapf(ErrInvalidText, "%s: not valid UTF-8", field)
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", errorsmod.Wrapf(ErrInvalidText, "%s: control character %U is not allowed", field, r)
		}
	}
	out := norm.NFC.String(s)
	if n := utf8.RuneCountInString(out); n > int(maxRunes) {
		return "", errorsmod.Wrapf(ErrInvalidText, "%s: %d characters, the limit is %d", field, n, maxRunes)
	}
	return out, nil
}

// ValidateCID checks that s, when set, is a CIDv0 or CIDv1.
func ValidateCID(field, s string) error {
	if s == "" {
		return nil
	}
	if len(s) > MaxCIDLength {
		return errorsmod.Wrapf(ErrInvalidCID, "%s: %d bytes, the limit is %d", field, len(s), MaxCIDLength)
	}
	if _, err := cid.Decode(s); err != nil {
		return errorsmod.Wrapf(ErrInvalidCID, "%s %q: %v", field, truncate(s, 64), err)
	}
	return nil
}

// ValidateWebsite checks that s, when set, is an absolute http(s) URL.
func ValidateWebsite(s string) error {
	if s == "" {
		return nil
	}
	if len(s) > MaxWebsiteLength {
		return errorsmod.Wrapf(ErrInvalidWebsite, "website: %d bytes, the limit is %d", len(s), MaxWebsiteLength)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errorsmod.Wrapf(ErrInvalidWebsite, "website %q: must be an http:// or https:// URL", truncate(s, 64))
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			return errorsmod.Wrapf(ErrInvalidWebsite, "website %q: must not contain spaces or control characters", truncate(s, 64))
		}
	}
	return nil
}

// truncate shortens s for error messages so a huge input cannot bloat logs.
func truncate(s string, max int) string {
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}
