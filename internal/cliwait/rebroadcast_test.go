package cliwait

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// restartingNode is a node that lost the tx in a crash: it commits the tx
// only once it was offered again, answers nothing while down, and its
// chain grows by one block per height question.
type restartingNode struct {
	downFor     int // questions answered with an error
	height      int64
	offers      int
	commitsOn   int // the offer after which the tx commits; 0 = never
	committedAt int64
}

var errDown = errors.New("connection refused")

func (n *restartingNode) committed(context.Context) (*sdk.TxResponse, error) {
	if n.downFor > 0 {
		n.downFor--
		return nil, errDown
	}
	if n.committedAt == 0 {
		return nil, errors.New("tx not found")
	}
	return &sdk.TxResponse{TxHash: "ABCD", Height: n.committedAt}, nil
}

func (n *restartingNode) latestHeight(context.Context) (int64, error) {
	n.height++
	return n.height, nil
}

func (n *restartingNode) broadcast(_ context.Context, tx []byte) error {
	if string(tx) != "signed" {
		return errors.New("not our tx")
	}
	if n.offers++; n.offers == n.commitsOn {
		n.committedAt = n.height + 1
	}
	return nil
}

func TestWaitOffersTheTxAgainUntilItIsInABlock(t *testing.T) {
	node := &restartingNode{downFor: 2, height: 10, commitsOn: 2}
	res, _, err := waitForBlock(context.Background(), node, resend{tx: []byte("signed"), timeoutHeight: 40, interval: time.Nanosecond}, time.Minute)
	require.NoError(t, err)
	require.Equal(t, 2, node.offers, "offered again until the node kept it")
	require.Equal(t, int64(13), res.Height)
}

func TestWaitEndsWhenTheChainPassesTheTimeoutHeight(t *testing.T) {
	node := &restartingNode{height: 10}
	_, lastErr, err := waitForBlock(context.Background(), node, resend{tx: []byte("signed"), timeoutHeight: 14, interval: time.Nanosecond}, time.Minute)
	require.ErrorIs(t, err, ErrExpired)
	require.ErrorContains(t, err, "not in a block by its timeout height 14 (the chain is at 15)")
	require.ErrorContains(t, lastErr, "tx not found")
	require.Equal(t, 4, node.offers, "offered at heights 11-14, never past the timeout height")
}

func TestWaitWithoutTheSignedTxOnlyPolls(t *testing.T) {
	node := &restartingNode{height: 10}
	_, _, err := waitForBlock(context.Background(), node, resend{interval: time.Nanosecond}, 50*time.Millisecond)
	require.ErrorIs(t, err, ErrTimeout, "no timeout height: the wait's own timeout ends it")
	require.Zero(t, node.offers)
}

func TestTxRecorderFindsTheTxByItsHash(t *testing.T) {
	r := &txRecorder{encoded: [][]byte{[]byte("simulated"), []byte("signed")}}
	sum := sha256.Sum256([]byte("signed"))
	require.Equal(t, []byte("signed"), r.signed(strings.ToUpper(hex.EncodeToString(sum[:]))))
	require.Nil(t, r.signed("00"))
}

func TestTimeoutHeightIsTheUsersWhenGiven(t *testing.T) {
	newCmd := func(args ...string) *cobra.Command {
		cmd := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
		flags.AddTxFlagsToCmd(cmd)
		require.NoError(t, cmd.ParseFlags(args))
		return cmd
	}
	require.Equal(t, uint64(77), boundByTimeoutHeight(newCmd("--timeout-height", "77")))
	require.Zero(t, boundByTimeoutHeight(newCmd("--timeout-duration", "1m")), "bounded by time instead")
	require.Zero(t, boundByTimeoutHeight(&cobra.Command{Use: "no-tx-flags"}))
}
