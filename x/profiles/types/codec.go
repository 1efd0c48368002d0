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
	legacy.RegisterAminoMsg(cdc, &MsgCreateProfile{}, "socialchain/profiles/MsgCreateProfile")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateProfile{}, "socialchain/profiles/MsgUpdateProfile")
	legacy.RegisterAminoMsg(cdc, &MsgDeleteProfile{}, "socialchain/profiles/MsgDeleteProfile")
	legacy.RegisterAminoMsg(cdc, &MsgChangeHandle{}, "socialchain/profiles/MsgChangeHandle")
	legacy.RegisterAminoMsg(cdc, &MsgFollow{}, "socialchain/profiles/MsgFollow")
	legacy.RegisterAminoMsg(cdc, &MsgUnfollow{}, "socialchain/profiles/MsgUnfollow")
	legacy.RegisterAminoMsg(cdc, &MsgBlock{}, "socialchain/profiles/MsgBlock")
	legacy.RegisterAminoMsg(cdc, &MsgUnblock{}, "socialchain/profiles/MsgUnblock")
	legacy.RegisterAminoMsg(cdc, &MsgAddAppKey{}, "socialchain/profiles/MsgAddAppKey")
	legacy.RegisterAminoMsg(cdc, &MsgRevokeAppKey{}, "socialchain/profiles/MsgRevokeAppKey")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "socialchain/profiles/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "socialchain/profiles/Params", nil)
}

// RegisterInterfaces registers the module's messages and Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreateProfile{},
		&MsgUpdateProfile{},
		&MsgDeleteProfile{},
		&MsgChangeHandle{},
		&MsgFollow{},
		&MsgUnfollow{},
		&MsgBlock{},
		&MsgUnblock{},
		&MsgAddAppKey{},
		&MsgRevokeAppKey{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
