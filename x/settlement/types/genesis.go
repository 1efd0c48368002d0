package types

import (
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis returns the genesis of a new chain: default params and no
// signers; validators register keys with MsgRegisterSigner (or genesis
// tooling lists them, as the dev chain and testnet do).
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate refuses bad params, malformed or duplicate signers, signer sets
// and checkpoints out of order, and checkpoints whose signer set is missing.
func (gs GenesisState) Validate(vc address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %s", err)
	}
	validators := make(map[string]bool, len(gs.Signers))
	eths := make(map[string]bool, len(gs.Signers))
	for i, s := range gs.Signers {
		if _, err := vc.StringToBytes(s.Validator); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signers[%d]: validator %q: %s", i, s.Validator, err)
		}
		if err := ValidateEthAddress("eth_address", s.EthAddress); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signers[%d]: %s", i, err)
		}
		if CanonicalEthAddress(s.EthAddress) != s.EthAddress {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signers[%d]: eth_address %s is not EIP-55 checksummed", i, s.EthAddress)
		}
		if validators[s.Validator] || eths[s.EthAddress] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signers[%d]: %s / %s listed twice", i, s.Validator, s.EthAddress)
		}
		validators[s.Validator], eths[s.EthAddress] = true, true
	}
	nonces := make(map[uint64]bool, len(gs.SignerSets))
	for i, set := range gs.SignerSets {
		if i > 0 && set.Nonce != gs.SignerSets[i-1].Nonce+1 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signer_sets[%d]: nonce %d does not follow %d", i, set.Nonce, gs.SignerSets[i-1].Nonce)
		}
		if len(set.Members) == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signer_sets[%d]: no members", i)
		}
		nonces[set.Nonce] = true
	}
	for i, cp := range gs.Checkpoints {
		if i > 0 && cp.Checkpoint.Number != gs.Checkpoints[i-1].Checkpoint.Number+1 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "checkpoints[%d]: number %d does not follow %d", i, cp.Checkpoint.Number, gs.Checkpoints[i-1].Checkpoint.Number)
		}
		if !nonces[cp.Checkpoint.SignerSetNonce] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "checkpoints[%d]: signer set %d is missing", i, cp.Checkpoint.SignerSetNonce)
		}
		if cp.RecordsTo < cp.RecordsFrom || cp.RecordsTo > uint64(len(gs.Records)) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "checkpoints[%d]: records %d-%d out of range (%d records)", i, cp.RecordsFrom, cp.RecordsTo, len(gs.Records))
		}
	}
	for i, r := range gs.Records {
		if len(r.Leaf) != 32 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "records[%d]: leaf is %d bytes, want 32", i, len(r.Leaf))
		}
	}
	return nil
}
