package app_test

import (
	"crypto/ed25519"
	"fmt"
	"syscall"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	"github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/loadtest"
	messagesabci "github.com/socialchain/socialchain/x/messages/abci"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// BenchmarkLaneBlock measures the serial block path of the lane per post:
// FinalizeBlock (the batch's PreBlock, every module's begin and end
// block, the IAVL working hash) and Commit, on the node's store (goleveldb
// on disk with the node's AppDBOptions, fast-node index off as new homes
// set it, the node's collector settings), one validator, blocks of
// laneBenchBlock create_post messages from laneBenchAuthors authors.
// Signatures are not verified on this path (ProcessProposal did), so this
// is the work a block costs every node after its proposal was accepted.
// ns/op is wall time per post; cpu-ns/post the process's CPU per post.
func BenchmarkLaneBlock(b *testing.B) {
	const (
		laneBenchAuthors = 200
		laneBenchBlock   = 5000
	)
	bench := newLaneBench(b, laneBenchAuthors)
	var batches [][]byte
	var sizes []int
	for done := 0; done < b.N; done += laneBenchBlock {
		n := min(laneBenchBlock, b.N-done)
		batches = append(batches, bench.batch(b, n))
		sizes = append(sizes, n)
	}
	// The process's CPU time, background work (store compaction, GC)
	// included: on a shared machine it varies far less than wall time.
	cpuBefore := processCPU(b)
	b.ResetTimer()
	for i, batch := range batches {
		bench.block(b, batch, sizes[i])
	}
	b.StopTimer()
	b.ReportMetric(float64((processCPU(b)-cpuBefore).Nanoseconds())/float64(b.N), "cpu-ns/post")
}

// processCPU is the user and system CPU time of this process so far.
func processCPU(b *testing.B) time.Duration {
	b.Helper()
	var ru syscall.Rusage
	require.NoError(b, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// laneBench is one validator's app on disk, at the height of its last block.
type laneBench struct {
	app     *app.SocialApp
	chainID string
	authors []*loadtest.Account
	height  int64
	time    time.Time
	seq     uint64
	// posts is the posts keeper's next post id after the last block.
	posts uint64
}

func newLaneBench(b *testing.B, authors int) *laneBench {
	b.Helper()
	const chainID = "socialchain-bench-1"
	db, err := dbm.NewGoLevelDBWithOpts("application", b.TempDir(), app.AppDBOptions())
	require.NoError(b, err)
	app.ApplyGCDefaults() // the collector runs as in a node
	a := app.NewSocialApp(log.NewNopLogger(), db, true, simAppOptions{},
		baseapp.SetChainID(chainID), baseapp.SetIAVLDisableFastNode(true),
		baseapp.SetIAVLCacheSize(int(serverconfig.DefaultConfig().IAVLCacheSize)))
	b.Cleanup(func() { _ = a.Close() })

	bench := &laneBench{app: a, chainID: chainID, time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	valSet, err := sims.CreateRandomValidatorSet()
	require.NoError(b, err)
	validator := sdk.AccAddress(valSet.Validators[0].Address)
	genAccs := []authtypes.GenesisAccount{authtypes.NewBaseAccount(validator, nil, 0, 0)}
	balances := []banktypes.Balance{{Address: validator.String(), Coins: sdk.NewCoins(sdk.NewCoin(sdk.DefaultBondDenom, sdkmath.NewInt(1e12)))}}
	genesis, err := sims.GenesisStateWithValSet(a.AppCodec(), a.DefaultGenesis(), valSet, genAccs, balances...)
	require.NoError(b, err)

	var profiles profilestypes.GenesisState
	require.NoError(b, a.AppCodec().UnmarshalJSON(genesis[profilestypes.ModuleName], &profiles))
	for i := range authors {
		priv := secp256k1.GenPrivKeyFromSecret(fmt.Appendf(nil, "lane bench author %d", i))
		author := &loadtest.Account{Index: i, Priv: priv, Address: sdk.AccAddress(priv.PubKey().Address()), AppKey: loadtest.AppKeyOf(priv)}
		addr := author.Address.String()
		profiles.Profiles = append(profiles.Profiles, profilestypes.Profile{Owner: addr, Handle: author.Handle(), CreatedAt: bench.time, UpdatedAt: bench.time})
		profiles.AppKeys = append(profiles.AppKeys, profilestypes.AppKey{Owner: addr, PubKey: author.AppKey.Public().(ed25519.PublicKey), Scopes: []string{profilestypes.ScopePosts}, AddedAt: bench.time})
		bench.authors = append(bench.authors, author)
	}
	genesis[profilestypes.ModuleName] = a.AppCodec().MustMarshalJSON(&profiles)
	var messages messagestypes.GenesisState
	require.NoError(b, a.AppCodec().UnmarshalJSON(genesis[messagestypes.ModuleName], &messages))
	messages.Params.MessagesPerUnit = 1 << 30 // the allowance is not what this measures
	genesis[messagestypes.ModuleName] = a.AppCodec().MustMarshalJSON(&messages)

	state, err := cmtjson.Marshal(genesis)
	require.NoError(b, err)
	_, err = a.InitChain(&abci.RequestInitChain{ChainId: chainID, Time: bench.time, ConsensusParams: sims.DefaultConsensusParams, AppStateBytes: state, InitialHeight: 1})
	require.NoError(b, err)
	bench.block(b, nil, 0)
	return bench
}

// batch returns the batch tx of n new create_post messages, round robin
// over the authors, timestamped just before the next block.
func (lb *laneBench) batch(b *testing.B, n int) []byte {
	b.Helper()
	raw := make([][]byte, n)
	ts := lb.time.Add(500 * time.Millisecond).UnixMilli()
	signer := loadtest.LaneSigner{ChainID: lb.chainID}
	for i := range raw {
		lb.seq++
		msg, err := signer.SignPost(lb.authors[int(lb.seq)%len(lb.authors)], lb.seq, ts)
		require.NoError(b, err)
		raw[i], err = msg.Signed.Marshal()
		require.NoError(b, err)
	}
	return messagesabci.EncodeBatch(raw)
}

// block finalizes and commits the next block with batch (if any) and
// checks that its n messages were all included.
func (lb *laneBench) block(b *testing.B, batch []byte, n int) {
	b.Helper()
	lb.height++
	lb.time = lb.time.Add(time.Second)
	var txs [][]byte
	if batch != nil {
		txs = [][]byte{batch}
	}
	_, err := lb.app.FinalizeBlock(&abci.RequestFinalizeBlock{Height: lb.height, Time: lb.time, Txs: txs})
	require.NoError(b, err)
	if _, err := lb.app.Commit(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	defer b.StartTimer()
	committed := sdk.NewContext(lb.app.CommitMultiStore().CacheMultiStore(), cmtproto.Header{Height: lb.height}, false, log.NewNopLogger())
	next, err := lb.app.PostsKeeper.PostSeq.Peek(committed)
	require.NoError(b, err)
	if lb.height > 1 {
		require.Equal(b, lb.posts+uint64(n), next, "next post id after block %d of %d posts", lb.height, n)
	}
	lb.posts = next
}
