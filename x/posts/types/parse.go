package types

import (
	"unicode"
	"unicode/utf8"
)

// MaxTagLength bounds the characters after '#' or '@' for a token to count
// as a hashtag or mention; longer runs stay plain text.
const MaxTagLength = 64

// ParseHashtags returns the distinct hashtags of text, lowercase and without
// '#', in order of first appearance. A hashtag is a '#' followed by 1 to
// MaxTagLength ASCII letters, digits or underscores, not all digits, where:
//
//   - the '#' starts the text or follows a character that is not a letter,
//     digit, mark, '_', '#', '@', '&' or '/' (so "a#b", "&#38;", "x.com/#a"
//     are not hashtags), and
//   - the run ends the text or is followed by a character that is not a
//     letter, digit, mark, '#' or '@' (so "#café" is not a hashtag "caf").
//
// The result depends only on text, so every node derives the same tags.
func ParseHashtags(text string) []string {
	return scanTokens(text, '#', true)
}

// ParseMentions returns the distinct @handles of text, lowercase and without
// '@', in order of first appearance, by the same rules as ParseHashtags with
// '@' in place of '#' (an all-digit handle is allowed). "mail@example.com"
// and "@alice@example.org" hold no mention. Whether a handle names a profile
// is decided later, against state.
func ParseMentions(text string) []string {
	return scanTokens(text, '@', false)
}

// IsValidHashtag reports whether tag is a hashtag as ParseHashtags returns
// it: 1 to MaxTagLength of [a-z0-9_], not all digits.
func IsValidHashtag(tag string) bool {
	if len(tag) == 0 || len(tag) > MaxTagLength {
		return false
	}
	allDigits := true
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		switch {
		case c >= 'a' && c <= 'z', c == '_':
			allDigits = false
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return !allDigits
}

func scanTokens(text string, sigil byte, needNonDigit bool) []string {
	var out []string
	prev := rune(-1) // the rune before position i; -1 at the start
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != rune(sigil) || !opensToken(prev) {
			prev = r
			i += size
			continue
		}
		// Scan the ASCII run after the sigil.
		j := i + 1
		for j < len(text) && isTagByte(text[j]) {
			j++
		}
		run := text[i+1 : j]
		next, _ := utf8.DecodeRuneInString(text[j:]) // RuneError when j == len(text)
		if j < len(text) && !closesToken(next) {
			run = ""
		}
		if n := len(run); n > 0 && n <= MaxTagLength && (!needNonDigit || !allDigits(run)) {
			out = appendDistinct(out, lowerASCII(run))
		}
		// Resume after the run; the run's last byte (or the sigil) is the
		// new previous rune, which keeps "#a#b" from yielding "b".
		if j > i+1 {
			prev = rune(text[j-1])
		} else {
			prev = r
		}
		i = j
	}
	return out
}

// opensToken reports whether a sigil after prev starts a token.
func opensToken(prev rune) bool {
	if prev < 0 {
		return true
	}
	switch prev {
	case '_', '#', '@', '&', '/':
		return false
	}
	return !isWordRune(prev)
}

// closesToken reports whether next may follow a token.
func closesToken(next rune) bool {
	if next == '#' || next == '@' {
		return false
	}
	return !isWordRune(next)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

func isTagByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// appendDistinct appends s unless out has it; posts hold few tags, so a
// linear scan beats a map and keeps the order obvious.
func appendDistinct(out []string, s string) []string {
	for _, o := range out {
		if o == s {
			return out
		}
	}
	return append(out, s)
}
