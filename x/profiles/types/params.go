package types

import (
	errorsmod "cosmossdk.io/errors"
)

// Default params.
const (
	DefaultHandleMinLength      = 3
	DefaultHandleMaxLength      = 30
	DefaultDisplayNameMaxRunes  = 64
	DefaultBioMaxRunes          = 500
	DefaultMaxFollowsPerAccount = 5000
	DefaultMaxAppKeysPerProfile = 10

	// HandleMaxLengthCeiling bounds the handle_max_length param itself.
	HandleMaxLengthCeiling = 64
	// TextMaxRunesCeiling bounds the text-length params so a profile always
	// fits in a normal transaction.
	TextMaxRunesCeiling = 10_000
	// MaxAppKeysPerProfileCeiling bounds max_app_keys_per_profile: adding
	// a key counts the profile's keys, so the count must stay small.
	MaxAppKeysPerProfileCeiling = 100
)

// DefaultReservedHandles are handles nobody may take: they would
// impersonate the network or collide with routes clients use.
var DefaultReservedHandles = []string{
	"admin", "administrator", "api", "app", "gov", "governance", "help", "mod", "moderator",
	"null", "root", "settings", "social", "socialchain", "support", "system", "undefined", "validator",
}

// DefaultParams returns the genesis defaults.
func DefaultParams() Params {
	return Params{
		HandleMinLength:      DefaultHandleMinLength,
		HandleMaxLength:      DefaultHandleMaxLength,
		DisplayNameMaxRunes:  DefaultDisplayNameMaxRunes,
		BioMaxRunes:          DefaultBioMaxRunes,
		ReservedHandles:      append([]string(nil), DefaultReservedHandles...),
		MaxFollowsPerAccount: DefaultMaxFollowsPerAccount,
		MaxAppKeysPerProfile: DefaultMaxAppKeysPerProfile,
	}
}

// Validate checks every param and names the one that is wrong.
func (p Params) Validate() error {
	if p.HandleMinLength < 1 {
		return errorsmod.Wrap(ErrInvalidParams, "handle_min_length must be at least 1")
	}
	if p.HandleMaxLength < p.HandleMinLength {
		return errorsmod.Wrapf(ErrInvalidParams, "handle_max_length %d is below handle_min_length %d", p.HandleMaxLength, p.HandleMinLength)
	}
	if p.HandleMaxLength > HandleMaxLengthCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "handle_max_length %d is above %d", p.HandleMaxLength, HandleMaxLengthCeiling)
	}
	if p.DisplayNameMaxRunes < 1 || p.DisplayNameMaxRunes > TextMaxRunesCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "display_name_max_runes %d is outside 1-%d", p.DisplayNameMaxRunes, TextMaxRunesCeiling)
	}
	if p.BioMaxRunes < 1 || p.BioMaxRunes > TextMaxRunesCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "bio_max_runes %d is outside 1-%d", p.BioMaxRunes, TextMaxRunesCeiling)
	}
	if p.MaxFollowsPerAccount < 1 {
		return errorsmod.Wrap(ErrInvalidParams, "max_follows_per_account must be at least 1")
	}
	if p.MaxAppKeysPerProfile < 1 || p.MaxAppKeysPerProfile > MaxAppKeysPerProfileCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_app_keys_per_profile %d is outside 1-%d", p.MaxAppKeysPerProfile, MaxAppKeysPerProfileCeiling)
	}
	seen := make(map[string]bool, len(p.ReservedHandles))
	charset := Params{HandleMinLength: 1, HandleMaxLength: HandleMaxLengthCeiling}
	for _, h := range p.ReservedHandles {
		if err := ValidateHandle(h, charset); err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "reserved_handles: %s", err)
		}
		if seen[h] {
			return errorsmod.Wrapf(ErrInvalidParams, "reserved_handles: %q listed twice", h)
		}
		seen[h] = true
	}
	return nil
}
