package types

import (
	"strings"

	errorsmod "cosmossdk.io/errors"
	"github.com/ethereum/go-ethereum/common"
)

// Default params: small epochs so the dev chain checkpoints often.
const (
	DefaultEpochLength   = 10
	DefaultL1ChainID     = 1337
	DefaultSigningWindow = 100

	// MaxEpochLength keeps checkpoints at least daily at one-second blocks.
	MaxEpochLength = 100_000
)

// DefaultParams returns the genesis defaults.
func DefaultParams() Params {
	return Params{
		EpochLength:   DefaultEpochLength,
		L1ChainId:     DefaultL1ChainID,
		SigningWindow: DefaultSigningWindow,
	}
}

// Validate checks every param and names the one that is wrong.
func (p Params) Validate() error {
	if p.EpochLength < 2 || p.EpochLength > MaxEpochLength {
		return errorsmod.Wrapf(ErrInvalidParams, "epoch_length %d is outside 2-%d", p.EpochLength, MaxEpochLength)
	}
	if p.L1ChainId == 0 {
		return errorsmod.Wrap(ErrInvalidParams, "l1_chain_id must be set")
	}
	if p.L1Contract != "" {
		if err := ValidateEthAddress("l1_contract", p.L1Contract); err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "%s", err)
		}
	}
	if p.SigningWindow < 1 {
		return errorsmod.Wrap(ErrInvalidParams, "signing_window must be at least 1")
	}
	return nil
}

// ValidateEthAddress checks a 0x-prefixed 20-byte hex address that is not
// the zero address.
func ValidateEthAddress(field, s string) error {
	if !strings.HasPrefix(s, "0x") || !common.IsHexAddress(s) {
		return errorsmod.Wrapf(ErrInvalidEthAddress, "%s %q: want 0x followed by 40 hex digits", field, s)
	}
	if common.HexToAddress(s) == (common.Address{}) {
		return errorsmod.Wrapf(ErrInvalidEthAddress, "%s is the zero address", field)
	}
	return nil
}

// CanonicalEthAddress returns the EIP-55 checksummed form used in state.
func CanonicalEthAddress(s string) string {
	return common.HexToAddress(s).Hex()
}
