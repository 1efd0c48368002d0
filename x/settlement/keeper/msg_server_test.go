package keeper_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestRegisterSigner(t *testing.T) {
	cases := []struct {
		name    string
		setup   func(t *testing.T, f *fixture)
		msg     func(t *testing.T, f *fixture) *types.MsgRegisterSigner
		wantErr error
		wantMsg string
	}{
		{
			name: "valid proof with v 27/28 binds the key",
			msg:  func(t *testing.T, f *fixture) *types.MsgRegisterSigner { return f.registerMsg(t, 0, f.vals[0].key) },
		},
		{
			name: "valid proof with v 0/1 binds the key",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof[64] -= 27
				return m
			},
		},
		{
			name: "lower-case eth address is accepted and stored checksummed",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.EthAddress = strings.ToLower(m.EthAddress)
				return m
			},
		},
		{
			name: "operator without a validator is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				f.staking.Remove(f.vals[0].val)
				return m
			},
			wantErr: types.ErrNotValidator,
		},
		{
			name: "malformed operator address is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Operator = "social1notanaddress"
				return m
			},
			wantErr: types.ErrNotValidator,
		},
		{
			name: "malformed eth address is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.EthAddress = "0x1234"
				return m
			},
			wantErr: types.ErrInvalidEthAddress,
		},
		{
			name: "eth address without 0x prefix is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.EthAddress = m.EthAddress[2:]
				return m
			},
			wantErr: types.ErrInvalidEthAddress,
		},
		{
			name: "zero eth address is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.EthAddress = "0x0000000000000000000000000000000000000000"
				return m
			},
			wantErr: types.ErrInvalidEthAddress,
		},
		{
			name: "proof made by another key is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof = f.proof(t, f.vals[1].key, 0, testChainID, types.DefaultL1ChainID, 0)
				return m
			},
			wantErr: types.ErrInvalidProof,
		},
		{
			name: "proof made for another validator is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof = f.proof(t, f.vals[0].key, 1, testChainID, types.DefaultL1ChainID, 0)
				return m
			},
			wantErr: types.ErrInvalidProof,
		},
		{
			name: "old proof replayed after a rotation (wrong nonce) is refused",
			setup: func(t *testing.T, f *fixture) {
				f.register(t, 0, nil)                              // nonce 0 → 1
				f.register(t, 0, ethKey(t, "validator 0 rotated")) // nonce 1 → 2
			},
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				return &types.MsgRegisterSigner{
					Operator: f.vals[0].operator, EthAddress: f.vals[0].eth,
					Proof: f.proof(t, f.vals[0].key, 0, testChainID, types.DefaultL1ChainID, 0),
				}
			},
			wantErr: types.ErrInvalidProof,
		},
		{
			// The registration nonce lives in the Signer record, which
			// RemoveSigner deletes, so the nonce restarts at 0 and the first
			// proof ever made verifies again. The issue asks for replays to
			// be refused (its digest names the account sequence).
			name: "old proof replayed after the signer was removed is refused",
			setup: func(t *testing.T, f *fixture) {
				f.register(t, 0, nil)
				_, err := f.msg.RemoveSigner(f.ctx, &types.MsgRemoveSigner{Operator: f.vals[0].operator})
				require.NoError(t, err)
			},
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				return &types.MsgRegisterSigner{
					Operator: f.vals[0].operator, EthAddress: f.vals[0].eth,
					Proof: f.proof(t, f.vals[0].key, 0, testChainID, types.DefaultL1ChainID, 0),
				}
			},
			wantErr: types.ErrInvalidProof,
		},
		{
			name: "proof for another cosmos chain id is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof = f.proof(t, f.vals[0].key, 0, "socialchain-other-1", types.DefaultL1ChainID, 0)
				return m
			},
			wantErr: types.ErrInvalidProof,
		},
		{
			name: "proof for another L1 chain id is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof = f.proof(t, f.vals[0].key, 0, testChainID, 1, 0)
				return m
			},
			wantErr: types.ErrInvalidProof,
		},
		{
			name:  "eth address bound to another validator is refused",
			setup: func(t *testing.T, f *fixture) { f.register(t, 1, f.vals[0].key) },
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				return f.registerMsg(t, 0, f.vals[0].key)
			},
			wantErr: types.ErrEthAddressTaken,
		},
		{
			name:  "the same eth address again is refused",
			setup: func(t *testing.T, f *fixture) { f.register(t, 0, nil) },
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				return f.registerMsg(t, 0, f.vals[0].key)
			},
			wantErr: types.ErrSameEthAddress,
		},
		{
			name: "high-s proof is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof = highS(m.Proof)
				return m
			},
			wantErr: types.ErrInvalidProof,
			wantMsg: "upper half",
		},
		{
			name: "64-byte proof is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof = m.Proof[:64]
				return m
			},
			wantErr: types.ErrInvalidProof,
		},
		{
			name: "empty proof is refused",
			msg: func(t *testing.T, f *fixture) *types.MsgRegisterSigner {
				m := f.registerMsg(t, 0, f.vals[0].key)
				m.Proof = nil
				return m
			},
			wantErr: types.ErrInvalidProof,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.setup != nil {
				tc.setup(t, f)
			}
			msg := tc.msg(t, f)
			before := f.state(t)
			f.atHeight(7)
			_, err := f.msg.RegisterSigner(f.ctx, msg)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.ErrorContains(t, err, tc.wantMsg)
				require.Equal(t, before, f.state(t), "a refused registration must not change state")
				require.Empty(t, f.events())
				return
			}
			require.NoError(t, err)
			s, err := f.k.Signers.Get(f.ctx, f.vals[0].val)
			require.NoError(t, err)
			require.Equal(t, types.Signer{Validator: f.vals[0].valStr, EthAddress: f.vals[0].eth, Nonce: 1, RegisteredHeight: 7}, s)
			holder, err := f.k.Signers.Indexes.EthAddress.MatchExact(f.ctx, f.vals[0].eth)
			require.NoError(t, err)
			require.Equal(t, f.vals[0].val, holder)
			require.Equal(t, []string{eventType(&types.EventSignerRegistered{})}, f.events())
		})
	}
}

// highS returns sig with s replaced by n-s and v flipped: the same
// signature in its malleable form, which recovers the same key.
func highS(sig []byte) []byte {
	out := append([]byte(nil), sig...)
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(out[32:64])
	new(big.Int).Sub(n, s).FillBytes(out[32:64])
	if out[64] >= 27 {
		out[64] = 27 + ((out[64] - 27) ^ 1)
	} else {
		out[64] ^= 1
	}
	return out
}

func TestRegisterSignerRotation(t *testing.T) {
	f := newFixture(t)
	f.register(t, 0, nil)
	rotated := ethKey(t, "validator 0 rotated")

	f.atHeight(9)
	f.register(t, 0, rotated)

	s, err := f.k.Signers.Get(f.ctx, f.vals[0].val)
	require.NoError(t, err)
	require.Equal(t, types.Signer{Validator: f.vals[0].valStr, EthAddress: ethAddr(rotated), Nonce: 2, RegisteredHeight: 9}, s,
		"a rotation increments the registration nonce")
	_, err = f.k.Signers.Indexes.EthAddress.MatchExact(f.ctx, f.vals[0].eth)
	require.Error(t, err, "the old address is released")
	require.Equal(t, []string{eventType(&types.EventSignerRegistered{})}, f.events())

	// The released address can now be bound by another validator.
	f.register(t, 1, f.vals[0].key)

	// A further rotation needs a proof over nonce 2.
	_, err = f.msg.RegisterSigner(f.ctx, f.registerMsg(t, 0, ethKey(t, "validator 0 third key")))
	require.NoError(t, err)
	s, err = f.k.Signers.Get(f.ctx, f.vals[0].val)
	require.NoError(t, err)
	require.EqualValues(t, 3, s.Nonce)
}

func TestRemoveSigner(t *testing.T) {
	t.Run("registered signer is removed and its address released", func(t *testing.T) {
		f := newFixture(t)
		f.register(t, 0, nil)
		f.atHeight(5)
		_, err := f.msg.RemoveSigner(f.ctx, &types.MsgRemoveSigner{Operator: f.vals[0].operator})
		require.NoError(t, err)
		_, err = f.k.Signers.Get(f.ctx, f.vals[0].val)
		require.Error(t, err)
		_, err = f.k.Signers.Indexes.EthAddress.MatchExact(f.ctx, f.vals[0].eth)
		require.Error(t, err)
		require.Equal(t, []string{eventType(&types.EventSignerRemoved{})}, f.events())
		// Another validator may now bind the released address.
		f.register(t, 1, f.vals[0].key)
	})

	refused := []struct {
		name     string
		operator func(f *fixture) string
		wantErr  error
	}{
		{name: "removing a validator without a signer is refused", operator: func(f *fixture) string { return f.vals[1].operator }, wantErr: types.ErrSignerNotFound},
		{name: "removing with a malformed operator is refused", operator: func(*fixture) string { return "social1bad" }, wantErr: types.ErrNotValidator},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.register(t, 0, nil)
			before := f.state(t)
			f.atHeight(5)
			_, err := f.msg.RemoveSigner(f.ctx, &types.MsgRemoveSigner{Operator: tc.operator(f)})
			require.ErrorIs(t, err, tc.wantErr)
			require.Equal(t, before, f.state(t))
			require.Empty(t, f.events())
		})
	}
}

func TestUpdateParams(t *testing.T) {
	valid := types.DefaultParams()
	valid.EpochLength = 20
	cases := []struct {
		name      string
		authority func(f *fixture) string
		params    types.Params
		wantErr   error
	}{
		{name: "authority may change params", authority: func(f *fixture) string { return f.authority }, params: valid},
		{name: "params from another account are refused", authority: func(f *fixture) string { return f.vals[0].operator }, params: valid, wantErr: types.ErrUnauthorized},
		{name: "epoch length of 1 is refused", authority: func(f *fixture) string { return f.authority },
			params: types.Params{EpochLength: 1, L1ChainId: 1, SigningWindow: 1}, wantErr: types.ErrInvalidParams},
		{name: "bad contract address is refused", authority: func(f *fixture) string { return f.authority },
			params: types.Params{EpochLength: 10, L1ChainId: 1, SigningWindow: 1, L1Contract: "0xabc"}, wantErr: types.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			before := f.state(t)
			_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: tc.authority(f), Params: tc.params})
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Equal(t, before, f.state(t))
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.params, f.params(t))
		})
	}
}
