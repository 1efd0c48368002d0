package keeper_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestAddCheckpointSignature(t *testing.T) {
	t.Run("final only once more than 2/3 of the power signed", func(t *testing.T) {
		f, cp := completedFixture(t)
		// Three equal members of floor(2^32/3) each: two of them are
		// exactly 2/3 of the total, which is not enough.
		require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 1, signCheckpoint(t, f.vals[0].key, cp)))
		require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 1, signCheckpoint(t, f.vals[1].key, cp)))
		got, err := f.k.GetCheckpoint(f.ctx, 1)
		require.NoError(t, err)
		require.Equal(t, 3*got.SignedPower, 2*got.TotalPower, "exactly two thirds")
		require.False(t, got.Final, "exactly 2/3 is not final")
		require.NotContains(t, f.events(), eventType(&types.EventCheckpointFinal{}))

		require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 1, signCheckpoint(t, f.vals[2].key, cp)))
		got, err = f.k.GetCheckpoint(f.ctx, 1)
		require.NoError(t, err)
		require.True(t, got.Final)
		require.Equal(t, got.TotalPower, got.SignedPower)
		require.Contains(t, f.events(), eventType(&types.EventCheckpointFinal{}))
	})

	t.Run("signatures are kept sorted by signer index", func(t *testing.T) {
		f, cp := completedFixture(t)
		for _, i := range []int{2, 0, 1} {
			require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 1, signCheckpoint(t, f.vals[i].key, cp)))
		}
		got, err := f.k.GetCheckpoint(f.ctx, 1)
		require.NoError(t, err)
		require.Len(t, got.Signatures, 3)
		set := mustSet(t, f, 0)
		for j, s := range got.Signatures {
			require.EqualValues(t, j, s.SignerIndex)
			require.Equal(t, set.Members[j].EthAddress, s.EthAddress)
			addr, err := types.RecoverSigner(got.Digest, s.Signature)
			require.NoError(t, err)
			require.Equal(t, s.EthAddress, addr.Hex())
		}
	})

	t.Run("v 0/1 signatures are accepted", func(t *testing.T) {
		f, cp := completedFixture(t)
		sig, err := crypto.Sign(cp.Digest, f.vals[0].key)
		require.NoError(t, err)
		require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 1, sig))
	})

	refused := []struct {
		name    string
		setup   func(t *testing.T, f *fixture, cp types.SignedCheckpoint)
		number  uint64
		sig     func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte
		wantErr error
		wantMsg string
	}{
		{
			name: "a second signature by the same signer is refused",
			setup: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) {
				require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 1, signCheckpoint(t, f.vals[0].key, cp)))
			},
			number: 1,
			sig: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte {
				return signCheckpoint(t, f.vals[0].key, cp)
			},
			wantErr: types.ErrDuplicateSignature,
		},
		{
			name:   "a signature by a key outside the signer set is refused",
			number: 1,
			sig: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte {
				return signCheckpoint(t, ethKey(t, "outsider"), cp)
			},
			wantErr: types.ErrInvalidSignature,
		},
		{
			name:   "a signature over another digest is refused",
			number: 1,
			sig: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte {
				cp.Digest = crypto.Keccak256([]byte("another digest"))
				return signCheckpoint(t, f.vals[0].key, cp)
			},
			wantErr: types.ErrInvalidSignature,
		},
		{
			name:   "a high-s signature is refused",
			number: 1,
			sig: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte {
				return highS(signCheckpoint(t, f.vals[0].key, cp))
			},
			wantErr: types.ErrInvalidSignature,
			wantMsg: "upper half",
		},
		{
			name:   "a 64-byte signature is refused",
			number: 1,
			sig: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte {
				return signCheckpoint(t, f.vals[0].key, cp)[:64]
			},
			wantErr: types.ErrInvalidSignature,
		},
		{
			name:   "a signature for an unknown checkpoint is refused",
			number: 2,
			sig: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte {
				return signCheckpoint(t, f.vals[0].key, cp)
			},
			wantErr: types.ErrCheckpointNotFound,
		},
		{
			name: "a signature for a checkpoint whose app hash is not known yet is refused",
			setup: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) {
				f.openCheckpoint(t, 20)
			},
			number: 2,
			sig: func(t *testing.T, f *fixture, cp types.SignedCheckpoint) []byte {
				return signCheckpoint(t, f.vals[0].key, cp)
			},
			wantErr: types.ErrInvalidSignature,
		},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			f, cp := completedFixture(t)
			if tc.setup != nil {
				tc.setup(t, f, cp)
			}
			sig := tc.sig(t, f, cp)
			before := f.state(t)
			err := f.k.AddCheckpointSignature(f.ctx, tc.number, sig)
			require.ErrorIs(t, err, tc.wantErr)
			require.ErrorContains(t, err, tc.wantMsg)
			require.Equal(t, before, f.state(t))
		})
	}
}

func TestSubmitCheckpointSig(t *testing.T) {
	window := int64(types.DefaultSigningWindow)
	cases := []struct {
		name    string
		height  int64
		number  uint64
		signer  int
		wantErr error
	}{
		{name: "a late signature inside the signing window is added", height: 10 + window, number: 1},
		{name: "a signature after the signing window closed is refused", height: 10 + window + 1, number: 1, wantErr: types.ErrSigningWindowClosed},
		{name: "a signature for an unknown checkpoint is refused", height: 12, number: 7, wantErr: types.ErrCheckpointNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, cp := completedFixture(t)
			f.atHeight(tc.height)
			before := f.state(t)
			_, err := f.msg.SubmitCheckpointSig(f.ctx, &types.MsgSubmitCheckpointSig{
				Sender: f.vals[1].operator, Number: tc.number, Signature: signCheckpoint(t, f.vals[0].key, cp),
			})
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Equal(t, before, f.state(t))
				return
			}
			require.NoError(t, err)
			got, err := f.k.GetCheckpoint(f.ctx, 1)
			require.NoError(t, err)
			require.Len(t, got.Signatures, 1)
			require.Equal(t, memberIndex(t, f, cp, 0), got.Signatures[0].SignerIndex)
		})
	}
}
