package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the amino names used by Ledger and
// amino-JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgBuyUnits{}, "socialchain/messages/MsgBuyUnits")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "socialchain/messages/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "socialchain/messages/Params", nil)
}

// RegisterInterfaces registers the module's transactions and Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), &MsgBuyUnits{}, &MsgUpdateParams{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
