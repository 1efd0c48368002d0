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
	legacy.RegisterAminoMsg(cdc, &MsgCreatePost{}, "socialchain/posts/MsgCreatePost")
	legacy.RegisterAminoMsg(cdc, &MsgEditPost{}, "socialchain/posts/MsgEditPost")
	legacy.RegisterAminoMsg(cdc, &MsgDeletePost{}, "socialchain/posts/MsgDeletePost")
	legacy.RegisterAminoMsg(cdc, &MsgRepost{}, "socialchain/posts/MsgRepost")
	legacy.RegisterAminoMsg(cdc, &MsgUndoRepost{}, "socialchain/posts/MsgUndoRepost")
	legacy.RegisterAminoMsg(cdc, &MsgReact{}, "socialchain/posts/MsgReact")
	legacy.RegisterAminoMsg(cdc, &MsgUnreact{}, "socialchain/posts/MsgUnreact")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "socialchain/posts/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "socialchain/posts/Params", nil)
}

// RegisterInterfaces registers the module's messages and Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreatePost{},
		&MsgEditPost{},
		&MsgDeletePost{},
		&MsgRepost{},
		&MsgUndoRepost{},
		&MsgReact{},
		&MsgUnreact{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
