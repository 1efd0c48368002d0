package app

import (
	"encoding/json"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// GenesisState is the app state of the genesis file: module name → that
// module's genesis JSON.
type GenesisState map[string]json.RawMessage

// SocialDenomMetadata describes the staking and fee token so wallets show
// SOCIAL with six decimals instead of raw usocial.
func SocialDenomMetadata() banktypes.Metadata {
	return banktypes.Metadata{
		Description: "The staking and fee token of socialchain.",
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: BondDenom, Exponent: 0, Aliases: []string{"microsocial"}},
			{Denom: "msocial", Exponent: 3, Aliases: []string{"millisocial"}},
			{Denom: DisplayDenom, Exponent: DisplayExponent},
		},
		Base:    BondDenom,
		Display: DisplayDenom,
		Name:    "Social",
		Symbol:  DisplayDenom,
	}
}

// bankBasicWithMetadata is x/bank's module with a default genesis that
// already carries the SOCIAL denom metadata, so `init` writes it.
type bankBasicWithMetadata struct {
	bank.AppModule
}

// DefaultGenesis returns bank's default genesis plus the SOCIAL metadata.
func (b bankBasicWithMetadata) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	gen := banktypes.DefaultGenesisState()
	gen.DenomMetadata = append(gen.DenomMetadata, SocialDenomMetadata())
	return cdc.MustMarshalJSON(gen)
}
