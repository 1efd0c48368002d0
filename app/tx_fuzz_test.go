package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/socialchain/socialchain/app"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// FuzzTxDecode feeds arbitrary bytes, as any client may broadcast, to the
// node's tx decoder (CheckTx's first step and the async broadcast check of
// app/rest): never a panic; a decoded tx holds only registered Msgs, each
// naming its signers' fields; and re-encoding is stable (encode, decode,
// encode gives the same bytes), so a tx relayed by a node keeps its hash
// after the first hop.
func FuzzTxDecode(f *testing.F) {
	social := app.NewSocialApp(log.NewNopLogger(), dbm.NewMemDB(), false, simAppOptions{})
	txCfg := social.TxConfig()
	decode, encode := txCfg.TxDecoder(), txCfg.TxEncoder()
	registry := social.InterfaceRegistry()

	author := sdk.AccAddress([]byte("fuzz-author-address-")).String()
	for _, msgs := range [][]sdk.Msg{
		{&poststypes.MsgCreatePost{Author: author, Text: "gm #fuzz"}},
		{&poststypes.MsgReact{User: author, PostID: 1, Kind: "like"}, &poststypes.MsgRepost{Reposter: author, PostID: 1}},
		{&profilestypes.MsgCreateProfile{Owner: author, Handle: "fuzz"}, &profilestypes.MsgFollow{Follower: author, Followee: author}},
		{&banktypes.MsgSend{FromAddress: author, ToAddress: author, Amount: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))}},
	} {
		b := txCfg.NewTxBuilder()
		require.NoError(f, b.SetMsgs(msgs...))
		b.SetGasLimit(200_000)
		b.SetMemo("seed")
		bz, err := encode(b.GetTx())
		require.NoError(f, err)
		f.Add(bz)
	}
	f.Add([]byte{})
	f.Add([]byte("random garbage, not a tx"))

	f.Fuzz(func(t *testing.T, bz []byte) {
		tx, err := decode(bz)
		if err != nil {
			return
		}
		for _, msg := range tx.GetMsgs() {
			_, err := registry.Resolve(sdk.MsgTypeURL(msg))
			require.NoError(t, err, "decoded Msg %s is registered", sdk.MsgTypeURL(msg))
		}
		once, err := encode(tx)
		require.NoError(t, err)
		again, err := decode(once)
		require.NoError(t, err, "the node decodes its own encoding")
		twice, err := encode(again)
		require.NoError(t, err)
		require.Equal(t, once, twice, "re-encoding is stable")
	})
}
