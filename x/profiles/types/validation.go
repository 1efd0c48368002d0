package types

import (
	"errors"
	"net/url"
	"strings"

	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/internal/textrules"
)

// MaxWebsiteLength bounds the website field; URLs longer than this are
// almost certainly not a profile's home page.
const MaxWebsiteLength = 256

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
			return errorsmod.Wrapf(ErrInvalidHandle, "handle %q: only a-z, 0-9 and _ are allowed", textrules.Truncate(handle, 64))
		}
	}
	if n < int(p.HandleMinLength) || n > int(p.HandleMaxLength) {
		return errorsmod.Wrapf(ErrInvalidHandle, "handle %q: length %d is outside %d-%d", textrules.Truncate(handle, 64), n, p.HandleMinLength, p.HandleMaxLength)
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

// NormalizeText validates a free-text field and returns it NFC-normalized
// (textrules.NormalizeText; newlines and tabs only when multiline).
func NormalizeText(field, s string, maxRunes uint32, multiline bool) (string, error) {
	out, err := textrules.NormalizeText(s, maxRunes, multiline)
	var control *textrules.ControlCharError
	switch {
	case err == nil:
		return out, nil
	case errors.As(err, &control):
		// This module's message never named the byte offset.
		return "", errorsmod.Wrapf(ErrInvalidText, "%s: control character %U is not allowed", field, control.Rune)
	default:
		return "", errorsmod.Wrapf(ErrInvalidText, "%s: %v", field, err)
	}
}

// ValidateCID checks that s, when set, is a CIDv0 or CIDv1.
func ValidateCID(field, s string) error {
	if s == "" {
		return nil
	}
	err := textrules.ValidateCID(s)
	var syntax *textrules.CIDSyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		return errorsmod.Wrapf(ErrInvalidCID, "%s %q: %v", field, textrules.Truncate(s, 64), syntax.Err)
	default:
		return errorsmod.Wrapf(ErrInvalidCID, "%s: %v", field, err)
	}
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
		return errorsmod.Wrapf(ErrInvalidWebsite, "website %q: must be an http:// or https:// URL", textrules.Truncate(s, 64))
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			return errorsmod.Wrapf(ErrInvalidWebsite, "website %q: must not contain spaces or control characters", textrules.Truncate(s, 64))
		}
	}
	return nil
}
