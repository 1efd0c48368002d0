package types_test

import (
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func leavesN(n int) [][32]byte {
	out := make([][32]byte, n)
	for i := range out {
		out[i] = types.PostLeaf(common.Address{1}, uint64(i+1), crypto.Keccak256Hash([]byte{byte(i)}))
	}
	return out
}

func TestMerkleRootShapes(t *testing.T) {
	l := leavesN(3)
	pair := func(a, b [32]byte) [32]byte {
		if common.Hash(a).Cmp(b) > 0 {
			a, b = b, a
		}
		return crypto.Keccak256Hash(a[:], b[:])
	}
	cases := []struct {
		name   string
		leaves [][32]byte
		want   [32]byte
	}{
		{"no leaves give the zero root", nil, [32]byte{}},
		{"one leaf is its own root", l[:1], l[0]},
		{"two leaves hash as a sorted pair", l[:2], pair(l[0], l[1])},
		{"pair order does not matter", [][32]byte{l[1], l[0]}, pair(l[0], l[1])},
		{"an odd last leaf is carried up unpaired", l, pair(pair(l[0], l[1]), l[2])},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, types.MerkleRoot(tc.leaves))
		})
	}
}

func TestMerkleProofs(t *testing.T) {
	for n := 1; n <= 33; n++ {
		leaves := leavesN(n)
		root := types.MerkleRoot(leaves)
		for i := range leaves {
			proof, err := types.MerkleProof(leaves, i)
			require.NoError(t, err)
			require.Truef(t, types.VerifyMerkleProof(root, leaves[i], proof), "n=%d i=%d", n, i)

			tampered := leaves[i]
			tampered[31] ^= 1
			require.False(t, types.VerifyMerkleProof(root, tampered, proof), "tampered leaf n=%d i=%d", n, i)
			if len(proof) > 0 {
				bad := append([][32]byte(nil), proof...)
				bad[len(bad)-1][0] ^= 0x80
				require.False(t, types.VerifyMerkleProof(root, leaves[i], bad), "tampered proof n=%d i=%d", n, i)
			}
		}
	}

	_, err := types.MerkleProof(leavesN(3), 3)
	require.ErrorIs(t, err, types.ErrLeafIndex)
	_, err = types.MerkleProof(nil, 0)
	require.ErrorIs(t, err, types.ErrLeafIndex)
	require.False(t, types.VerifyMerkleProof([32]byte{}, [32]byte{}, nil), "zero root proves nothing")
}

// TestLeafEncoding pins the packed preimages byte by byte.
func TestLeafEncoding(t *testing.T) {
	author := common.HexToAddress("0x00112233445566778899aabbccddeeff00112233")
	content := crypto.Keccak256Hash([]byte("content"))
	post := []byte{types.LeafTagPost}
	post = append(post, author[:]...)
	post = binary.BigEndian.AppendUint64(post, 42)
	post = append(post, content[:]...)
	require.Len(t, post, 61)
	require.Equal(t, crypto.Keccak256Hash(post), common.Hash(types.PostLeaf(author, 42, content)))

	profile := []byte{types.LeafTagProfile}
	profile = append(profile, author[:]...)
	profile = append(profile, crypto.Keccak256([]byte("alice"))...)
	profile = append(profile, content[:]...)
	require.Len(t, profile, 85)
	require.Equal(t, crypto.Keccak256Hash(profile), common.Hash(types.ProfileLeaf(author, "alice", content)))
}
