package app_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// TestCheckTxAnswersWithTheBlocksError drives a real node: a tx breaking a
// social rule is refused at broadcast (CheckTx) with exactly the
// codespace, code and log that running its messages as the block does
// (simulation) gives, and changes nothing; a gas limit that covers the ante
// handler but not the messages is refused at broadcast too; a valid tx
// still passes CheckTx and lands in its block.
func TestCheckTxAnswersWithTheBlocksError(t *testing.T) {
	if testing.Short() {
		t.Skip("in-process network test; run without -short")
	}
	ln := newLaneNet(t)
	node := ln.val.ClientCtx
	before := ln.postCount()

	refused := []struct {
		name string
		msg  sdk.Msg
		want *errorsmod.Error
	}{
		{"a reply to a missing post", &poststypes.MsgCreatePost{Author: ln.author, Text: "hi", ReplyTo: 999}, poststypes.ErrPostNotFound},
		{"a post over the text limit", &poststypes.MsgCreatePost{Author: ln.author, Text: strings.Repeat("x", 501)}, poststypes.ErrTextTooLong},
		{"a second profile", &profilestypes.MsgCreateProfile{Owner: ln.author, Handle: "second_one"}, profilestypes.ErrProfileExists},
		{"following yourself", &profilestypes.MsgFollow{Follower: ln.author, Followee: ln.author}, profilestypes.ErrSelfRelation},
	}
	for _, tc := range refused {
		t.Run(tc.name+" is refused at CheckTx with the block's error", func(t *testing.T) {
			tx := signTx(t, node, ln.val, ln.chainID, tc.msg)
			_, _, simErr := ln.app.Simulate(tx)
			require.ErrorIs(t, simErr, tc.want, "the block refuses it")
			space, code, log := errorsmod.ABCIInfo(simErr, false)

			res, err := node.BroadcastTxSync(tx)
			require.NoError(t, err)
			require.Equal(t, space, res.Codespace)
			require.Equal(t, code, res.Code)
			require.Equal(t, log, res.RawLog)
		})
	}
	require.Equal(t, before, ln.postCount(), "refused txs changed the state")

	post := &poststypes.MsgCreatePost{Author: ln.author, Text: "through the front door"}
	gasInfo, _, err := ln.app.Simulate(signTx(t, node, ln.val, ln.chainID, post))
	require.NoError(t, err)
	res, err := node.BroadcastTxSync(signTxWithGas(t, node, ln.val, ln.chainID, gasInfo.GasUsed-1000, post))
	require.NoError(t, err)
	require.Equal(t, sdkerrors.ErrOutOfGas.ABCICode(), res.Code, "gas for the ante handler but not the post: %s", res.RawLog)
	require.Equal(t, before, ln.postCount())

	ln.deliverTx(post) // passes CheckTx and its block
	require.Equal(t, before+1, ln.postCount())
}
