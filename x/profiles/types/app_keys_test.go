package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/profiles/types"
)

func TestValidateScopes(t *testing.T) {
	for _, ok := range [][]string{
		{types.ScopePosts},
		{types.ScopeFollows, types.ScopePosts},
		types.AllScopes,
	} {
		require.NoError(t, types.ValidateScopes(ok), "%v", ok)
	}
	for _, tc := range []struct {
		name   string
		scopes []string
	}{
		{"no scopes are refused", nil},
		{"an empty list is refused", []string{}},
		{"an unknown scope is refused", []string{"likes"}},
		{"an empty scope name is refused", []string{""}},
		{"an uppercase scope is refused", []string{"POSTS"}},
		{"a scope with spaces is refused", []string{" posts"}},
		{"a repeated scope is refused", []string{types.ScopePosts, types.ScopePosts}},
		{"more scopes than exist are refused", append(append([]string{}, types.AllScopes...), types.ScopePosts)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, types.ValidateScopes(tc.scopes), types.ErrInvalidScope)
		})
	}
}

// FuzzValidateScopes checks that accepted scope lists are non-empty,
// known and free of repeats, and that validation never panics.
func FuzzValidateScopes(f *testing.F) {
	f.Add("posts", "follows", "")
	f.Add("posts", "posts", "")
	f.Add("likes", "", "")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		var scopes []string
		for _, s := range []string{a, b, c} {
			if s != "" {
				scopes = append(scopes, s)
			}
		}
		if err := types.ValidateScopes(scopes); err != nil {
			require.ErrorIs(t, err, types.ErrInvalidScope)
			return
		}
		require.NotEmpty(t, scopes)
		seen := map[string]bool{}
		for _, s := range scopes {
			require.True(t, types.IsKnownScope(s), s)
			require.False(t, seen[s], s)
			seen[s] = true
		}
	})
}

func TestValidateAppKeyPubKey(t *testing.T) {
	require.NoError(t, types.ValidateAppKeyPubKey(make([]byte, 32)))
	for _, n := range []int{0, 31, 33, 64} {
		require.ErrorIs(t, types.ValidateAppKeyPubKey(make([]byte, n)), types.ErrInvalidAppKey, "%d bytes", n)
	}
}

func TestAppKeyExpiredAt(t *testing.T) {
	expiry := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	key := types.AppKey{ExpiresAt: &expiry}
	require.False(t, key.ExpiredAt(expiry.Add(-time.Nanosecond)))
	require.True(t, key.ExpiredAt(expiry), "a key is expired at its expires_at")
	require.True(t, key.ExpiredAt(expiry.Add(time.Nanosecond)))
	require.False(t, types.AppKey{}.ExpiredAt(expiry.AddDate(100, 0, 0)), "a key without expires_at never expires")
}
