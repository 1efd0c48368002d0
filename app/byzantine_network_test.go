package app_test

import (
	"bytes"
	"context"
	"maps"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/testutil/network"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/internal/ethkey"
	settlementabci "github.com/socialchain/socialchain/x/settlement/abci"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// The lies a byzantine validator tells, by the ABCI output that carries them.
const (
	lieMalformedExtension   = "malformed extension"
	lieOversizedExtension   = "oversized extension"
	lieWronglySigned        = "wrongly signed extension"
	lieReplayedExtension    = "replayed extension"
	lieForgedInjected       = "forged injected signature"
	lieMisorderedInjected   = "misordered injected signatures"
	byzantineEpochLength    = 3 // odd, so the liar is the proposer of some due heights (see TestByzantineValidator)
	byzantineValidatorIndex = 3
)

var allLies = []string{lieMalformedExtension, lieOversizedExtension, lieWronglySigned, lieReplayedExtension, lieForgedInjected, lieMisorderedInjected}

// byzantineApp is a validator that lies in everything the others receive
// from its app. Its vote extensions are wrongly signed (its own signature
// with a byte flipped) whenever a checkpoint is due, so no valid signature
// of it ever leaves the node, and otherwise malformed, oversized, or a
// byte-for-byte replay of an extension another validator sent for an
// earlier checkpoint. Its proposals carry the due checkpoint signatures
// with one forged or with two swapped. It accepts every vote extension:
// CometBFT halts a node whose app rejects its own extension.
type byzantineApp struct {
	*app.SocialApp
	eth      string // its registered signing address
	consAddr []byte

	mu         sync.Mutex
	told       map[string]int
	replayable [][]byte         // others' extensions, rebuilt from the injected signatures of proposals it was sent
	forgedAt   map[int64][]byte // height → the injected tx it proposed there
}

func newByzantineApp(t *testing.T, val network.ValidatorI, a *app.SocialApp) *byzantineApp {
	home := val.GetCtx().Config.RootDir
	key, err := ethkey.Load(filepath.Join(home, settlementtypes.SigningKeyFile))
	require.NoError(t, err)
	consAddr, err := settlementabci.LoadConsensusAddress(val.GetCtx().Config.PrivValidatorKeyFile())
	require.NoError(t, err)
	return &byzantineApp{
		SocialApp: a, eth: crypto.PubkeyToAddress(key.PublicKey).Hex(), consAddr: consAddr,
		told: map[string]int{}, forgedAt: map[int64][]byte{},
	}
}

// leastTold returns the kind among kinds told least often so far, so each
// kind comes up as soon as it can.
func (b *byzantineApp) leastTold(kinds ...string) string {
	return slices.MinFunc(kinds, func(x, y string) int { return b.told[x] - b.told[y] })
}

func (b *byzantineApp) ExtendVote(ctx context.Context, req *abci.RequestExtendVote) (*abci.ResponseExtendVote, error) {
	honest, err := b.SocialApp.ExtendVote(ctx, req)
	if err != nil {
		return honest, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var kind string
	var lie []byte
	if len(honest.VoteExtension) > 0 {
		kind = lieWronglySigned
		var ve settlementtypes.VoteExtension
		if err := ve.Unmarshal(honest.VoteExtension); err != nil {
			return nil, err
		}
		ve.Signature[5] ^= 0xff
		if lie, err = ve.Marshal(); err != nil {
			return nil, err
		}
	} else {
		kinds := []string{lieMalformedExtension, lieOversizedExtension}
		if len(b.replayable) > 0 {
			kinds = append(kinds, lieReplayedExtension)
		}
		switch kind = b.leastTold(kinds...); kind {
		case lieMalformedExtension:
			lie = []byte{0xff, 0xff, 0xff, 0x01}
		case lieOversizedExtension:
			lie = bytes.Repeat([]byte{0x0a}, 4*settlementabci.MaxVoteExtensionSize)
		case lieReplayedExtension:
			lie = b.replayable[b.told[kind]%len(b.replayable)]
		}
	}
	b.told[kind]++
	return &abci.ResponseExtendVote{VoteExtension: lie}, nil
}

func (b *byzantineApp) VerifyVoteExtension(*abci.RequestVerifyVoteExtension) (*abci.ResponseVerifyVoteExtension, error) {
	return &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_ACCEPT}, nil
}

// ProcessProposal records the other validators' signatures in honest
// proposals as the extensions they were sent in, for replay.
func (b *byzantineApp) ProcessProposal(req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
	if injected, _, err := settlementabci.SplitInjected(req.Txs); err == nil && injected != nil && !bytes.Equal(req.ProposerAddress, b.consAddr) {
		b.mu.Lock()
		for _, s := range injected.Signatures {
			if s.EthAddress == b.eth {
				continue
			}
			ext, err := (&settlementtypes.VoteExtension{Number: injected.Number, Signature: s.Signature}).Marshal()
			if err == nil {
				b.replayable = append(b.replayable, ext)
			}
		}
		b.mu.Unlock()
	}
	return b.SocialApp.ProcessProposal(req)
}

func (b *byzantineApp) PrepareProposal(req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
	res, err := b.SocialApp.PrepareProposal(req)
	if err != nil || len(res.Txs) == 0 {
		return res, err
	}
	injected, _, err := settlementabci.SplitInjected(res.Txs[:1])
	if err != nil || injected == nil {
		return res, err
	}
	prefix := res.Txs[0][:len(res.Txs[0])-injected.Size()]
	b.mu.Lock()
	defer b.mu.Unlock()
	kind := lieForgedInjected
	if len(injected.Signatures) > 1 {
		kind = b.leastTold(lieForgedInjected, lieMisorderedInjected)
	}
	if kind == lieForgedInjected {
		injected.Signatures[0].Signature[7] ^= 0xff
	} else {
		injected.Signatures[0], injected.Signatures[1] = injected.Signatures[1], injected.Signatures[0]
	}
	bz, err := injected.Marshal()
	if err != nil {
		return nil, err
	}
	forged := append(bytes.Clone(prefix), bz...)
	res.Txs = append([][]byte{forged}, res.Txs[1:]...)
	b.forgedAt[req.Height] = forged
	b.told[kind]++
	return res, nil
}

// progress returns the lies told so far and the last height it forged a
// proposal at.
func (b *byzantineApp) progress() (map[string]int, int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return maps.Clone(b.told), slices.Max(append(slices.Collect(maps.Keys(b.forgedAt)), 0))
}

// TestByzantineValidator runs four validators, all registered checkpoint
// signers, the fourth a byzantineApp. It runs until the liar has told every
// kind of lie and two checkpoints of the full signer set are final, then
// checks that the honest three kept producing blocks without a forged
// proposal, that every final checkpoint holds only signatures that recover
// to its registered signers (never the liar's), and that no node halted.
//
// Signatures are injected two blocks after an epoch boundary; with equal
// powers the proposers take turns, so with an odd epoch length the liar
// proposes one of every four such blocks.
func TestByzantineValidator(t *testing.T) {
	if testing.Short() {
		t.Skip("in-process network test; run without -short")
	}
	var apps []*app.SocialApp
	var liar *byzantineApp
	cfg := newSettlementNetworkConfigWrapping(t, 4, func(val network.ValidatorI, a *app.SocialApp) servertypes.Application {
		apps = append(apps, a)
		if len(apps) != byzantineValidatorIndex+1 {
			return a
		}
		liar = newByzantineApp(t, val, a)
		return liar
	})
	var gen settlementtypes.GenesisState
	cfg.Codec.MustUnmarshalJSON(cfg.GenesisState[settlementtypes.ModuleName], &gen)
	gen.Params.EpochLength = byzantineEpochLength
	cfg.GenesisState[settlementtypes.ModuleName] = cfg.Codec.MustMarshalJSON(&gen)
	net, err := network.New(t, t.TempDir(), cfg)
	require.NoError(t, err)
	t.Cleanup(net.Cleanup)
	require.Equal(t, net.Validators[byzantineValidatorIndex].PubKey.Address().Bytes(), liar.consAddr)

	ctx := context.Background()
	query := settlementtypes.NewQueryClient(net.Validators[0].ClientCtx)
	paramsRes, err := query.Params(ctx, &settlementtypes.QueryParamsRequest{})
	require.NoError(t, err)
	_, err = net.WaitForHeight(voteExtensionsEnableHeight)
	require.NoError(t, err)
	registered, _ := registerSigners(t, net, cfg.ChainID, paramsRes.Params)
	require.Contains(t, registered, liar.eth)

	var checkpoints []settlementtypes.SignedCheckpoint
	deadline := time.Now().Add(150 * time.Second)
	for {
		told, lastForged := liar.progress()
		require.True(t, time.Now().Before(deadline), "not every lie told in time: %v", told)
		h, err := net.LatestHeight()
		require.NoError(t, err)
		checkpoints = allCheckpoints(t, query)
		finalOfFullSet := 0
		for _, cp := range checkpoints {
			if cp.Final && len(cp.Signatures) == 3 { // the full set of four, less the liar
				finalOfFullSet++
			}
		}
		allTold := !slices.ContainsFunc(allLies, func(k string) bool { return told[k] == 0 })
		if allTold && finalOfFullSet >= 2 && h > lastForged {
			t.Logf("height %d; lies told: %v; checkpoints: %d, final with 3 of 4 signers: %d", h, told, len(checkpoints), finalOfFullSet)
			break
		}
		require.NoError(t, net.WaitForNextBlock(), "the honest validators keep producing blocks")
	}

	for _, cp := range checkpoints {
		for i, s := range cp.Signatures {
			require.NotEqual(t, liar.eth, s.EthAddress, "checkpoint %d holds a signature of the liar, which never sent a valid one", cp.Checkpoint.Number)
			if !cp.Final {
				continue
			}
			if i > 0 {
				require.Greater(t, s.SignerIndex, cp.Signatures[i-1].SignerIndex, "checkpoint %d: sorted, no duplicates", cp.Checkpoint.Number)
			}
			addr, err := settlementtypes.RecoverSigner(cp.Digest, s.Signature)
			require.NoError(t, err, "checkpoint %d", cp.Checkpoint.Number)
			require.Equal(t, s.EthAddress, addr.Hex(), "checkpoint %d: a signature names its true signer", cp.Checkpoint.Number)
			require.Contains(t, registered, addr.Hex(), "checkpoint %d", cp.Checkpoint.Number)
		}
	}

	rpc := net.Validators[0].RPCClient
	liar.mu.Lock()
	forgedAt := maps.Clone(liar.forgedAt)
	liar.mu.Unlock()
	for h, forged := range forgedAt {
		block, err := rpc.Block(ctx, &h)
		require.NoError(t, err)
		require.NotEqual(t, liar.consAddr, block.Block.ProposerAddress.Bytes(), "the liar's forged proposal at height %d was committed", h)
		for _, tx := range block.Block.Txs {
			require.NotEqual(t, forged, []byte(tx), "height %d", h)
		}
	}

	h, err := net.LatestHeight()
	require.NoError(t, err)
	for i, a := range apps {
		require.GreaterOrEqual(t, a.LastBlockHeight(), h-2, "validator %d halted", i)
	}
}

// allCheckpoints returns every checkpoint the chain holds, in order.
func allCheckpoints(t *testing.T, query settlementtypes.QueryClient) []settlementtypes.SignedCheckpoint {
	t.Helper()
	latest, err := query.LatestCheckpoint(context.Background(), &settlementtypes.QueryLatestCheckpointRequest{})
	if err != nil {
		return nil // none yet
	}
	var all []settlementtypes.SignedCheckpoint
	for n := uint64(1); n <= latest.Checkpoint.Checkpoint.Number; n++ {
		res, err := query.Checkpoint(context.Background(), &settlementtypes.QueryCheckpointRequest{Epoch: n})
		require.NoError(t, err)
		all = append(all, res.Checkpoint)
	}
	return all
}
