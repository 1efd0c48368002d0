package loadtest

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	abci "github.com/cometbft/cometbft/abci/types"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/socialchain/socialchain/app"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// homeOption gives the throwaway app a home, where it makes its data dir.
type homeOption string

func (h homeOption) Get(key string) any {
	if key == flags.FlagHome {
		return string(h)
	}
	return nil
}

// txConfig is the app's real tx config, built once for the package.
var txConfig client.TxConfig

func TestMain(m *testing.M) {
	home, err := os.MkdirTemp("", "loadtest-app-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	txConfig = app.NewSocialApp(log.NewNopLogger(), dbm.NewMemDB(), false, homeOption(home)).TxConfig()
	code := m.Run()
	_ = os.RemoveAll(home)
	os.Exit(code)
}

func TestPercentileUsesNearestRank(t *testing.T) {
	samples := []float64{10, 20, 30, 40, 50, 60, 70, 80, 90, 100}
	cases := []struct {
		name string
		in   []float64
		p    float64
		want float64
	}{
		{"no samples give zero", nil, 50, 0},
		{"one sample is every percentile", []float64{7}, 99, 7},
		{"p50 of ten is the fifth", samples, 50, 50},
		{"p95 of ten rounds up to the tenth", samples, 95, 100},
		{"p91 of ten rounds up to the tenth", samples, 91, 100},
		{"p90 of ten is the ninth", samples, 90, 90},
		{"p0 is the smallest", samples, 0, 10},
		{"p100 is the largest", samples, 100, 100},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, Percentile(tc.in, tc.p))
		})
	}
}

func TestLatencyStatsSortsAndConvertsToMilliseconds(t *testing.T) {
	var r Report
	var lat []time.Duration
	for i := 100; i >= 1; i-- { // unsorted on purpose
		lat = append(lat, time.Duration(i)*time.Millisecond)
	}
	r.latencyStats(lat)
	require.Equal(t, 50.0, r.LatencyP50)
	require.Equal(t, 95.0, r.LatencyP95)
	require.Equal(t, 99.0, r.LatencyP99)
	require.Equal(t, 100.0, r.LatencyMax)
}

func TestBlockStats(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	blocks := []BlockSample{
		{Height: 10, Time: t0, Txs: 0},
		{Height: 11, Time: t0.Add(1000 * time.Millisecond), Txs: 300},
		{Height: 12, Time: t0.Add(2200 * time.Millisecond), Txs: 100},
		{Height: 13, Time: t0.Add(3000 * time.Millisecond), Txs: 200},
	}
	var r Report
	r.blockStats(blocks)
	require.Equal(t, 4, r.Blocks)
	require.Equal(t, int64(10), r.StartHeight)
	require.Equal(t, int64(13), r.EndHeight)
	require.Equal(t, 150.0, r.TxsPerBlockMean)
	require.Equal(t, 300, r.TxsPerBlockMax)
	require.Equal(t, 1000.0, r.BlockIntervalMean, "3 s over 3 intervals")
	require.Equal(t, 1000.0, r.BlockIntervalP50, "intervals 800, 1000, 1200")

	var one Report
	one.blockStats(blocks[:1])
	require.Zero(t, one.BlockIntervalMean, "one block has no interval")
	var none Report
	none.blockStats(nil)
	require.Zero(t, none.Blocks)
}

func TestRateIsZeroForAnEmptyWindow(t *testing.T) {
	require.Equal(t, 50.0, rate(100, 2*time.Second))
	require.Zero(t, rate(100, 0))
}

func TestClassifyRefusal(t *testing.T) {
	cases := []struct {
		name      string
		code      uint32
		codespace string
		log       string
		err       error
		want      string
	}{
		{"CometBFT's mempool-full RPC error", 0, "", "", errors.New("mempool is full: number of txs 5000 (max: 5000)"), ErrKindMempoolFull},
		{"the SDK's mempool-full code over gRPC", 20, "sdk", "mempool is full", nil, ErrKindMempoolFull},
		{"a tx already in the cache", 0, "", "", errors.New("tx already exists in cache"), ErrKindTxInCache},
		{"a wrong sequence", 32, "sdk", "account sequence mismatch, expected 5, got 6: incorrect account sequence", nil, ErrKindSequenceMismatch},
		{"a dropped connection", 0, "", "", errors.New("connection refused"), ErrKindTransport},
		{"another CheckTx code names codespace, code and message", 13, "sdk", "insufficient fees; got: 0usocial required: 10usocial: insufficient fee", nil, "checktx sdk/13 insufficient fee"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, classifyRefusal(tc.code, tc.codespace, tc.log, tc.err))
		})
	}
}

func TestDeriveAccountsIsDeterministicAndBounded(t *testing.T) {
	a, err := DeriveAccounts(DefaultMnemonic, 3)
	require.NoError(t, err)
	b, err := DeriveAccounts(DefaultMnemonic, 3)
	require.NoError(t, err)
	for i := range a {
		require.Equal(t, a[i].Address, b[i].Address, "reruns reuse account %d", i)
		require.Equal(t, i, a[i].Index)
		require.NoError(t, profilestypes.ValidateHandle(a[i].Handle(), profilestypes.DefaultParams()), a[i].Handle())
	}
	require.NotEqual(t, a[0].Address, a[1].Address)

	_, err = DeriveAccounts(DefaultMnemonic, 0)
	require.ErrorContains(t, err, "accounts 0 is outside 1-5000")
	_, err = DeriveAccounts(DefaultMnemonic, MaxAccounts+1)
	require.ErrorContains(t, err, "accounts 5001 is outside")
	_, err = DeriveAccounts("not a mnemonic", 1)
	require.Error(t, err)
}

func TestPostTextIs140RunesAndValidPostText(t *testing.T) {
	for _, i := range []uint64{0, 7, 1 << 40} {
		text := PostText(12345, i)
		require.Equal(t, PostRunes, utf8.RuneCountInString(text))
		norm, err := poststypes.NormalizeText("text", text, poststypes.DefaultMaxTextRunes, "max_text_runes")
		require.NoError(t, err)
		require.Equal(t, text, norm, "already normal, so the chain stores what was signed")
		require.NotContains(t, text, "#")
		require.NotContains(t, text, "@")
	}
	require.NotEqual(t, PostText(1, 2), PostText(2, 1))
}

func TestMixedCycleUndoesEveryChangeAfterMakingIt(t *testing.T) {
	accounts, err := DeriveAccounts(DefaultMnemonic, 2)
	require.NoError(t, err)
	w := &World{Accounts: accounts, SeedPosts: []uint64{11, 12}}
	kinds := map[string]int{}
	for i := range uint64(MixMixed.CycleLen()) {
		msg, err := MixMixed.Msg(w, accounts[0], i)
		require.NoError(t, err)
		kind := MixMixed.KindAt(i)
		kinds[kind]++
		switch m := msg.(type) {
		case *profilestypes.MsgFollow:
			require.Zero(t, kinds["unfollow"], "follow comes before unfollow")
			require.Equal(t, accounts[1].Address.String(), m.Followee)
		case *profilestypes.MsgUnfollow:
			require.Equal(t, 1, kinds["follow"])
		case *poststypes.MsgReact:
			require.Zero(t, kinds["unreact"], "react comes before unreact")
			require.Equal(t, uint64(12), m.PostID, "reacts to the next account's seed post")
		case *poststypes.MsgUnreact:
			require.Equal(t, 1, kinds["react"])
		case *poststypes.MsgCreatePost:
			if kind == "reply" {
				require.Equal(t, uint64(12), m.ReplyTo)
			} else {
				require.Zero(t, m.ReplyTo)
			}
		default:
			t.Fatalf("unexpected %T in the mixed mix", msg)
		}
	}
	require.Equal(t, kinds["follow"], kinds["unfollow"])
	require.Equal(t, kinds["react"], kinds["unreact"])
	require.Positive(t, kinds["post"])
	require.Positive(t, kinds["reply"])

	_, err = MixMixed.Msg(&World{Accounts: accounts}, accounts[0], 2)
	require.ErrorContains(t, err, "reply needs a seed post of account 1")
}

// TestEdgeChangesWaitForThePreviousOne: CheckTx checks against committed
// state, so an undo is sent only once what it undoes is in a block, and
// the next cycle's follow or react only once the last cycle's undo is;
// posts and replies wait for nothing.
func TestEdgeChangesWaitForThePreviousOne(t *testing.T) {
	cycle := uint64(MixMixed.CycleLen())
	after := map[string]string{"unreact": "react", "unfollow": "follow", "react": "unreact", "follow": "unfollow"}
	for _, start := range []uint64{0, cycle, 5 * cycle} {
		for i := start; i < start+cycle; i++ {
			kind := MixMixed.KindAt(i)
			j, ok := MixMixed.DependsOn(i)
			prev, changesEdge := after[kind]
			if !changesEdge || (start == 0 && (kind == "react" || kind == "follow")) {
				require.False(t, ok, "%s at %d waits for nothing", kind, i)
				continue
			}
			require.True(t, ok, "%s at %d", kind, i)
			require.Equal(t, prev, MixMixed.KindAt(j), "%s at %d waits for the %s at %d", kind, i, prev, j)
			require.Less(t, j, i)
			require.GreaterOrEqual(t, j+cycle, i, "the previous change of the edge is at most a cycle back")
		}
	}
	for _, m := range []Mix{MixPosts, MixBank, MixLane} {
		_, ok := m.DependsOn(3)
		require.False(t, ok, "%s txs are independent", m)
	}
}

func TestSignerBuildsAVerifiableDirectTx(t *testing.T) {
	accounts, err := DeriveAccounts(DefaultMnemonic, 2)
	require.NoError(t, err)
	a := accounts[0]
	a.Number = 42
	w := &World{Accounts: accounts}
	msg, err := MixBank.Msg(w, a, 0)
	require.NoError(t, err)
	signer := Signer{TxConfig: txConfig, ChainID: "loadtest-1", Gas: 123_456, Fees: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 7))}
	signed, err := signer.Sign(context.Background(), a, 9, msg)
	require.NoError(t, err)
	require.Equal(t, TxHash(signed.Bytes), signed.Hash)
	require.Equal(t, uint64(9), signed.Seq)

	decoded, err := txConfig.TxDecoder()(signed.Bytes)
	require.NoError(t, err)
	tx := decoded.(authsigning.Tx)
	require.Equal(t, uint64(123_456), tx.GetGas())
	require.Equal(t, "7usocial", tx.GetFee().String())
	send, ok := tx.GetMsgs()[0].(*banktypes.MsgSend)
	require.True(t, ok)
	require.Equal(t, accounts[1].Address.String(), send.ToAddress)

	sigs, err := tx.GetSignaturesV2()
	require.NoError(t, err)
	require.Len(t, sigs, 1)
	require.Equal(t, uint64(9), sigs[0].Sequence)
	data := sigs[0].Data.(*signing.SingleSignatureData)
	require.Equal(t, signing.SignMode_SIGN_MODE_DIRECT, data.SignMode)

	signerData := authsigning.SignerData{
		ChainID: "loadtest-1", AccountNumber: 42, Sequence: 9, PubKey: a.Priv.PubKey(), Address: a.Address.String(),
	}
	bytesToSign, err := authsigning.GetSignBytesAdapter(context.Background(), txConfig.SignModeHandler(), signing.SignMode_SIGN_MODE_DIRECT, signerData, tx)
	require.NoError(t, err)
	require.True(t, a.Priv.PubKey().VerifySignature(bytesToSign, data.Signature), "signature verifies for the chain id, account number and sequence")

	signerData.ChainID = "other-1"
	otherBytes, err := authsigning.GetSignBytesAdapter(context.Background(), txConfig.SignModeHandler(), signing.SignMode_SIGN_MODE_DIRECT, signerData, tx)
	require.NoError(t, err)
	require.False(t, a.Priv.PubKey().VerifySignature(otherBytes, data.Signature), "and not for another chain")
}

func TestConfigValidateNamesTheField(t *testing.T) {
	good := Config{Mix: MixPosts, Accounts: 10, Duration: time.Second, Mnemonic: DefaultMnemonic, Fund: sdk.NewInt64Coin(app.BondDenom, 1000)}
	require.NoError(t, good.Validate())
	cases := []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"unknown mix is refused", func(c *Config) { c.Mix = "nfts" }, `mix "nfts" is not one of`},
		{"zero accounts are refused", func(c *Config) { c.Accounts = 0 }, "accounts 0 is outside 1-5000"},
		{"mixed needs two accounts", func(c *Config) { c.Mix, c.Accounts = MixMixed, 1 }, "accounts 1 is below 2"},
		{"negative rate is refused", func(c *Config) { c.Rate = -1 }, "rate -1 must be"},
		{"zero duration is refused", func(c *Config) { c.Duration = 0 }, "duration 0s is outside"},
		{"too many senders are refused", func(c *Config) { c.Senders = MaxSenders + 1 }, "senders 257 is outside 0-256"},
		{"too much presigning is refused", func(c *Config) { c.Presign = MaxPresign + 1 }, "presign 500001 is outside"},
		{"empty mnemonic is refused", func(c *Config) { c.Mnemonic = "" }, "mnemonic is empty"},
		{"zero fund is refused", func(c *Config) { c.Fund = sdk.NewInt64Coin(app.BondDenom, 0) }, "fund 0usocial must be a positive coin"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := good
			tc.change(&c)
			require.ErrorContains(t, c.Validate(), tc.want)
		})
	}
}

func TestPresignCoversTheRunInWholeCycles(t *testing.T) {
	c := Config{Mix: MixMixed, Accounts: 10, Rate: 100, Duration: 10 * time.Second}
	per := c.presignPerAccount()
	require.Zero(t, per%MixMixed.CycleLen())
	require.GreaterOrEqual(t, per*c.Accounts, 1000, "rate x duration")

	c = Config{Mix: MixBank, Accounts: 7, Duration: 2 * time.Second, Presign: 20}
	require.Equal(t, 3, c.presignPerAccount(), "an explicit count, split over accounts and rounded up")

	c = Config{Mix: MixPosts, Accounts: 100, Duration: time.Hour}
	require.LessOrEqual(t, c.presignPerAccount()*c.Accounts, MaxPresign+c.Accounts, "capped")
}

func TestSendersNeverExceedAccounts(t *testing.T) {
	require.Equal(t, 3, Config{Accounts: 3}.senders())
	require.Equal(t, 16, Config{Accounts: 100}.senders())
	require.Equal(t, 5, Config{Accounts: 5, Senders: 8}.senders())
}

func TestReportTableListsErrorsByKind(t *testing.T) {
	r := Report{Mix: "posts", Errors: map[string]int{ErrKindMempoolFull: 3, ErrKindSequenceMismatch: 1}}
	var b strings.Builder
	require.NoError(t, r.WriteTable(&b))
	require.Contains(t, b.String(), "mempool_full: 3")
	require.Contains(t, b.String(), "sequence_mismatch: 1")
	require.Contains(t, b.String(), "as fast as accepted")
	r.Errors = nil
	b.Reset()
	require.NoError(t, r.WriteTable(&b))
	require.Contains(t, b.String(), "none")
}

// accSeqEvent is the "tx" event the SDK's ante handler emits for a signer.
func accSeqEvent(key string) abci.Event {
	return abci.Event{Type: sdk.EventTypeTx, Attributes: []abci.EventAttribute{{Key: sdk.AttributeKeyAccountSequence, Value: key}}}
}

func TestRecordMatchesTxsByTheirSignerAndSequence(t *testing.T) {
	submitted := time.Unix(1_700_000_000, 0)
	ours, failing, foreign := accSeqKey("social1ours", 4), accSeqKey("social1ours", 5), accSeqKey("social1other", 4)
	tl := newTally(false)
	tl.pending[ours], tl.pending[failing] = submitted, submitted.Add(time.Second)
	results := &ctypes.ResultBlockResults{TxsResults: []*abci.ExecTxResult{
		{Code: 2, Codespace: "sdk", Log: "tx parse error"}, // an injected tx: never ours
		{Events: []abci.Event{accSeqEvent(foreign)}},
		{Events: []abci.Event{accSeqEvent(ours)}},
		{Code: 11, Codespace: "profiles", Log: "social1x already follows social1y: already following", Events: []abci.Event{accSeqEvent(failing)}},
	}}
	require.False(t, tl.needsTxs(results.TxsResults), "every failure names its signer or is an injected tx")
	block := BlockSample{Height: 7, Time: submitted.Add(time.Second), Txs: 4}

	tl.record(block, results, nil, submitted.Add(1500*time.Millisecond))
	require.Equal(t, 1, tl.committed)
	require.Equal(t, 1, tl.failed)
	require.Empty(t, tl.pending)
	require.Equal(t, []time.Duration{1500 * time.Millisecond}, tl.latencies)
	require.Equal(t, map[string]int{"deliver profiles/11 already following": 1}, tl.errors)
	require.Equal(t, []BlockSample{block}, tl.blocks, "every tx of the block counts for txs per block")

	tl.record(BlockSample{Height: 8}, results, nil, submitted.Add(3*time.Second))
	require.Equal(t, 1, tl.committed, "a tx is counted once")
}

func TestRecordAttributesATxWithoutSignerByItsHash(t *testing.T) {
	submitted := time.Unix(1_700_000_000, 0)
	tx := []byte("ours, refused by the ante handler in the block")
	key := accSeqKey("social1ours", 9)
	tl := newTally(false)
	tl.pending[key], tl.byHash[TxHash(tx)] = submitted, key
	results := []*abci.ExecTxResult{{Code: 5, Codespace: "sdk", Log: "0usocial is smaller than 7usocial: insufficient funds"}}
	require.True(t, tl.needsTxs(results), "a failure without acc_seq needs the block's txs")

	tl.record(BlockSample{Height: 3}, &ctypes.ResultBlockResults{TxsResults: results}, cmttypes.Txs{tx}, submitted.Add(time.Second))
	require.Equal(t, 1, tl.failed)
	require.Empty(t, tl.pending)
	require.Equal(t, map[string]int{"deliver sdk/5 insufficient funds": 1}, tl.errors)
}

// appliedEvent is an EventMessageApplied as FinalizeBlock emits it: a typed
// event with JSON attribute values.
func appliedEvent(t *testing.T, hash string, st messagestypes.MessageStatus, reason string) abci.Event {
	t.Helper()
	e, err := sdk.TypedEventToEvent(&messagestypes.EventMessageApplied{Hash: hash, Author: "social1x", Kind: messagestypes.KindCreatePost, Status: st, Error: reason})
	require.NoError(t, err)
	return abci.Event(e)
}

func TestRecordCountsLaneMessagesByEventMessageApplied(t *testing.T) {
	submitted := time.Unix(1_700_000_000, 0)
	included, failed, foreign := strings.Repeat("aa", 32), strings.Repeat("bb", 32), strings.Repeat("cc", 32)
	tl := newTally(true)
	tl.pending[included], tl.pending[failed] = submitted, submitted
	results := &ctypes.ResultBlockResults{
		// The batch tx does not decode as a tx: the lane mix ignores tx results.
		TxsResults: []*abci.ExecTxResult{{Code: 2, Codespace: "sdk"}},
		FinalizeBlockEvents: []abci.Event{
			{Type: "coin_spent"},
			appliedEvent(t, foreign, messagestypes.StatusIncluded, ""),
			appliedEvent(t, included, messagestypes.StatusIncluded, ""),
			appliedEvent(t, failed, messagestypes.StatusFailed, "app key 7bc9… is not registered for social1x: app key not found"),
		},
	}
	require.False(t, tl.needsTxs(results.TxsResults))
	tl.record(BlockSample{Height: 5, Txs: 1}, results, nil, submitted.Add(2*time.Second))
	require.Equal(t, 1, tl.committed)
	require.Equal(t, 1, tl.failed)
	require.Empty(t, tl.pending)
	require.Equal(t, []time.Duration{2 * time.Second}, tl.latencies)
	require.Equal(t, map[string]int{"deliver MESSAGE_STATUS_FAILED app key not found": 1}, tl.errors)
	require.Equal(t, 3, tl.blocks[0].Txs, "messages per block counts every applied message, ours or not")
}

func TestAppKeyIsDeterministicPerAccount(t *testing.T) {
	a, err := DeriveAccounts(DefaultMnemonic, 2)
	require.NoError(t, err)
	b, err := DeriveAccounts(DefaultMnemonic, 2)
	require.NoError(t, err)
	require.Equal(t, a[0].AppKey, b[0].AppKey, "reruns find the key they registered")
	require.NotEqual(t, a[0].AppKey.Public(), a[1].AppKey.Public())
	require.Len(t, a[0].AppKey.Public().(ed25519.PublicKey), messagestypes.PubKeySize)
	require.Equal(t, AppKeyOf(a[1].Priv), a[1].AppKey)
}

func TestLaneSignerBuildsMessagesTheChainDecodesAndVerifies(t *testing.T) {
	accounts, err := DeriveAccounts(DefaultMnemonic, 1)
	require.NoError(t, err)
	a := accounts[0]
	signer := LaneSigner{ChainID: "loadtest-1"}
	m, err := signer.SignPost(a, 3, 1_767_225_600_000)
	require.NoError(t, err)
	bz, err := m.Signed.Marshal()
	require.NoError(t, err)

	decoded, err := messagestypes.Decode(bz, "loadtest-1", messagestypes.DefaultMaxMessageBytes)
	require.NoError(t, err)
	require.NoError(t, decoded.VerifySignature())
	require.Equal(t, m.Hash, decoded.Hash.String())
	require.Equal(t, a.Address.String(), decoded.Body.Author)
	require.Equal(t, []byte(a.AppKey.Public().(ed25519.PublicKey)), decoded.Body.AppKey)
	require.Equal(t, int64(1_767_225_600_000), decoded.Body.TimestampMs)
	kind, scope := decoded.Body.KindInfo()
	require.Equal(t, messagestypes.KindCreatePost, kind)
	require.Contains(t, LaneScopes, scope)
	post := decoded.Body.Kind.(*messagestypes.MessageBody_CreatePost).CreatePost
	require.Equal(t, PostText(a.Index, 3), post.Text)

	_, err = messagestypes.Decode(bz, "other-1", messagestypes.DefaultMaxMessageBytes)
	require.ErrorIs(t, err, messagestypes.ErrWrongChain, "signed for one chain only")
	forged := m.Signed
	forged.Signature = append([]byte(nil), forged.Signature...)
	forged.Signature[0] ^= 1
	fbz, err := forged.Marshal()
	require.NoError(t, err)
	fm, err := messagestypes.Decode(fbz, "loadtest-1", messagestypes.DefaultMaxMessageBytes)
	require.NoError(t, err)
	require.ErrorIs(t, fm.VerifySignature(), messagestypes.ErrInvalidSignature)

	other, err := signer.SignPost(a, 3, 1_767_225_600_001)
	require.NoError(t, err)
	require.NotEqual(t, m.Hash, other.Hash, "another run's timestamp makes another message")
}

func TestLaneQueueSpreadsPositionsOverAccountsAndSignsBeyondThePresigned(t *testing.T) {
	accounts, err := DeriveAccounts(DefaultMnemonic, 2)
	require.NoError(t, err)
	q := &laneQueue{signer: LaneSigner{ChainID: "loadtest-1"}, accounts: accounts}
	require.NoError(t, q.presign(context.Background(), 4))
	msgs, err := q.take(6)
	require.NoError(t, err)
	seen := map[string]bool{}
	for p, m := range msgs {
		bz, err := m.Signed.Marshal()
		require.NoError(t, err)
		d, err := messagestypes.Decode(bz, "loadtest-1", messagestypes.DefaultMaxMessageBytes)
		require.NoError(t, err)
		require.NoError(t, d.VerifySignature(), "position %d", p)
		require.Equal(t, accounts[p%2].Address.String(), d.Body.Author, "position %d", p)
		require.Equal(t, PostText(p%2, uint64(p/2)), d.Body.Kind.(*messagestypes.MessageBody_CreatePost).CreatePost.Text)
		require.False(t, seen[m.Hash], "position %d repeats a hash", p)
		seen[m.Hash] = true
	}
	require.Equal(t, q.presigned[:4], msgs[:4], "the first positions are the presigned ones")
	more, err := q.take(1)
	require.NoError(t, err)
	require.False(t, seen[more[0].Hash], "positions are handed out once")
}

func TestLanePresigningCoversHalfTheWindowInWholeRounds(t *testing.T) {
	window := 600 * time.Second
	c := Config{Mix: MixLane, Accounts: 7, Rate: 100, Duration: 10 * time.Second}
	require.Equal(t, 1106, c.lanePresignPositions(window), "rate x duration x 1.1, rounded up to whole rounds of 7")
	c.Duration = time.Hour
	require.Equal(t, 33005, c.lanePresignPositions(window), "no more than half the timestamp window")
	c = Config{Mix: MixLane, Accounts: 100, Duration: 30 * time.Second}
	require.Equal(t, autoLanePresignRate*33, c.lanePresignPositions(window), "the assumed ceiling at --rate 0")
	require.Equal(t, uint64(2*autoLanePresignRate*33/100), c.lanePlannedPerAccount(), "units for twice the assumed ceiling")
	require.Equal(t, uint64(32), Config{Accounts: 7, Rate: 100, Duration: 2 * time.Second}.lanePlannedPerAccount(), "rate x duration x 1.1 over the accounts, rounded up")
	c.Presign = 50
	require.Equal(t, 100, c.lanePresignPositions(window), "an explicit count, in whole rounds")
}

func TestLaneBatchesAndSenders(t *testing.T) {
	require.Equal(t, MaxLaneBatch, Config{}.laneBatchSize(), "full batches as fast as accepted")
	require.Equal(t, 10, Config{Rate: 100}.laneBatchSize(), "ten calls a second at a target rate")
	require.Equal(t, 1, Config{Rate: 3}.laneBatchSize())
	require.Equal(t, MaxLaneBatch, Config{Rate: 1e6}.laneBatchSize())
	require.Equal(t, defaultLaneSenders, Config{Accounts: 1}.laneSenders(), "not bounded by accounts: messages have no sequence")
	require.Equal(t, 9, Config{Senders: 9}.laneSenders())
}

func TestClassifyLaneRefusal(t *testing.T) {
	require.Equal(t, ErrKindPoolFull, classifyLaneRefusal(messagestypes.SubmitResult{Codespace: "messages", Code: 15, Error: "pool holds 1000000: message pool full"}))
	require.Equal(t, "submit messages/11 message allowance exhausted",
		classifyLaneRefusal(messagestypes.SubmitResult{Codespace: "messages", Code: 11, Error: "5000 of 5000 used: message allowance exhausted"}))
	require.Equal(t, "submit posts/9 text too long", classifyLaneRefusal(messagestypes.SubmitResult{Codespace: "posts", Code: 9, Error: "text has 501 runes: text too long"}))
}
