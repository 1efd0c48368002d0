package app

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// AppName is the name baked into the binary and the BaseApp.
	AppName = "socialchain"

	// Bech32Prefix is the human-readable part of every socialchain account address.
	Bech32Prefix = "social"

	// BondDenom is the base unit of the staking and fee token.
	BondDenom = "usocial"
	// DisplayDenom is the unit people read; 1 SOCIAL = 10^DisplayExponent usocial.
	DisplayDenom = "SOCIAL"
	// DisplayExponent is the number of decimals between BondDenom and DisplayDenom.
	DisplayExponent = 6

	// DefaultChainID is the chain id the dev chain and the docs use.
	DefaultChainID = "socialchain-dev-1"
)

// SetAddressPrefixes makes every address codec in the process speak the
// social… prefixes. It must run before any address is encoded and is
// idempotent, so tests and the CLI can both call it.
func SetAddressPrefixes() {
	cfg := sdk.GetConfig()
	if cfg.GetBech32AccountAddrPrefix() == Bech32Prefix {
		return
	}
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator, Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus, Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic)
}

func init() {
	// Module default params (staking bond denom, mint denom, gov deposit)
	// read this at genesis creation, so it has to be set before any of them.
	sdk.DefaultBondDenom = BondDenom
	SetAddressPrefixes()
}
