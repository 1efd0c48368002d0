package types

import (
	"crypto/sha256"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis returns the genesis state of a new chain: default params,
// no profiles.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate refuses bad params, malformed or duplicate profiles and
// handles, dangling or duplicate edges, follow counters that disagree
// with the edges, and app keys that are malformed, duplicated, above the
// per-profile limit or held by an address without a profile.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %s", err)
	}
	type counts struct{ followers, following uint64 }
	owners := make(map[string]*counts, len(gs.Profiles))
	handles := make(map[string]string, len(gs.Profiles))
	for i, p := range gs.Profiles {
		if _, err := ac.StringToBytes(p.Owner); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: owner %q: %s", i, p.Owner, err)
		}
		if owners[p.Owner] != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: owner %s has two profiles", i, p.Owner)
		}
		if err := ValidateHandle(p.Handle, gs.Params); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: %s", i, err)
		}
		if other, ok := handles[p.Handle]; ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: handle %q is also held by %s", i, p.Handle, other)
		}
		if _, err := NormalizeText("display_name", p.DisplayName, gs.Params.DisplayNameMaxRunes, false); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: %s", i, err)
		}
		if _, err := NormalizeText("bio", p.Bio, gs.Params.BioMaxRunes, true); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: %s", i, err)
		}
		if err := ValidateCID("avatar_cid", p.AvatarCID); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: %s", i, err)
		}
		if err := ValidateCID("banner_cid", p.BannerCID); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: %s", i, err)
		}
		if err := ValidateWebsite(p.Website); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: %s", i, err)
		}
		owners[p.Owner] = &counts{}
		handles[p.Handle] = p.Owner
	}

	follows := make(map[[2]string]bool, len(gs.Follows))
	for i, e := range gs.Follows {
		from, to := owners[e.Follower], owners[e.Followee]
		if from == nil || to == nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "follows[%d]: %s -> %s: both ends need a profile", i, e.Follower, e.Followee)
		}
		if e.Follower == e.Followee {
			return errorsmod.Wrapf(ErrInvalidGenesis, "follows[%d]: %s follows itself", i, e.Follower)
		}
		key := [2]string{e.Follower, e.Followee}
		if follows[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "follows[%d]: %s -> %s listed twice", i, e.Follower, e.Followee)
		}
		follows[key] = true
		from.following++
		to.followers++
	}
	for i, p := range gs.Profiles {
		c := owners[p.Owner]
		if c.following > gs.Params.MaxFollowsPerAccount {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: follows %d accounts, max_follows_per_account is %d", i, c.following, gs.Params.MaxFollowsPerAccount)
		}
		if p.FollowersCount != c.followers || p.FollowingCount != c.following {
			return errorsmod.Wrapf(ErrInvalidGenesis, "profiles[%d]: counters say %d followers / %d following, edges say %d / %d",
				i, p.FollowersCount, p.FollowingCount, c.followers, c.following)
		}
	}

	blocks := make(map[[2]string]bool, len(gs.Blocks))
	for i, e := range gs.Blocks {
		if owners[e.Blocker] == nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "blocks[%d]: blocker %s has no profile", i, e.Blocker)
		}
		if _, err := ac.StringToBytes(e.Blocked); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "blocks[%d]: blocked %q: %s", i, e.Blocked, err)
		}
		if e.Blocker == e.Blocked {
			return errorsmod.Wrapf(ErrInvalidGenesis, "blocks[%d]: %s blocks itself", i, e.Blocker)
		}
		key := [2]string{e.Blocker, e.Blocked}
		if blocks[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "blocks[%d]: %s -> %s listed twice", i, e.Blocker, e.Blocked)
		}
		if follows[[2]string{e.Blocker, e.Blocked}] || follows[[2]string{e.Blocked, e.Blocker}] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "blocks[%d]: %s and %s both block and follow", i, e.Blocker, e.Blocked)
		}
		blocks[key] = true
	}

	hasProfile := func(owner string) bool { return owners[owner] != nil }
	return validateGenesisAppKeys(gs.AppKeys, hasProfile, gs.Params.MaxAppKeysPerProfile)
}

// validateGenesisAppKeys checks the app keys of a genesis; hasProfile
// tells whether an address has a profile in it. Expiry is not checked: there is no block time yet, and an
// exported state keeps expired keys until their owners revoke them.
func validateGenesisAppKeys(keys []AppKey, hasProfile func(owner string) bool, maxPerProfile uint32) error {
	seen := make(map[[2]string]bool, len(keys))
	perOwner := make(map[string]uint32)
	for i, k := range keys {
		if !hasProfile(k.Owner) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "app_keys[%d]: owner %q has no profile", i, k.Owner)
		}
		if err := ValidateAppKeyPubKey(k.PubKey); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "app_keys[%d]: %s", i, err)
		}
		if err := ValidateScopes(k.Scopes); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "app_keys[%d]: %s", i, err)
		}
		key := [2]string{k.Owner, string(k.PubKey)}
		if seen[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "app_keys[%d]: key %X of %s listed twice", i, k.PubKey, k.Owner)
		}
		seen[key] = true
		perOwner[k.Owner]++
		if perOwner[k.Owner] > maxPerProfile {
			return errorsmod.Wrapf(ErrInvalidGenesis, "app_keys[%d]: %s holds more than max_app_keys_per_profile %d keys", i, k.Owner, maxPerProfile)
		}
	}
	return nil
}

// ProfileHash is the sha256 hash of the profile's protobuf encoding with
// its counters zeroed: a profile version is what its owner wrote, and
// follows or posts by others must not make it a new version.
func ProfileHash(p Profile) ([32]byte, error) {
	p.FollowersCount, p.FollowingCount, p.PostsCount = 0, 0, 0
	bz, err := p.Marshal()
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(bz), nil
}
