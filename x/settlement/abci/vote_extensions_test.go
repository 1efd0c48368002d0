package abci_test

import (
	"bytes"
	"crypto/ecdsa"
	"math/big"
	"testing"

	abcitypes "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/abci"
	"github.com/socialchain/socialchain/x/settlement/types"
)

func verify(t testing.TB, f *fixture, height int64, v testValidator, ext []byte) abcitypes.ResponseVerifyVoteExtension_VerifyStatus {
	t.Helper()
	resp, err := f.handler(nil).VerifyVoteExtension()(f.ctx, &abcitypes.RequestVerifyVoteExtension{
		Height: height, ValidatorAddress: v.cons, VoteExtension: ext,
	})
	require.NoError(t, err)
	return resp.Status
}

func TestVerifyVoteExtension(t *testing.T) {
	accept, reject := abcitypes.ResponseVerifyVoteExtension_ACCEPT, abcitypes.ResponseVerifyVoteExtension_REJECT
	cases := []struct {
		name   string
		height int64
		from   int
		ext    func(t *testing.T, f *fixture) []byte
		want   abcitypes.ResponseVerifyVoteExtension_VerifyStatus
	}{
		{name: "an empty extension is accepted", height: extendHeight, ext: func(*testing.T, *fixture) []byte { return nil }, want: accept},
		{name: "an empty extension is accepted when nothing is due", height: extendHeight + 3, ext: func(*testing.T, *fixture) []byte { return []byte{} }, want: accept},
		{
			name: "a valid extension by the validator's registered key is accepted", height: extendHeight, from: 1,
			ext:  func(t *testing.T, f *fixture) []byte { return extension(t, 1, f.vals[1].key, f.digest(t)) },
			want: accept,
		},
		{
			name: "an extension over the size limit is refused", height: extendHeight,
			ext: func(t *testing.T, f *fixture) []byte {
				// A valid extension padded with an unknown field past the limit.
				ext := extension(t, 1, f.vals[0].key, f.digest(t))
				pad := abci.MaxVoteExtensionSize + 1 - len(ext) - 2
				return append(append(ext, 0x7a, byte(pad)), bytes.Repeat([]byte{1}, pad)...)
			},
			want: reject,
		},
		{name: "an undecodable extension is refused", height: extendHeight, ext: func(*testing.T, *fixture) []byte { return []byte{0xff, 0xff, 0xff} }, want: reject},
		{
			name: "an extension for another checkpoint number is refused", height: extendHeight,
			ext:  func(t *testing.T, f *fixture) []byte { return extension(t, 2, f.vals[0].key, f.digest(t)) },
			want: reject,
		},
		{
			name: "an extension when no checkpoint is due is refused", height: extendHeight + 1,
			ext:  func(t *testing.T, f *fixture) []byte { return extension(t, 1, f.vals[0].key, f.digest(t)) },
			want: reject,
		},
		{
			name: "another validator's valid extension replayed is refused", height: extendHeight, from: 0,
			ext:  func(t *testing.T, f *fixture) []byte { return extension(t, 1, f.vals[1].key, f.digest(t)) },
			want: reject,
		},
		{
			name: "a signature over a different digest is refused", height: extendHeight,
			ext: func(t *testing.T, f *fixture) []byte {
				return extension(t, 1, f.vals[0].key, crypto.Keccak256([]byte("another checkpoint")))
			},
			want: reject,
		},
		{
			name: "a signature over the digest with another app hash is refused", height: extendHeight,
			ext: func(t *testing.T, f *fixture) []byte {
				_, d, ok, err := f.k.PendingCheckpoint(f.ctx, extendHeight, crypto.Keccak256([]byte("forked")))
				require.NoError(t, err)
				require.True(t, ok)
				return extension(t, 1, f.vals[0].key, d)
			},
			want: reject,
		},
		{
			name: "a signature by a key outside the signer set is refused", height: extendHeight,
			ext:  func(t *testing.T, f *fixture) []byte { return extension(t, 1, ethKey(t, "outsider"), f.digest(t)) },
			want: reject,
		},
		{
			name: "a high-s signature is refused", height: extendHeight,
			ext: func(t *testing.T, f *fixture) []byte {
				bz, err := (&types.VoteExtension{Number: 1, Signature: highS(sign(t, f.vals[0].key, f.digest(t)))}).Marshal()
				require.NoError(t, err)
				return bz
			},
			want: reject,
		},
		{
			name: "a 64-byte signature is refused", height: extendHeight,
			ext: func(t *testing.T, f *fixture) []byte {
				bz, err := (&types.VoteExtension{Number: 1, Signature: sign(t, f.vals[0].key, f.digest(t))[:64]}).Marshal()
				require.NoError(t, err)
				return bz
			},
			want: reject,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 4)
			ext := tc.ext(t, f)
			before := f.state(t)
			require.Equal(t, tc.want, verify(t, f, tc.height, f.vals[tc.from], ext))
			require.Equal(t, before, f.state(t), "verification writes nothing")
		})
	}

	t.Run("an extension from an unknown validator is refused", func(t *testing.T) {
		f := newFixture(t, 4)
		stranger := f.vals[0]
		stranger.cons = sdk.ConsAddress(bytes.Repeat([]byte{0xee}, 20))
		require.Equal(t, reject, verify(t, f, extendHeight, stranger, extension(t, 1, f.vals[0].key, f.digest(t))))
	})
}

// highS returns sig in its malleable high-s form (s → n-s, v flipped).
func highS(sig []byte) []byte {
	out := bytes.Clone(sig)
	n := crypto.S256().Params().N
	new(big.Int).Sub(n, new(big.Int).SetBytes(out[32:64])).FillBytes(out[32:64])
	out[64] = 27 + ((out[64] - 27) ^ 1)
	return out
}

func extendVote(t testing.TB, f *fixture, key *ecdsa.PrivateKey, height int64) []byte {
	t.Helper()
	resp, err := f.handler(key).ExtendVote()(f.ctx.WithBlockHeight(height), &abcitypes.RequestExtendVote{Height: height})
	require.NoError(t, err)
	return resp.VoteExtension
}

func TestExtendVote(t *testing.T) {
	t.Run("a registered key signs the pending checkpoint and VerifyVoteExtension accepts it", func(t *testing.T) {
		f := newFixture(t, 4)
		for i, v := range f.vals {
			before := f.state(t)
			ext := extendVote(t, f, v.key, extendHeight)
			require.NotEmpty(t, ext)
			require.LessOrEqual(t, len(ext), abci.MaxVoteExtensionSize)
			var ve types.VoteExtension
			require.NoError(t, ve.Unmarshal(ext))
			require.EqualValues(t, 1, ve.Number)
			require.Len(t, ve.Signature, 65)
			require.Contains(t, []byte{27, 28}, ve.Signature[64])
			addr, err := types.RecoverSigner(f.digest(t), ve.Signature)
			require.NoError(t, err)
			require.Equal(t, v.eth, addr.Hex())
			require.Equal(t, abcitypes.ResponseVerifyVoteExtension_ACCEPT, verify(t, f, extendHeight, v, ext), "validator %d", i)
			require.Equal(t, before, f.state(t), "extending a vote writes nothing")
		}
	})

	t.Run("a node without a key sends an empty extension", func(t *testing.T) {
		f := newFixture(t, 4)
		require.Empty(t, extendVote(t, f, nil, extendHeight))
	})

	t.Run("nothing is signed when no checkpoint is pending", func(t *testing.T) {
		f := newFixture(t, 4)
		require.Empty(t, extendVote(t, f, f.vals[0].key, extendHeight+1))
		require.Empty(t, extendVote(t, f, f.vals[0].key, openHeight))
	})

	// CometBFT (v0.40, consensus/state.go signVote) runs VerifyVoteExtension
	// on the node's own non-empty extension and panics if it is rejected,
	// and every peer rejects the precommit that carries it. So whatever
	// ExtendVote returns must pass VerifyVoteExtension for the same
	// validator. A node whose key file holds a key that is not (or no
	// longer) in the checkpoint's signer set — a validator that has not
	// registered yet, or one that has just rotated — must send an empty
	// extension instead.
	selfConsistent := []struct {
		name  string
		setup func(t *testing.T) (*fixture, *ecdsa.PrivateKey)
	}{
		{
			name: "a key not registered yet gets an extension VerifyVoteExtension accepts",
			setup: func(t *testing.T) (*fixture, *ecdsa.PrivateKey) {
				f := newFixture(t, 3) // validator 3 has a key file but has not registered
				return f, f.vals[3].key
			},
		},
		{
			name: "a key rotated away on chain gets an extension VerifyVoteExtension accepts",
			setup: func(t *testing.T) (*fixture, *ecdsa.PrivateKey) {
				f := newFixture(t, 4)
				rotate(t, f, 3, ethKey(t, "validator 3 rotated"))
				return f, f.vals[3].key // the node still holds the old key, which is in the signing set
			},
		},
		{
			name: "a rotated-to key not yet in the signing set gets an extension VerifyVoteExtension accepts",
			setup: func(t *testing.T) (*fixture, *ecdsa.PrivateKey) {
				f := newFixture(t, 4)
				rotated := ethKey(t, "validator 3 rotated")
				rotate(t, f, 3, rotated)
				return f, rotated // the node already holds the new key
			},
		},
	}
	for _, tc := range selfConsistent {
		t.Run(tc.name, func(t *testing.T) {
			f, key := tc.setup(t)
			ext := extendVote(t, f, key, extendHeight)
			require.Equal(t, abcitypes.ResponseVerifyVoteExtension_ACCEPT, verify(t, f, extendHeight, f.vals[3], ext),
				"ExtendVote produced %d bytes that VerifyVoteExtension rejects for the same validator", len(ext))
		})
	}
}

// rotate registers key for validator i (its second registration, nonce 1).
func rotate(t testing.TB, f *fixture, i int, key *ecdsa.PrivateKey) {
	t.Helper()
	proof, err := crypto.Sign(types.RegistrationDigest(f.vals[i].valStr, testChainID, types.DefaultL1ChainID, 1), key)
	require.NoError(t, err)
	_, err = f.msg.RegisterSigner(f.ctx, &types.MsgRegisterSigner{
		Operator: f.vals[i].operator, EthAddress: crypto.PubkeyToAddress(key.PublicKey).Hex(), Proof: proof,
	})
	require.NoError(t, err)
}

// proposal runs PrepareProposal at proposeHeight over the votes, with
// next selecting txs the way the SDK's default handler does (by their
// protobuf size against MaxTxBytes).
func prepare(t testing.TB, f *fixture, height int64, maxTxBytes int64, txs [][]byte, votes ...abcitypes.ExtendedVoteInfo) (*abcitypes.ResponsePrepareProposal, int64) {
	t.Helper()
	var nextMax int64
	next := func(_ sdk.Context, req *abcitypes.RequestPrepareProposal) (*abcitypes.ResponsePrepareProposal, error) {
		nextMax = req.MaxTxBytes
		var out [][]byte
		var size int64
		for _, tx := range req.Txs {
			s := cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{tx})
			if size+s > req.MaxTxBytes {
				break
			}
			size += s
			out = append(out, tx)
		}
		return &abcitypes.ResponsePrepareProposal{Txs: out}, nil
	}
	resp, err := f.handler(nil).PrepareProposal(next)(f.ctx.WithBlockHeight(height), &abcitypes.RequestPrepareProposal{
		Height: height, MaxTxBytes: maxTxBytes, Txs: txs,
		LocalLastCommit: abcitypes.ExtendedCommitInfo{Votes: votes},
	})
	require.NoError(t, err)
	return resp, nextMax
}

func TestPrepareProposal(t *testing.T) {
	userTxs := [][]byte{[]byte("user tx 1"), []byte("user tx 2")}

	t.Run("valid extensions are injected as the first tx and forged ones dropped", func(t *testing.T) {
		f := newFixture(t, 4)
		d := f.digest(t)
		votes := []abcitypes.ExtendedVoteInfo{
			vote(f.vals[2], extension(t, 1, f.vals[2].key, d)),
			vote(f.vals[0], extension(t, 1, f.vals[0].key, d)),
			// Forged late extensions CometBFT did not verify:
			vote(f.vals[1], extension(t, 1, f.vals[3].key, d)),                                        // another validator's signature
			vote(f.vals[3], extension(t, 1, f.vals[3].key, crypto.Keccak256([]byte("other digest")))), // wrong digest
			vote(f.vals[3], []byte{0xff, 0xff}),                                                       // undecodable
			vote(f.vals[3], extension(t, 2, f.vals[3].key, d)),                                        // wrong number
			vote(f.vals[3], bytes.Repeat([]byte{1}, abci.MaxVoteExtensionSize+1)),                     // oversized
			vote(f.vals[1], nil), // empty
		}
		f.complete(t)
		before := f.state(t)
		resp, _ := prepare(t, f, proposeHeight, 1<<20, userTxs, votes...)
		require.Equal(t, before, f.state(t), "preparing a proposal writes nothing")

		require.Len(t, resp.Txs, 3)
		require.True(t, abci.IsInjected(resp.Txs[0]))
		injected, rest, err := abci.SplitInjected(resp.Txs)
		require.NoError(t, err)
		require.Equal(t, userTxs, rest)
		require.EqualValues(t, 1, injected.Number)
		require.Len(t, injected.Signatures, 2)
		i0, i2 := f.memberIndex(t, 0), f.memberIndex(t, 2)
		require.Equal(t, []uint32{i0, i2}, []uint32{injected.Signatures[0].SignerIndex, injected.Signatures[1].SignerIndex}, "sorted by signer index")
		require.Equal(t, f.vals[0].eth, injected.Signatures[0].EthAddress)
		require.Equal(t, f.vals[2].eth, injected.Signatures[1].EthAddress)
	})

	t.Run("the same validator's extension twice is injected once", func(t *testing.T) {
		f := newFixture(t, 4)
		ext := extension(t, 1, f.vals[0].key, f.digest(t))
		f.complete(t)
		resp, _ := prepare(t, f, proposeHeight, 1<<20, nil, vote(f.vals[0], ext), vote(f.vals[0], ext))
		injected, _, err := abci.SplitInjected(resp.Txs)
		require.NoError(t, err)
		require.Len(t, injected.Signatures, 1)
	})

	t.Run("no valid extension injects nothing", func(t *testing.T) {
		f := newFixture(t, 4)
		d := f.digest(t)
		f.complete(t)
		resp, nextMax := prepare(t, f, proposeHeight, 1<<20, userTxs,
			vote(f.vals[1], extension(t, 1, f.vals[3].key, d)), vote(f.vals[2], nil))
		require.Equal(t, userTxs, resp.Txs)
		require.EqualValues(t, 1<<20, nextMax, "no room is reserved")
	})

	t.Run("nothing is injected at a height the checkpoint is not due", func(t *testing.T) {
		f := newFixture(t, 4)
		ext := extension(t, 1, f.vals[0].key, f.digest(t))
		f.complete(t)
		resp, _ := prepare(t, f, proposeHeight+1, 1<<20, userTxs, vote(f.vals[0], ext))
		require.Equal(t, userTxs, resp.Txs)
	})

	t.Run("nothing is injected before the checkpoint's digest is known", func(t *testing.T) {
		f := newFixture(t, 4)
		ext := extension(t, 1, f.vals[0].key, f.digest(t))
		f.atHeight(proposeHeight) // BeginBlocker at extendHeight never ran
		resp, _ := prepare(t, f, proposeHeight, 1<<20, userTxs, vote(f.vals[0], ext))
		require.Equal(t, userTxs, resp.Txs)
	})

	// CometBFT refuses a prepared proposal whose txs, by protobuf size
	// (each tx plus its field tag and length prefix), exceed MaxTxBytes.
	t.Run("the injected tx and the selected txs together fit MaxTxBytes", func(t *testing.T) {
		f := newFixture(t, 4)
		d := f.digest(t)
		votes := []abcitypes.ExtendedVoteInfo{}
		for _, v := range f.vals {
			votes = append(votes, vote(v, extension(t, 1, v.key, d)))
		}
		f.complete(t)
		probe, _ := prepare(t, f, proposeHeight, 1<<20, nil, votes...)
		require.Len(t, probe.Txs, 1)
		// A mempool of 1-byte txs (3 bytes each in the block) fills what
		// PrepareProposal leaves for them to the last byte.
		var many [][]byte
		for range 200 {
			many = append(many, []byte{0x0a})
		}
		maxTxBytes := int64(len(probe.Txs[0]) + 3*100)
		resp, _ := prepare(t, f, proposeHeight, maxTxBytes, many, votes...)
		require.True(t, abci.IsInjected(resp.Txs[0]))
		require.NoError(t, cmttypes.ToTxs(resp.Txs).Validate(maxTxBytes))
	})
}

// process runs ProcessProposal at height over txs and reports the status
// and the txs next saw.
func process(t testing.TB, f *fixture, height int64, txs [][]byte) (abcitypes.ResponseProcessProposal_ProposalStatus, [][]byte) {
	t.Helper()
	var seen [][]byte
	next := func(_ sdk.Context, req *abcitypes.RequestProcessProposal) (*abcitypes.ResponseProcessProposal, error) {
		seen = req.Txs
		return &abcitypes.ResponseProcessProposal{Status: abcitypes.ResponseProcessProposal_ACCEPT}, nil
	}
	resp, err := f.handler(nil).ProcessProposal(next)(f.ctx.WithBlockHeight(height), &abcitypes.RequestProcessProposal{Height: height, Txs: txs})
	require.NoError(t, err)
	return resp.Status, seen
}

// injectedTx is a prepared injected tx carrying the signatures of the
// given validators, made by PrepareProposal itself.
func injectedTx(t testing.TB, f *fixture, d []byte, validators ...int) ([]byte, *types.InjectedCheckpointSignatures) {
	t.Helper()
	var votes []abcitypes.ExtendedVoteInfo
	for _, i := range validators {
		votes = append(votes, vote(f.vals[i], extension(t, 1, f.vals[i].key, d)))
	}
	resp, _ := prepare(t, f, proposeHeight, 1<<20, nil, votes...)
	require.Len(t, resp.Txs, 1)
	injected, _, err := abci.SplitInjected(resp.Txs)
	require.NoError(t, err)
	return resp.Txs[0], injected
}

// encodeInjected encodes injected with the prefix PrepareProposal uses.
func encodeInjected(t testing.TB, prefixOf []byte, injected *types.InjectedCheckpointSignatures) []byte {
	t.Helper()
	bz, err := injected.Marshal()
	require.NoError(t, err)
	// The prefix is whatever precedes the encoded message in a real injected tx.
	orig, _, err := abci.SplitInjected([][]byte{prefixOf})
	require.NoError(t, err)
	origBz, err := orig.Marshal()
	require.NoError(t, err)
	prefix := prefixOf[:len(prefixOf)-len(origBz)]
	return append(bytes.Clone(prefix), bz...)
}

func TestProcessProposal(t *testing.T) {
	userTx := []byte("user tx")
	accept, reject := abcitypes.ResponseProcessProposal_ACCEPT, abcitypes.ResponseProcessProposal_REJECT

	cases := []struct {
		name   string
		height int64
		txs    func(t *testing.T, f *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte
		want   abcitypes.ResponseProcessProposal_ProposalStatus
	}{
		{
			name: "correct injected signatures are accepted", height: proposeHeight,
			txs: func(_ *testing.T, _ *fixture, tx []byte, _ *types.InjectedCheckpointSignatures) [][]byte {
				return [][]byte{tx, userTx}
			},
			want: accept,
		},
		{
			name: "a block without injected signatures is accepted", height: proposeHeight,
			txs: func(*testing.T, *fixture, []byte, *types.InjectedCheckpointSignatures) [][]byte {
				return [][]byte{userTx}
			},
			want: accept,
		},
		{
			name: "injected signatures that are not the first tx are refused", height: proposeHeight,
			txs: func(_ *testing.T, _ *fixture, tx []byte, _ *types.InjectedCheckpointSignatures) [][]byte {
				return [][]byte{userTx, tx}
			},
			want: reject,
		},
		{
			name: "two injected txs are refused", height: proposeHeight,
			txs: func(_ *testing.T, _ *fixture, tx []byte, _ *types.InjectedCheckpointSignatures) [][]byte {
				return [][]byte{tx, tx}
			},
			want: reject,
		},
		{
			name: "an undecodable injected tx is refused", height: proposeHeight,
			txs: func(_ *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				bz, _ := inj.Marshal()
				return [][]byte{append(bytes.Clone(tx[:len(tx)-len(bz)]), 0xff, 0xff, 0xff)}
			},
			want: reject,
		},
		{
			name: "a bad signature is refused", height: proposeHeight,
			txs: func(t *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Signatures[1].Signature[10] ^= 0xff
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
		{
			name: "a signature over another digest is refused", height: proposeHeight,
			txs: func(t *testing.T, f *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Signatures[0].Signature = sign(t, f.vals[0].key, crypto.Keccak256([]byte("other")))
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
		{
			name: "a wrong signer index claim is refused", height: proposeHeight,
			txs: func(t *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Signatures[2].SignerIndex = 3 // index 3 has no signature in this list
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
		{
			name: "a wrong signer address claim is refused", height: proposeHeight,
			txs: func(t *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Signatures[0].EthAddress = inj.Signatures[1].EthAddress
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
		{
			name: "a duplicate signer index is refused", height: proposeHeight,
			txs: func(t *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Signatures = append(inj.Signatures, inj.Signatures[2])
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
		{
			name: "unsorted signer indices are refused", height: proposeHeight,
			txs: func(t *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Signatures[0], inj.Signatures[1] = inj.Signatures[1], inj.Signatures[0]
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
		{
			name: "an injected tx without signatures is refused", height: proposeHeight,
			txs: func(t *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Signatures = nil
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
		{
			name: "signatures for a checkpoint not due at this height are refused", height: proposeHeight + 1,
			txs: func(_ *testing.T, _ *fixture, tx []byte, _ *types.InjectedCheckpointSignatures) [][]byte {
				return [][]byte{tx}
			},
			want: reject,
		},
		{
			name: "signatures naming another checkpoint number are refused", height: proposeHeight,
			txs: func(t *testing.T, _ *fixture, tx []byte, inj *types.InjectedCheckpointSignatures) [][]byte {
				inj.Number = 2
				return [][]byte{encodeInjected(t, tx, inj)}
			},
			want: reject,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 4)
			d := f.digest(t)
			f.complete(t)
			tx, inj := injectedTx(t, f, d, 0, 1, 2)
			require.Len(t, inj.Signatures, 3)
			txs := tc.txs(t, f, tx, inj)
			before := f.state(t)
			status, seen := process(t, f, tc.height, txs)
			require.Equal(t, tc.want, status)
			require.Equal(t, before, f.state(t), "processing a proposal writes nothing")
			if status == accept {
				require.Equal(t, [][]byte{userTx}, seen, "next sees the user txs only")
			}
		})
	}
}

func TestPreBlock(t *testing.T) {
	t.Run("stores the injected signatures and finalizes the checkpoint", func(t *testing.T) {
		f := newFixture(t, 4)
		d := f.digest(t)
		f.complete(t)
		tx, inj := injectedTx(t, f, d, 0, 1, 3)
		require.NoError(t, f.handler(nil).PreBlock(f.ctx, &abcitypes.RequestFinalizeBlock{Height: proposeHeight, Txs: [][]byte{tx, []byte("user tx")}}))
		cp := f.checkpoint(t)
		require.True(t, cp.Final, "40+30+10 of 100 is more than 2/3")
		require.Equal(t, inj.Signatures, cp.Signatures)
		require.Contains(t, eventTypes(f.ctx), "socialchain.settlement.v1.EventCheckpointFinal")

		// The same signatures again (a late duplicate) change nothing and do not halt.
		before := f.state(t)
		require.NoError(t, f.handler(nil).PreBlock(f.ctx, &abcitypes.RequestFinalizeBlock{Height: proposeHeight, Txs: [][]byte{tx}}))
		require.Equal(t, before, f.state(t))
	})

	t.Run("signatures short of 2/3 are stored without finalizing", func(t *testing.T) {
		f := newFixture(t, 4)
		d := f.digest(t)
		f.complete(t)
		tx, _ := injectedTx(t, f, d, 0, 3)
		require.NoError(t, f.handler(nil).PreBlock(f.ctx, &abcitypes.RequestFinalizeBlock{Height: proposeHeight, Txs: [][]byte{tx}}))
		cp := f.checkpoint(t)
		require.False(t, cp.Final)
		require.Len(t, cp.Signatures, 2)
	})

	t.Run("a block without injected signatures changes nothing", func(t *testing.T) {
		f := newFixture(t, 4)
		f.complete(t)
		before := f.state(t)
		require.NoError(t, f.handler(nil).PreBlock(f.ctx, &abcitypes.RequestFinalizeBlock{Height: proposeHeight, Txs: [][]byte{[]byte("user tx")}}))
		require.Equal(t, before, f.state(t))
	})
}

func eventTypes(ctx sdk.Context) []string {
	var out []string
	for _, e := range ctx.EventManager().Events() {
		out = append(out, e.Type)
	}
	return out
}

func TestSplitInjected(t *testing.T) {
	t.Run("no txs", func(t *testing.T) {
		inj, rest, err := abci.SplitInjected(nil)
		require.NoError(t, err)
		require.Nil(t, inj)
		require.Empty(t, rest)
	})
	t.Run("user txs only pass through", func(t *testing.T) {
		txs := [][]byte{{0x0a, 1}, {0x0a, 2}}
		inj, rest, err := abci.SplitInjected(txs)
		require.NoError(t, err)
		require.Nil(t, inj)
		require.Equal(t, txs, rest)
		require.False(t, abci.IsInjected(txs[0]))
	})
}
