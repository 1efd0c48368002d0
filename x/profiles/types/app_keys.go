package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/internal/textrules"
)

// Scopes an app key can be given: each names the message-lane actions the
// key may sign for its owner. The names are stored in state and signed
// into transactions, so they never change.
const (
	// ScopePosts covers creating, editing and deleting posts.
	ScopePosts = "posts"
	// ScopeReactions covers reacting and unreacting.
	ScopeReactions = "reactions"
	// ScopeReposts covers reposting and undoing a repost.
	ScopeReposts = "reposts"
	// ScopeFollows covers follow, unfollow, block and unblock.
	ScopeFollows = "follows"
)

// AppKeyPubKeySize is the size of an app key: a raw ed25519 public key.
const AppKeyPubKeySize = 32

// AllScopes lists every scope, in the order the docs and CLI show them.
var AllScopes = []string{ScopePosts, ScopeReactions, ScopeReposts, ScopeFollows}

// IsKnownScope reports whether scope is one of AllScopes.
func IsKnownScope(scope string) bool {
	switch scope {
	case ScopePosts, ScopeReactions, ScopeReposts, ScopeFollows:
		return true
	}
	return false
}

// ValidateScopes checks the scopes of an app key: at least one, each a
// known scope, none listed twice. It needs no state, so clients run it too.
func ValidateScopes(scopes []string) error {
	if len(scopes) == 0 {
		return errorsmod.Wrapf(ErrInvalidScope, "scopes: give at least one of %v", AllScopes)
	}
	// Only four names are valid, so a longer list must repeat or be wrong.
	if len(scopes) > len(AllScopes) {
		return errorsmod.Wrapf(ErrInvalidScope, "scopes: %d given, there are only %d scopes %v", len(scopes), len(AllScopes), AllScopes)
	}
	for i, s := range scopes {
		if !IsKnownScope(s) {
			return errorsmod.Wrapf(ErrInvalidScope, "scopes[%d] %q: not one of %v", i, textrules.Truncate(s, 32), AllScopes)
		}
		for _, prev := range scopes[:i] {
			if prev == s {
				return errorsmod.Wrapf(ErrInvalidScope, "scopes[%d] %q: listed twice", i, s)
			}
		}
	}
	return nil
}

// ValidateAppKeyPubKey checks that pubKey is the size of a raw ed25519
// public key. It needs no state, so clients run it too.
func ValidateAppKeyPubKey(pubKey []byte) error {
	if len(pubKey) != AppKeyPubKeySize {
		return errorsmod.Wrapf(ErrInvalidAppKey, "pub_key is %d bytes, an ed25519 public key is %d", len(pubKey), AppKeyPubKeySize)
	}
	return nil
}

// HasScope reports whether the key was given scope.
func (k AppKey) HasScope(scope string) bool {
	for _, s := range k.Scopes {
		if s == scope {
			return true
		}
	}
	return false
}

// ExpiredAt reports whether the key no longer signs at time t: it has an
// expiry and t is at or past it.
func (k AppKey) ExpiredAt(t time.Time) bool {
	return k.ExpiresAt != nil && !t.Before(*k.ExpiresAt)
}
