package app_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	pruningtypes "github.com/cosmos/cosmos-sdk/store/v2/pruning/types"
	"github.com/cosmos/cosmos-sdk/testutil/network"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/internal/ethkey"
	"github.com/socialchain/socialchain/x/settlement/keeper"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// voteExtensionsEnableHeight is the first height whose precommits carry
// vote extensions on the test network.
const voteExtensionsEnableHeight = 2

// enableVoteExtensions rewrites the genesis file at path so its consensus
// params turn vote extensions on. network.Config has no field for consensus
// params (only ValidatorConsensusKeyType), but network.New writes every
// validator's genesis file before calling the AppConstructor, and CometBFT
// reads the file only after it returns, so the constructor can amend it.
// Every validator applies the same change, so the genesis docs agree.
func enableVoteExtensions(path string) error {
	gen, err := genutiltypes.AppGenesisFromFile(path)
	if err != nil {
		return err
	}
	if gen.Consensus == nil {
		gen.Consensus = &genutiltypes.ConsensusGenesis{}
	}
	if gen.Consensus.Params == nil {
		gen.Consensus.Params = cmttypes.DefaultConsensusParams()
	}
	gen.Consensus.Params.ABCI.VoteExtensionsEnableHeight = voteExtensionsEnableHeight
	return gen.SaveAs(path)
}

// newSettlementNetworkConfig is newNetworkConfig whose validators each
// have a checkpoint-signing key in their home and vote extensions on.
func newSettlementNetworkConfig(t *testing.T, validators int) network.Config {
	t.Helper()
	return newSettlementNetworkConfigWrapping(t, validators, func(_ network.ValidatorI, a *app.SocialApp) servertypes.Application { return a })
}

// newSettlementNetworkConfigWrapping is newSettlementNetworkConfig whose
// validators run what wrap makes of their app, so a test can make one of
// them misbehave.
func newSettlementNetworkConfigWrapping(t *testing.T, validators int, wrap func(network.ValidatorI, *app.SocialApp) servertypes.Application) network.Config {
	t.Helper()
	cfg := newNetworkConfig(t, validators)
	chainID := cfg.ChainID
	cfg.AppConstructor = func(val network.ValidatorI) servertypes.Application {
		home := val.GetCtx().Config.RootDir
		keyPath := filepath.Join(home, settlementtypes.SigningKeyFile)
		if _, err := ethkey.Load(keyPath); errors.Is(err, fs.ErrNotExist) {
			_, err = ethkey.Generate(keyPath)
			if err != nil {
				panic(err)
			}
		} else if err != nil {
			panic(err)
		}
		if err := enableVoteExtensions(val.GetCtx().Config.GenesisFile()); err != nil {
			panic(fmt.Errorf("enabling vote extensions: %w", err))
		}
		return wrap(val, app.NewSocialApp(val.GetCtx().Logger, dbm.NewMemDB(), true, simAppOptions{flags.FlagHome: home},
			baseapp.SetPruning(pruningtypes.NewPruningOptionsFromString(val.GetAppConfig().Pruning)),
			baseapp.SetMinGasPrices(val.GetAppConfig().MinGasPrices),
			baseapp.SetChainID(chainID),
		))
	}
	return cfg
}

// TestSettlementNetworkFinalizesCheckpoints runs four validators in
// process, each with a signing key in its home. Each validator registers
// its key with MsgRegisterSigner and a real proof of possession; the test
// then waits for checkpoints opened after the registrations to become final
// through vote extensions alone, and checks every stored signature.
func TestSettlementNetworkFinalizesCheckpoints(t *testing.T) {
	if testing.Short() {
		t.Skip("in-process network test; run without -short")
	}
	cfg := newSettlementNetworkConfig(t, 4)
	net, err := network.New(t, t.TempDir(), cfg)
	require.NoError(t, err)
	t.Cleanup(net.Cleanup)

	ctx := context.Background()
	query := settlementtypes.NewQueryClient(net.Validators[0].ClientCtx)
	paramsRes, err := query.Params(ctx, &settlementtypes.QueryParamsRequest{})
	require.NoError(t, err)
	params := paramsRes.Params
	epoch := int64(params.EpochLength)

	// Register all four keys within one epoch: a signer set is taken at the
	// epoch boundary, and a validator whose key file holds a key outside
	// that set produces a vote extension it rejects itself (see the
	// ExtendVote unit test), which stops its consensus.
	h, err := net.WaitForHeight(voteExtensionsEnableHeight)
	require.NoError(t, err)
	for h%epoch == 0 || h%epoch > epoch-5 {
		h, err = net.WaitForHeight(h + 1)
		require.NoError(t, err)
	}

	registered, lastRegistration := registerSigners(t, net, cfg.ChainID, params)
	require.Equal(t, (h-1)/epoch, (lastRegistration-1)/epoch,
		"registrations straddled an epoch boundary (sent at %d, last committed at %d); the network is expected to halt", h, lastRegistration)

	signers, err := query.Signers(ctx, &settlementtypes.QuerySignersRequest{})
	require.NoError(t, err)
	require.Len(t, signers.Signers, 4)
	for _, s := range signers.Signers {
		require.Equal(t, registered[s.EthAddress], s.Validator)
	}

	// The first boundary after the registrations opens a checkpoint signed
	// by all four; wait for it and the next one to be final.
	first := ((lastRegistration-1)/epoch + 1) * epoch
	deadline := time.Now().Add(45 * time.Second)
	var final []settlementtypes.SignedCheckpoint
	for len(final) < 2 {
		require.True(t, time.Now().Before(deadline), "no two final checkpoints after height %d in time; have %d", first, len(final))
		require.NoError(t, net.WaitForNextBlock())
		latest, err := query.LatestCheckpoint(ctx, &settlementtypes.QueryLatestCheckpointRequest{})
		if err != nil {
			continue
		}
		final = final[:0]
		for n := uint64(1); n <= latest.Checkpoint.Checkpoint.Number; n++ {
			res, err := query.Checkpoint(ctx, &settlementtypes.QueryCheckpointRequest{Epoch: n})
			require.NoError(t, err)
			if res.Checkpoint.Checkpoint.Height >= first && res.Checkpoint.Final {
				final = append(final, res.Checkpoint)
			}
		}
	}

	setRes, err := query.LatestSignerSet(ctx, &settlementtypes.QueryLatestSignerSetRequest{})
	require.NoError(t, err)
	set := setRes.SignerSet
	require.Len(t, set.Members, 4)
	rpc := net.Validators[0].RPCClient
	for _, cp := range final {
		c := cp.Checkpoint
		require.GreaterOrEqual(t, len(cp.Signatures), 3, "checkpoint %d", c.Number)
		require.Equal(t, 0, int(c.Height%epoch), "checkpoint %d opened off an epoch boundary", c.Number)
		require.Equal(t, set.Nonce, c.SignerSetNonce)
		require.Equal(t, set.Hash, c.NextSignerSetHash, "no handover without a change")

		// The app hash is the one in the header of the next block, and the
		// digest is the EIP-712 digest the L1 contract computes.
		next := c.Height + 1
		block, err := rpc.Block(ctx, &next)
		require.NoError(t, err)
		require.Equal(t, []byte(block.Block.AppHash), c.AppHash, "checkpoint %d", c.Number)
		digest := settlementtypes.CheckpointDigest(keeper.Domain(params, cfg.ChainID), settlementtypes.L1Checkpoint{
			Number: c.Number, Height: uint64(c.Height), AppHash: [32]byte(c.AppHash), SettlementRoot: [32]byte(c.SettlementRoot),
			SignerSetNonce: c.SignerSetNonce, NextSignerSetHash: [32]byte(c.NextSignerSetHash), Time: c.Time,
		})
		require.Equal(t, digest[:], cp.Digest)

		var signed uint64
		for i, s := range cp.Signatures {
			if i > 0 {
				require.Greater(t, s.SignerIndex, cp.Signatures[i-1].SignerIndex, "sorted, no duplicates")
			}
			addr, err := settlementtypes.RecoverSigner(cp.Digest, s.Signature)
			require.NoError(t, err)
			require.Equal(t, s.EthAddress, addr.Hex())
			require.Contains(t, registered, addr.Hex(), "signature %d of checkpoint %d is by a registered signer", i, c.Number)
			require.Equal(t, set.Members[s.SignerIndex].EthAddress, addr.Hex())
			signed += set.Members[s.SignerIndex].Power
		}
		require.Equal(t, signed, cp.SignedPower)
		require.True(t, settlementtypes.HasQuorum(cp.SignedPower, cp.TotalPower))
		t.Logf("checkpoint %d at height %d final with %d signatures (%d/%d power)", c.Number, c.Height, len(cp.Signatures), cp.SignedPower, cp.TotalPower)
	}
}

// registerSigners registers every validator's signing key with
// MsgRegisterSigner and a real proof of possession, and waits for the
// registrations to commit. It returns the registered Ethereum addresses
// (to the validator operator address) and the height of the last
// registration.
func registerSigners(t *testing.T, net *network.Network, chainID string, params settlementtypes.Params) (map[string]string, int64) {
	t.Helper()
	// Only the first validator serves RPC; every validator signs with its
	// own keyring and broadcasts through it.
	node := net.Validators[0].ClientCtx
	registered := map[string]string{} // eth address → validator
	var hashes []string
	for _, val := range net.Validators {
		key, err := ethkey.Load(filepath.Join(val.Ctx.Config.RootDir, settlementtypes.SigningKeyFile))
		require.NoError(t, err, "the app constructor wrote a key for %s", val.Moniker)
		eth := crypto.PubkeyToAddress(key.PublicKey).Hex()
		proof, err := settlementtypes.SignDigest(key, [32]byte(settlementtypes.RegistrationDigest(val.ValAddress.String(), chainID, params.L1ChainId, 0)))
		require.NoError(t, err)
		msg := &settlementtypes.MsgRegisterSigner{Operator: val.Address.String(), EthAddress: eth, Proof: proof[:]}
		res, err := node.BroadcastTxSync(signTx(t, node, val, chainID, msg))
		require.NoError(t, err)
		require.Zero(t, res.Code, res.RawLog)
		hashes = append(hashes, res.TxHash)
		registered[eth] = val.ValAddress.String()
	}
	var lastRegistration int64
	for _, hash := range hashes {
		var committed *sdk.TxResponse
		require.NoError(t, net.RetryForBlocks(func() (err error) {
			committed, err = authtx.QueryTx(node, hash)
			return err
		}, 10))
		require.Zero(t, committed.Code, committed.RawLog)
		lastRegistration = max(lastRegistration, committed.Height)
	}
	return registered, lastRegistration
}

// signTx signs msg with val's operator key for chainID, looking its
// account up through node, and encodes it, with a gas limit of 300,000.
func signTx(t *testing.T, node client.Context, val *network.Validator, chainID string, msg sdk.Msg) []byte {
	t.Helper()
	return signTxWithGas(t, node, val, chainID, 300_000, msg)
}

// signTxWithGas is signTx with the gas limit given.
func signTxWithGas(t *testing.T, node client.Context, val *network.Validator, chainID string, gas uint64, msg sdk.Msg) []byte {
	t.Helper()
	txf := clienttx.Factory{}.
		WithChainID(chainID).
		WithKeybase(val.ClientCtx.Keyring).
		WithTxConfig(node.TxConfig).
		WithAccountRetriever(node.AccountRetriever).
		WithGas(gas)
	txf, err := txf.Prepare(node.WithKeyring(val.ClientCtx.Keyring).WithFromAddress(val.Address).WithFromName(val.Moniker))
	require.NoError(t, err)
	txb, err := txf.BuildUnsignedTx(msg)
	require.NoError(t, err)
	require.NoError(t, clienttx.Sign(context.Background(), txf, val.Moniker, txb, true))
	bz, err := node.TxConfig.TxEncoder()(txb.GetTx())
	require.NoError(t, err)
	return bz
}
