package relayer

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestToL1Checkpoint(t *testing.T) {
	h := func(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }
	valid := types.Checkpoint{Number: 3, Height: 30, AppHash: h(1), SettlementRoot: h(2), SignerSetNonce: 1, NextSignerSetHash: h(3), Time: 99}
	with := func(f func(*types.Checkpoint)) types.Checkpoint { c := valid; f(&c); return c }
	for _, tc := range []struct {
		name    string
		in      types.Checkpoint
		wantErr string
	}{
		{"a complete checkpoint converts", valid, ""},
		{"an empty settlement root is the zero root", with(func(c *types.Checkpoint) { c.SettlementRoot = nil }), ""},
		{"a negative height is refused", with(func(c *types.Checkpoint) { c.Height = -1 }), "negative height"},
		{"a missing app hash is refused", with(func(c *types.Checkpoint) { c.AppHash = nil }), "app hash: 0 bytes"},
		{"a short settlement root is refused", with(func(c *types.Checkpoint) { c.SettlementRoot = h(2)[:31] }), "settlement root: 31 bytes"},
		{"a long next-set hash is refused", with(func(c *types.Checkpoint) { c.NextSignerSetHash = append(h(3), 0) }), "next signer set hash: 33 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := toL1Checkpoint(tc.in)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				require.Equal(t, types.L1Checkpoint{}, got)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.in.Number, got.Number)
			require.Equal(t, uint64(tc.in.Height), got.Height)
			require.Equal(t, tc.in.AppHash, got.AppHash[:])
			require.Equal(t, common.BytesToHash(tc.in.SettlementRoot), common.Hash(got.SettlementRoot))
			require.Equal(t, tc.in.NextSignerSetHash, got.NextSignerSetHash[:])
			require.Equal(t, tc.in.SignerSetNonce, got.SignerSetNonce)
			require.Equal(t, tc.in.Time, got.Time)
		})
	}
}

// testSet is a four-member set with its keys, in canonical order.
func testSet(t testing.TB) (types.L1SignerSet, map[common.Address][]byte) {
	t.Helper()
	set := types.L1SignerSet{Nonce: 1}
	keys := map[common.Address][]byte{}
	for i := range 4 {
		seed := crypto.Keccak256([]byte{byte(i)})
		k, err := crypto.ToECDSA(seed)
		require.NoError(t, err)
		addr := crypto.PubkeyToAddress(k.PublicKey)
		keys[addr] = seed
		set.Signers = append(set.Signers, types.L1Signer{Address: addr, Power: 25})
	}
	types.SortSigners(set.Signers)
	return set, keys
}

func signAt(t testing.TB, set types.L1SignerSet, keys map[common.Address][]byte, digest [32]byte, index int) types.CheckpointSignature {
	t.Helper()
	k, err := crypto.ToECDSA(keys[set.Signers[index].Address])
	require.NoError(t, err)
	sig, err := types.SignDigest(k, digest)
	require.NoError(t, err)
	return types.CheckpointSignature{SignerIndex: uint32(index), EthAddress: set.Signers[index].Address.Hex(), Signature: sig[:]}
}

func TestCheckedSignatures(t *testing.T) {
	set, keys := testSet(t)
	digest := [32]byte{1, 2, 3}
	other := [32]byte{4, 5, 6}
	good := signAt(t, set, keys, digest, 0)
	highS := func() types.CheckpointSignature {
		s := signAt(t, set, keys, digest, 1)
		sig := types.Signature(s.Signature)
		// s → n - s with the other recovery id recovers the same key
		// from a high-s signature, which the contract refuses.
		n := crypto.S256().Params().N
		hi := new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64]))
		hi.FillBytes(sig[32:64])
		sig[64] = 27 + 28 - sig[64]
		s.Signature = sig[:]
		return s
	}()
	for _, tc := range []struct {
		name      string
		sig       types.CheckpointSignature
		accepted  bool
		rejection string
	}{
		{"a signature by the member at its index is kept", good, true, ""},
		{"a signature naming another member's index is dropped", func() types.CheckpointSignature {
			s := good
			s.SignerIndex = 2
			return s
		}(), false, "not"},
		{"a signature over another digest is dropped", signAt(t, set, keys, other, 3), false, "not"},
		{"an index outside the set is dropped", func() types.CheckpointSignature {
			s := good
			s.SignerIndex = 4
			return s
		}(), false, "outside a set of 4"},
		{"a short signature is dropped", func() types.CheckpointSignature {
			s := good
			s.Signature = s.Signature[:64]
			return s
		}(), false, "length 64"},
		{"a high-s signature is dropped", highS, false, "upper half"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			valid, rejected := checkedSignatures(set, digest, []types.CheckpointSignature{tc.sig})
			if tc.accepted {
				require.Len(t, valid, 1)
				require.Empty(t, rejected)
				return
			}
			require.Empty(t, valid)
			require.Len(t, rejected, 1)
			require.Contains(t, rejected[0], tc.rejection)
		})
	}
}

// FuzzCheckedSignatures: whatever the chain sends as signatures, none is
// kept unless it recovers to the member at the index it names.
func FuzzCheckedSignatures(f *testing.F) {
	set, keys := testSet(f)
	digest := [32]byte{9}
	good := signAt(f, set, keys, digest, 2)
	f.Add(uint32(2), good.Signature)
	f.Add(uint32(0), good.Signature)
	f.Add(uint32(7), []byte{27})
	f.Fuzz(func(t *testing.T, index uint32, sig []byte) {
		valid, _ := checkedSignatures(set, digest, []types.CheckpointSignature{{SignerIndex: index, Signature: sig}})
		for addr, s := range valid {
			require.Less(t, int(index), len(set.Signers))
			require.Equal(t, set.Signers[index].Address, addr)
			got, err := s.Recover(digest)
			require.NoError(t, err)
			require.Equal(t, addr, got)
		}
	})
}
