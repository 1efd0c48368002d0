package abci_test

import (
	"bytes"
	"testing"

	abcitypes "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/abci"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// FuzzVerifyVoteExtension feeds arbitrary extension bytes, claimed by
// validator 0 or 1, to VerifyVoteExtension: it never errors or panics,
// writes nothing, and accepts only an empty extension or one that decodes
// to the open checkpoint signed by the claimed validator's own key.
func FuzzVerifyVoteExtension(f *testing.F) {
	fx := newFixture(f, 4)
	d := fx.digest(f)
	f.Add(extension(f, 1, fx.vals[0].key, d), false)
	f.Add(extension(f, 1, fx.vals[1].key, d), true)
	f.Add(extension(f, 1, fx.vals[1].key, d), false) // replayed by another validator
	f.Add(extension(f, 2, fx.vals[0].key, d), false)
	f.Add([]byte{}, false)
	f.Add([]byte{0x08, 0x01, 0x12, 0x41}, true)
	before := fx.state(f)
	f.Fuzz(func(t *testing.T, ext []byte, second bool) {
		from := fx.vals[0]
		if second {
			from = fx.vals[1]
		}
		status := verify(t, fx, extendHeight, from, ext)
		if status != abcitypes.ResponseVerifyVoteExtension_ACCEPT || len(ext) == 0 {
			return
		}
		var ve types.VoteExtension
		require.NoError(t, ve.Unmarshal(ext), "an accepted extension decodes")
		require.EqualValues(t, 1, ve.Number, "an accepted extension signs the open checkpoint")
		_, eth, err := fx.k.VerifyCheckpointSignature(fx.ctx, ve.Number, d, ve.Signature)
		require.NoError(t, err)
		require.Equal(t, from.eth, eth, "an accepted extension is signed by the validator that sent it")
		require.Equal(t, before, fx.state(t), "verification writes nothing")
	})
}

// FuzzProcessProposalInjected feeds arbitrary injected-signature payloads
// (behind the injected prefix, first or second in the block) to
// ProcessProposal: it never errors or panics, writes nothing, and accepts
// an injected tx only when every signature in it verifies for the
// checkpoint due and names its true signer, in strictly increasing order.
func FuzzProcessProposalInjected(f *testing.F) {
	fx := newFixture(f, 4)
	d := fx.digest(f)
	fx.complete(f)
	tx, inj := injectedTx(f, fx, d, 0, 1, 2)
	prefix := tx[:len(tx)-len(mustMarshal(f, inj))]
	f.Add(tx[len(prefix):], false)
	inj.Signatures[1].Signature[10] ^= 0xff
	f.Add(mustMarshal(f, inj), false)
	f.Add([]byte{0xff, 0xff}, true)
	f.Add([]byte{}, false)
	before := fx.state(f)
	f.Fuzz(func(t *testing.T, payload []byte, second bool) {
		injected := append(bytes.Clone(prefix), payload...)
		txs := [][]byte{injected, []byte("user tx")}
		if second {
			txs[0], txs[1] = txs[1], txs[0]
		}
		status, _ := process(t, fx, proposeHeight, txs)
		if status != abcitypes.ResponseProcessProposal_ACCEPT {
			return
		}
		require.Equal(t, before, fx.state(t), "processing a proposal writes nothing")
		require.False(t, second, "an injected tx after the first position is never accepted")
		got, rest, err := abci.SplitInjected(txs)
		require.NoError(t, err)
		require.Len(t, rest, 1)
		require.NotEmpty(t, got.Signatures)
		for i, s := range got.Signatures {
			if i > 0 {
				require.Greater(t, s.SignerIndex, got.Signatures[i-1].SignerIndex)
			}
			index, eth, err := fx.k.VerifyCheckpointSignature(fx.ctx, got.Number, nil, s.Signature)
			require.NoError(t, err)
			require.Equal(t, index, s.SignerIndex)
			require.Equal(t, eth, s.EthAddress)
		}
	})
}

func mustMarshal(t testing.TB, inj *types.InjectedCheckpointSignatures) []byte {
	t.Helper()
	bz, err := inj.Marshal()
	require.NoError(t, err)
	return bz
}
