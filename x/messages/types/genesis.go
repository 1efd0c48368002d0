package types

import (
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis returns the genesis of a new chain: default params, no
// receipts, no bought units.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate checks a genesis state: params, receipt hashes and statuses, and
// that no address appears twice.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	seen := make(map[Hash]bool, len(gs.Receipts))
	for i, r := range gs.Receipts {
		var h Hash
		if len(r.Hash) != len(h) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "receipts[%d]: hash is %d bytes, want %d", i, len(r.Hash), len(h))
		}
		copy(h[:], r.Hash)
		if seen[h] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "receipts[%d]: duplicate hash %s", i, h)
		}
		seen[h] = true
		if r.Status != StatusIncluded && r.Status != StatusFailed {
			return errorsmod.Wrapf(ErrInvalidGenesis, "receipts[%d]: status %s is not included or failed", i, r.Status)
		}
	}
	owners := make(map[string]bool, len(gs.Units))
	for i, u := range gs.Units {
		if _, err := ac.StringToBytes(u.Owner); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "units[%d]: owner %q: %v", i, u.Owner, err)
		}
		if owners[u.Owner] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "units[%d]: duplicate owner %s", i, u.Owner)
		}
		owners[u.Owner] = true
		if u.Units+gs.Params.FreeUnits > gs.Params.MaxUnits {
			return errorsmod.Wrapf(ErrInvalidGenesis, "units[%d]: %d bought units exceed max_units %d", i, u.Units, gs.Params.MaxUnits)
		}
	}
	authors := make(map[string]bool, len(gs.Usage))
	for i, u := range gs.Usage {
		if _, err := ac.StringToBytes(u.Author); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "usage[%d]: author %q: %v", i, u.Author, err)
		}
		if authors[u.Author] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "usage[%d]: duplicate author %s", i, u.Author)
		}
		authors[u.Author] = true
	}
	return nil
}
