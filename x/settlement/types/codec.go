package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the amino names used by amino-JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgRegisterSigner{}, "settlement/MsgRegisterSigner")
	legacy.RegisterAminoMsg(cdc, &MsgRemoveSigner{}, "settlement/MsgRemoveSigner")
	legacy.RegisterAminoMsg(cdc, &MsgSubmitCheckpointSig{}, "settlement/MsgSubmitCheckpointSig")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "settlement/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "settlement/Params", nil)
}

// RegisterInterfaces registers the module's messages and Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgRegisterSigner{},
		&MsgRemoveSigner{},
		&MsgSubmitCheckpointSig{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
