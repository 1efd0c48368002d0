// Package textrules holds the rules for user text and content ids that the
// social modules and the content node share: which text is accepted and how
// it is normalized, what a CID string must be, and how input quoted in an
// error is shortened. It returns plain errors; each module wraps them in its
// own registered errors, so the codes clients read stay the modules'.
package textrules

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/ipfs/go-cid"
	"golang.org/x/text/unicode/norm"
)

// MaxCIDLength bounds a CID string before it is parsed.
const MaxCIDLength = 128

// ErrInvalidUTF8 is text that is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("not valid UTF-8")

// ControlCharError is a control character, or a line or paragraph
// separator, in text.
type ControlCharError struct {
	Rune rune
	// Offset is the byte offset of Rune in the text.
	Offset int
}

func (e *ControlCharError) Error() string {
	return fmt.Sprintf("control character %U at byte %d is not allowed", e.Rune, e.Offset)
}

// TooLongError is text of more code points than its limit.
type TooLongError struct {
	Runes int
	Limit uint32
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("%d characters, the limit is %d", e.Runes, e.Limit)
}

// NormalizeText checks free text and returns it NFC-normalized: valid
// UTF-8, no control characters (newline and tab only when multiline, so
// never a carriage return), no line or paragraph separators, and at most
// maxRunes code points after normalization. It fails with ErrInvalidUTF8,
// a *ControlCharError or a *TooLongError.
func NormalizeText(s string, maxRunes uint32, multiline bool) (string, error) {
	if !utf8.ValidString(s) {
		return "", ErrInvalidUTF8
	}
	for i, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", &ControlCharError{Rune: r, Offset: i}
		}
	}
	// Count before normalizing too: NFC never grows a string's rune count by
	// much, but a huge input should not be normalized just to be refused.
	if n := utf8.RuneCountInString(s); n > 4*int(maxRunes)+16 {
		return "", &TooLongError{Runes: n, Limit: maxRunes}
	}
	out := norm.NFC.String(s)
	if n := utf8.RuneCountInString(out); n > int(maxRunes) {
		return "", &TooLongError{Runes: n, Limit: maxRunes}
	}
	return out, nil
}

// ErrEmptyCID is an empty CID string.
var ErrEmptyCID = errors.New("empty")

// CIDTooLongError is a CID string over MaxCIDLength bytes.
type CIDTooLongError struct{ Bytes int }

func (e *CIDTooLongError) Error() string {
	return fmt.Sprintf("%d bytes, the limit is %d", e.Bytes, MaxCIDLength)
}

// CIDSyntaxError is a string of a CID's length that does not decode as one.
type CIDSyntaxError struct{ Err error }

func (e *CIDSyntaxError) Error() string { return e.Err.Error() }
func (e *CIDSyntaxError) Unwrap() error { return e.Err }

// ValidateCID checks that s is a CIDv0 or CIDv1 string of at most
// MaxCIDLength bytes. It fails with ErrEmptyCID, a *CIDTooLongError or a
// *CIDSyntaxError.
func ValidateCID(s string) error {
	if s == "" {
		return ErrEmptyCID
	}
	if len(s) > MaxCIDLength {
		return &CIDTooLongError{Bytes: len(s)}
	}
	if _, err := cid.Decode(s); err != nil {
		return &CIDSyntaxError{Err: err}
	}
	return nil
}

// Truncate shortens s to at most n bytes, cut on a character boundary and
// marked with "…", so a huge or hostile input quoted in an error message
// cannot bloat logs and never splits a UTF-8 character.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
