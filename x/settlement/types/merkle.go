package types

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Leaf tags: the first byte of every leaf preimage names the record kind,
// so a post and a profile can never hash to the same leaf.
const (
	LeafTagPost    byte = 0x01
	LeafTagProfile byte = 0x02
)

// ErrLeafIndex is returned by MerkleProof for an index outside the leaves.
var ErrLeafIndex = errors.New("leaf index out of range")

// PostLeaf is the settlement leaf of a post:
//
//	keccak256(abi.encodePacked(uint8(0x01), address author, uint64 postId, bytes32 contentHash))
//
// 61 bytes: the tag, the author's 20 address bytes (the bytes behind its
// bech32 account address), the post id as 8 big-endian bytes, and the
// 32-byte content hash the chain keeps for the post.
func PostLeaf(author common.Address, postID uint64, contentHash [32]byte) [32]byte {
	return crypto.Keccak256Hash([]byte{LeafTagPost}, author[:], be64(postID), contentHash[:])
}

// ProfileLeaf is the settlement leaf of a profile change:
//
//	keccak256(abi.encodePacked(uint8(0x02), address owner, keccak256(bytes(handle)), bytes32 profileHash))
//
// 85 bytes: the tag, the owner's 20 address bytes, keccak256 of the handle's
// UTF-8 bytes, and the 32-byte hash of the profile record the chain keeps
// (zero for a deleted profile).
func ProfileLeaf(owner common.Address, handle string, profileHash [32]byte) [32]byte {
	return crypto.Keccak256Hash([]byte{LeafTagProfile}, owner[:], crypto.Keccak256([]byte(handle)), profileHash[:])
}

// MerkleRoot is the settlement root over leaves, in the order given:
//
//   - no leaves: the zero hash; one leaf: the leaf itself;
//   - otherwise, level by level, pairs (0,1), (2,3), … are hashed with
//     hashPair (sorted-pair keccak256) and a last odd node is carried up
//     unchanged (never paired with itself).
//
// Leaf preimages are never 64 bytes long (PostLeaf 61, ProfileLeaf 85), so
// an inner node can never pass for a record.
func MerkleRoot(leaves [][32]byte) [32]byte {
	if len(leaves) == 0 {
		return [32]byte{}
	}
	level := append([][32]byte(nil), leaves...)
	for len(level) > 1 {
		level = nextLevel(level)
	}
	return level[0]
}

// MerkleProof is the list of sibling hashes from leaves[index] up to
// MerkleRoot(leaves), bottom first, skipping levels where the node was
// carried up without a sibling. The contract's verifyRecord and
// VerifyMerkleProof fold it with sorted-pair hashing, so no index is needed.
func MerkleProof(leaves [][32]byte, index int) ([][32]byte, error) {
	if index < 0 || index >= len(leaves) {
		return nil, fmt.Errorf("%w: %d of %d", ErrLeafIndex, index, len(leaves))
	}
	var proof [][32]byte
	level := append([][32]byte(nil), leaves...)
	for len(level) > 1 {
		if sib := index ^ 1; sib < len(level) {
			proof = append(proof, level[sib])
		}
		level = nextLevel(level)
		index /= 2
	}
	return proof, nil
}

// VerifyMerkleProof folds proof from leaf with sorted-pair hashing and
// compares the result with root, exactly as the contract's verifyRecord
// does. A zero root (a checkpoint without records) proves nothing.
func VerifyMerkleProof(root, leaf [32]byte, proof [][32]byte) bool {
	if root == ([32]byte{}) {
		return false
	}
	h := leaf
	for _, p := range proof {
		h = hashPair(h, p)
	}
	return h == root
}

func nextLevel(level [][32]byte) [][32]byte {
	next := make([][32]byte, 0, (len(level)+1)/2)
	for i := 0; i < len(level); i += 2 {
		if i+1 == len(level) {
			next = append(next, level[i])
			break
		}
		next = append(next, hashPair(level[i], level[i+1]))
	}
	return next
}

// hashPair is keccak256(min(a, b) ‖ max(a, b)), comparing as big-endian
// unsigned integers (bytes32 comparison in Solidity).
func hashPair(a, b [32]byte) [32]byte {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return crypto.Keccak256Hash(a[:], b[:])
}

func be64(v uint64) []byte {
	return word64(v)[24:]
}
