package app_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"strconv"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	pruningtypes "github.com/cosmos/cosmos-sdk/store/v2/pruning/types"
	"github.com/cosmos/cosmos-sdk/testutil/network"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"

	"github.com/socialchain/socialchain/app"
	messagesabci "github.com/socialchain/socialchain/x/messages/abci"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// laneAllowance is the messages per period of the lane test network: small,
// so the test can exhaust it.
const laneAllowance = 12

// laneNet is a one-validator in-process network with the validator's app
// at hand, a profile, and an app key registered for it.
type laneNet struct {
	t       *testing.T
	net     *network.Network
	val     *network.Validator
	app     *app.SocialApp
	chainID string
	author  string
	key     ed25519.PrivateKey
}

func newLaneNet(t *testing.T) *laneNet {
	t.Helper()
	cfg := newNetworkConfig(t, 1)
	var gs messagestypes.GenesisState
	require.NoError(t, cfg.Codec.UnmarshalJSON(cfg.GenesisState[messagestypes.ModuleName], &gs))
	gs.Params.MessagesPerUnit = laneAllowance
	cfg.GenesisState[messagestypes.ModuleName] = cfg.Codec.MustMarshalJSON(&gs)
	apps := make(chan *app.SocialApp, 1)
	cfg.AppConstructor = func(val network.ValidatorI) servertypes.Application {
		a := app.NewSocialApp(val.GetCtx().Logger, dbm.NewMemDB(), true, simAppOptions{},
			baseapp.SetPruning(pruningtypes.NewPruningOptionsFromString(val.GetAppConfig().Pruning)),
			baseapp.SetMinGasPrices(val.GetAppConfig().MinGasPrices),
			baseapp.SetChainID(cfg.ChainID),
		)
		apps <- a
		return a
	}
	net, err := network.New(t, t.TempDir(), cfg)
	require.NoError(t, err)
	t.Cleanup(net.Cleanup)
	_, err = net.WaitForHeight(2)
	require.NoError(t, err)

	seed := sha256.Sum256([]byte("lane network test key"))
	ln := &laneNet{t: t, net: net, val: net.Validators[0], app: <-apps, chainID: cfg.ChainID, key: ed25519.NewKeyFromSeed(seed[:])}
	ln.author = ln.val.Address.String()
	ln.deliverTx(&profilestypes.MsgCreateProfile{Owner: ln.author, Handle: "lane_author"})
	ln.deliverTx(&profilestypes.MsgAddAppKey{Owner: ln.author, PubKey: ln.pub(), Scopes: []string{profilestypes.ScopePosts, profilestypes.ScopeReactions}})
	return ln
}

func (ln *laneNet) pub() []byte { return ln.key.Public().(ed25519.PublicKey) }

// deliverTx signs msg with the validator's account key and waits for its block.
func (ln *laneNet) deliverTx(msg sdk.Msg) {
	ln.t.Helper()
	node := ln.val.ClientCtx
	res, err := node.BroadcastTxSync(signTx(ln.t, node, ln.val, ln.chainID, msg))
	require.NoError(ln.t, err)
	require.Zero(ln.t, res.Code, res.RawLog)
	require.NoError(ln.t, ln.net.RetryForBlocks(func() error {
		committed, err := authtx.QueryTx(node, res.TxHash)
		if err == nil && committed.Code != 0 {
			ln.t.Fatalf("tx %T failed in its block: %s", msg, committed.RawLog)
		}
		return err
	}, 10))
}

// body returns a message body of the test author with kind, timestamped now.
func (ln *laneNet) body(kind messagestypes.Kind) messagestypes.MessageBody {
	return messagestypes.MessageBody{ChainID: ln.chainID, Author: ln.author, AppKey: ln.pub(), TimestampMs: time.Now().UnixMilli(), Kind: kind}
}

func sign(key ed25519.PrivateKey, body messagestypes.MessageBody) messagestypes.SignedMessage {
	signed, err := messagestypes.Sign(key, &body)
	if err != nil {
		panic(err)
	}
	return signed
}

func post(text string) messagestypes.Kind {
	return &messagestypes.MessageBody_CreatePost{CreatePost: &messagestypes.CreatePost{Text: text}}
}

func (ln *laneNet) lane() messagestypes.LaneClient {
	return messagestypes.NewLaneClient(ln.val.ClientCtx)
}

func (ln *laneNet) status(hash string) *messagestypes.QueryMessageResponse {
	res, err := messagestypes.NewQueryClient(ln.val.ClientCtx).Message(context.Background(), &messagestypes.QueryMessageRequest{Hash: hash})
	require.NoError(ln.t, err)
	return res
}

// waitIncluded waits until a block carried the message and returns its receipt.
func (ln *laneNet) waitIncluded(hash string) messagestypes.Receipt {
	ln.t.Helper()
	var res *messagestypes.QueryMessageResponse
	require.NoError(ln.t, ln.net.RetryForBlocks(func() error {
		res = ln.status(hash)
		if res.Receipt == nil {
			return errorsmod.Wrapf(messagestypes.ErrInvalidRequest, "%s is %s", hash, res.Status)
		}
		return nil
	}, 10))
	return *res.Receipt
}

func (ln *laneNet) postCount() int {
	res, err := poststypes.NewQueryClient(ln.val.ClientCtx).Posts(context.Background(), &poststypes.QueryPostsRequest{})
	require.NoError(ln.t, err)
	return len(res.Posts)
}

// TestLaneNetwork drives the message lane of a real node: a post submitted
// with an app key lands as an ordinary post; every refusal answers at
// submit with its rule and changes nothing; a proposal carrying a forged
// message is rejected.
func TestLaneNetwork(t *testing.T) {
	if testing.Short() {
		t.Skip("in-process network test; run without -short")
	}
	ln := newLaneNet(t)
	ctx := context.Background()

	// A post through the lane is an ordinary post.
	good := sign(ln.key, ln.body(post("hello from the lane #socialchain")))
	res, err := ln.lane().Submit(ctx, &messagestypes.SubmitRequest{Message: good})
	require.NoError(t, err)
	require.Equal(t, messagestypes.HashOf(good.Body).String(), res.Hash)
	receipt := ln.waitIncluded(res.Hash)
	require.Equal(t, messagestypes.StatusIncluded, receipt.Status, receipt.Error)
	require.NotZero(t, receipt.PostID)
	p, err := poststypes.NewQueryClient(ln.val.ClientCtx).Post(ctx, &poststypes.QueryPostRequest{Id: receipt.PostID})
	require.NoError(t, err)
	require.Equal(t, ln.author, p.Post.Post.Author)
	require.Equal(t, []string{"socialchain"}, p.Post.Post.Hashtags)
	// ... recorded in the settlement tree like a tx post, so it can be proven
	// against the L1 (the messages keeper's copy of the posts keeper has the
	// settlement hooks).
	_, err = settlementtypes.NewQueryClient(ln.val.ClientCtx).RecordProof(ctx, &settlementtypes.QueryRecordProofRequest{
		Kind: "post", Key: strconv.FormatUint(receipt.PostID, 10),
	})
	require.NoError(t, err, "a lane post has a settlement record")

	// Its block-level events reach subscribers but stay out of CometBFT's
	// block indexer (receipts answer lookups by hash).
	blockRes, err := ln.val.RPCClient.BlockResults(ctx, &receipt.Height)
	require.NoError(t, err)
	laneEvents := 0
	for _, ev := range blockRes.FinalizeBlockEvents {
		if ev.Type != proto.MessageName(&messagestypes.EventMessageApplied{}) && ev.Type != proto.MessageName(&poststypes.EventPostCreated{}) {
			continue
		}
		laneEvents++
		for _, attr := range ev.Attributes {
			require.False(t, attr.Index, "%s.%s is not indexed", ev.Type, attr.Key)
		}
	}
	require.Equal(t, 2, laneEvents, "the lane post's receipt and EventPostCreated")

	// Replaying the same bytes is refused.
	_, err = ln.lane().Submit(ctx, &messagestypes.SubmitRequest{Message: good})
	require.ErrorContains(t, err, messagestypes.ErrDuplicateMessage.Error())

	stranger := ed25519.NewKeyFromSeed(make([]byte, 32))
	cases := []struct {
		name string
		msg  func() messagestypes.SignedMessage
		want string
	}{
		{"a bad signature is refused", func() messagestypes.SignedMessage {
			m := sign(ln.key, ln.body(post("forged")))
			m.Signature[10] ^= 0xff
			return m
		}, messagestypes.ErrInvalidSignature.Error()},
		{"an unknown app key is refused", func() messagestypes.SignedMessage {
			b := ln.body(post("stranger"))
			b.AppKey = stranger.Public().(ed25519.PublicKey)
			return sign(stranger, b)
		}, profilestypes.ErrAppKeyNotFound.Error()},
		{"a kind outside the key's scopes is refused", func() messagestypes.SignedMessage {
			return sign(ln.key, ln.body(&messagestypes.MessageBody_Follow{Follow: &messagestypes.Follow{Followee: ln.author}}))
		}, profilestypes.ErrAppKeyOutOfScope.Error()},
		{"another chain id is refused", func() messagestypes.SignedMessage {
			b := ln.body(post("elsewhere"))
			b.ChainID = "other-chain-1"
			return sign(ln.key, b)
		}, messagestypes.ErrWrongChain.Error()},
		{"a timestamp before the window is refused", func() messagestypes.SignedMessage {
			b := ln.body(post("old"))
			b.TimestampMs -= int64(messagestypes.DefaultTimestampWindowSeconds+60) * 1000
			return sign(ln.key, b)
		}, messagestypes.ErrTimestampTooOld.Error()},
		{"an oversize message is refused", func() messagestypes.SignedMessage {
			return sign(ln.key, ln.body(post(string(make([]byte, messagestypes.DefaultMaxMessageBytes)))))
		}, messagestypes.ErrMessageTooLarge.Error()},
		{"malformed body bytes are refused", func() messagestypes.SignedMessage {
			return messagestypes.SignedMessage{Body: []byte{0xff, 0xff}, Signature: make([]byte, 64)}
		}, messagestypes.ErrMalformedMessage.Error()},
		{"a rule of the Msg server is refused at submit: text too long", func() messagestypes.SignedMessage {
			long := make([]rune, poststypes.DefaultMaxTextRunes+1)
			for i := range long {
				long[i] = 'a'
			}
			return sign(ln.key, ln.body(post(string(long))))
		}, poststypes.ErrTextTooLong.Error()},
		{"a rule of the Msg server is refused at submit: reply to a missing post", func() messagestypes.SignedMessage {
			return sign(ln.key, ln.body(&messagestypes.MessageBody_CreatePost{CreatePost: &messagestypes.CreatePost{Text: "hi", ReplyTo: 999_999}}))
		}, poststypes.ErrPostNotFound.Error()},
	}
	before := ln.postCount()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.msg()
			_, err := ln.lane().Submit(ctx, &messagestypes.SubmitRequest{Message: m})
			require.ErrorContains(t, err, tc.want)
			require.False(t, ln.app.LanePool().Has(messagestypes.HashOf(m.Body)), "a refused message is not pending")
		})
	}

	// The bulk form answers each message on its own.
	batch := []messagestypes.SignedMessage{
		sign(ln.key, ln.body(post("bulk one"))),
		sign(stranger, ln.body(post("bulk forged"))),
		sign(ln.key, ln.body(&messagestypes.MessageBody_React{React: &messagestypes.React{PostID: receipt.PostID, Kind: "like"}})),
	}
	bres, err := ln.lane().SubmitBatch(ctx, &messagestypes.SubmitBatchRequest{Messages: batch})
	require.NoError(t, err)
	require.EqualValues(t, 2, bres.Accepted)
	require.True(t, bres.Results[0].Accepted)
	require.False(t, bres.Results[1].Accepted)
	require.Equal(t, messagestypes.ModuleName, bres.Results[1].Codespace)
	require.True(t, bres.Results[2].Accepted)
	r0, r2 := ln.waitIncluded(bres.Results[0].Hash), ln.waitIncluded(bres.Results[2].Hash)
	require.Equal(t, messagestypes.StatusIncluded, r0.Status, r0.Error)
	require.Equal(t, messagestypes.StatusIncluded, r2.Status, r2.Error)
	require.NotZero(t, r2.ReactionID)
	require.Equal(t, before+1, ln.postCount(), "only the accepted post was added")

	// The allowance: 3 messages used so far; the rest of laneAllowance
	// passes, the next is refused.
	var hashes []string
	for i := 3; i < laneAllowance; i++ {
		res, err := ln.lane().Submit(ctx, &messagestypes.SubmitRequest{Message: sign(ln.key, ln.body(post(fmt.Sprintf("filler %d", i))))})
		require.NoError(t, err, "message %d of %d", i+1, laneAllowance)
		hashes = append(hashes, res.Hash)
	}
	_, err = ln.lane().Submit(ctx, &messagestypes.SubmitRequest{Message: sign(ln.key, ln.body(post("one too many")))})
	require.ErrorContains(t, err, messagestypes.ErrAllowanceExhausted.Error())
	for _, h := range hashes {
		require.Equal(t, messagestypes.StatusIncluded, ln.waitIncluded(h).Status)
	}
	allowance, err := messagestypes.NewQueryClient(ln.val.ClientCtx).Allowance(ctx, &messagestypes.QueryAllowanceRequest{Address: ln.author})
	require.NoError(t, err)
	require.EqualValues(t, laneAllowance, allowance.Used)
	require.EqualValues(t, laneAllowance, allowance.Allowance)
}

// TestLaneProposalChecks asks the validator's ProcessProposal about
// proposals a byzantine proposer could make: a forged signature, a repeated
// message and a misplaced batch are rejected; an honest batch is accepted.
func TestLaneProposalChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("in-process network test; run without -short")
	}
	ln := newLaneNet(t)
	h, err := ln.net.LatestHeight()
	require.NoError(t, err)
	raw := func(m messagestypes.SignedMessage) []byte {
		bz, err := m.Marshal()
		require.NoError(t, err)
		return bz
	}
	honest := raw(sign(ln.key, ln.body(post("honest"))))
	forgedMsg := sign(ln.key, ln.body(post("forged")))
	forgedMsg.Signature[0] ^= 1
	forged := raw(forgedMsg)
	// The lane's handler on a branch of the node's latest state, so the
	// running consensus is not disturbed; the next handler accepts all.
	accept := func(sdk.Context, *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_ACCEPT}, nil
	}
	process := func(txs ...[]byte) abci.ResponseProcessProposal_ProposalStatus {
		ctx, err := ln.app.CreateQueryContext(0, false)
		require.NoError(t, err)
		res, err := ln.app.LaneHandler().ProcessProposal(accept)(ctx, &abci.RequestProcessProposal{Txs: txs, Height: h + 1, Time: time.Now()})
		require.NoError(t, err)
		return res.Status
	}
	require.Equal(t, abci.ResponseProcessProposal_ACCEPT, process(messagesabci.EncodeBatch([][]byte{honest})))
	require.Equal(t, abci.ResponseProcessProposal_REJECT, process(messagesabci.EncodeBatch([][]byte{honest, forged})), "a forged signature")
	require.Equal(t, abci.ResponseProcessProposal_REJECT, process(messagesabci.EncodeBatch([][]byte{honest, honest})), "a message twice")
	require.Equal(t, abci.ResponseProcessProposal_REJECT, process(append(messagesabci.EncodeBatch(nil), 0xff, 0xff)), "undecodable batch")
	require.Equal(t, abci.ResponseProcessProposal_REJECT, process([]byte("not a tx"), messagesabci.EncodeBatch([][]byte{honest})), "a batch after a tx")

	// A message in the node's pool skips the second signature check only
	// with the very signature the node verified: the hash covers the body
	// alone, so a proposer may not swap the signature of a pooled message.
	// (The block may take it out of the pool before the checks below; the
	// swapped signature must be refused either way.)
	pooledMsg := sign(ln.key, ln.body(post("pooled")))
	pooled := raw(pooledMsg)
	_, err = ln.lane().Submit(context.Background(), &messagestypes.SubmitRequest{Message: pooledMsg})
	require.NoError(t, err)
	swapped := pooledMsg
	swapped.Signature = append([]byte(nil), pooledMsg.Signature...)
	swapped.Signature[0] ^= 1
	require.Equal(t, abci.ResponseProcessProposal_ACCEPT, process(messagesabci.EncodeBatch([][]byte{pooled, honest})))
	require.Equal(t, abci.ResponseProcessProposal_REJECT, process(messagesabci.EncodeBatch([][]byte{raw(swapped)})), "a pooled body with a forged signature")
}
