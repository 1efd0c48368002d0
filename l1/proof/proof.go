// Package proof builds and checks a user's inclusion proof: that a post or
// profile version is in the chain state a checkpoint on the L1 commits to.
//
// A proof carries two independent checks against roots the L1 stores for
// the checkpoint:
//
//   - an ICS-23 proof of the record's value in its module store against
//     the checkpoint's app hash (the state after the checkpoint's height),
//     for any off-chain verifier;
//   - the record's leaf in the epoch's settlement tree with its Merkle
//     proof against the settlement root, which the contract itself can
//     check (verifyRecord).
//
// Verify recomputes the leaf from the proven value, so a tampered value, a
// tampered store proof and a tampered Merkle proof all fail.
package proof

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	cmtmerkle "github.com/cometbft/cometbft/crypto/merkle"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/store/v2/rootmulti"
	sdk "github.com/cosmos/cosmos-sdk/types"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// Record kinds.
const (
	KindPost    = "post"
	KindProfile = "profile"
)

// Proof is the JSON file `settlement prove` writes and `verify` reads.
type Proof struct {
	Kind       string `json:"kind"`
	Key        string `json:"key"`
	Checkpoint uint64 `json:"checkpoint"`
	Height     int64  `json:"height"`
	// Store and StoreKey locate Value in the chain state.
	Store    string        `json:"store"`
	StoreKey hexutil.Bytes `json:"store_key"`
	Value    hexutil.Bytes `json:"value"`
	// StoreProof is the ICS-23 proof of Value against the app hash.
	StoreProof *cmtcrypto.ProofOps `json:"store_proof"`
	// Leaf and MerkleProof place the record in the settlement tree.
	Leaf        common.Hash   `json:"leaf"`
	MerkleProof []common.Hash `json:"merkle_proof"`
}

// StoreLocation returns the module store and key holding a record's value.
func StoreLocation(kind, key string) (store string, storeKey []byte, err error) {
	switch kind {
	case KindPost:
		id, err := strconv.ParseUint(key, 10, 64)
		if err != nil {
			return "", nil, fmt.Errorf("post id %q: %w", key, err)
		}
		bz, err := collections.EncodeKeyWithPrefix(poststypes.PostsKey, collections.Uint64Key, id)
		return poststypes.StoreKey, bz, err
	case KindProfile:
		owner, err := sdk.AccAddressFromBech32(key)
		if err != nil {
			return "", nil, fmt.Errorf("profile owner %q: %w", key, err)
		}
		bz, err := collections.EncodeKeyWithPrefix(profilestypes.ProfilesKey, sdk.AccAddressKey, owner)
		return profilestypes.StoreKey, bz, err
	}
	return "", nil, fmt.Errorf("kind %q: want %q or %q", kind, KindPost, KindProfile)
}

// LeafOf recomputes the settlement leaf of a stored value.
func LeafOf(kind string, value []byte) (common.Hash, error) {
	switch kind {
	case KindPost:
		var post poststypes.Post
		if err := post.Unmarshal(value); err != nil {
			return common.Hash{}, fmt.Errorf("decoding the post: %w", err)
		}
		author, err := sdk.AccAddressFromBech32(post.Author)
		if err != nil {
			return common.Hash{}, err
		}
		h, err := post.Content().Hash()
		if err != nil {
			return common.Hash{}, err
		}
		return types.PostLeaf(common.BytesToAddress(author), post.ID, common.BytesToHash(h)), nil
	case KindProfile:
		var p profilestypes.Profile
		if err := p.Unmarshal(value); err != nil {
			return common.Hash{}, fmt.Errorf("decoding the profile: %w", err)
		}
		owner, err := sdk.AccAddressFromBech32(p.Owner)
		if err != nil {
			return common.Hash{}, err
		}
		h, err := profilestypes.ProfileHash(p)
		if err != nil {
			return common.Hash{}, err
		}
		return types.ProfileLeaf(common.BytesToAddress(owner), p.Handle, h), nil
	}
	return common.Hash{}, fmt.Errorf("kind %q: want %q or %q", kind, KindPost, KindProfile)
}

// Verify checks p against the app hash and settlement root stored on the
// L1 for p.Checkpoint. It returns nil only if every check passes.
func Verify(p Proof, appHash, settlementRoot common.Hash) error {
	store, storeKey, err := StoreLocation(p.Kind, p.Key)
	if err != nil {
		return err
	}
	if store != p.Store || !bytes.Equal(storeKey, p.StoreKey) {
		return fmt.Errorf("the proof locates %s at %s/%x, but a %s %s lives at %s/%x", p.Kind, p.Store, []byte(p.StoreKey), p.Kind, p.Key, store, storeKey)
	}
	if p.StoreProof == nil || len(p.Value) == 0 {
		return errors.New("the proof carries no store proof or no value")
	}
	path := cmtmerkle.KeyPath{}.AppendKey([]byte(store), cmtmerkle.KeyEncodingURL).AppendKey(storeKey, cmtmerkle.KeyEncodingHex)
	if err := rootmulti.DefaultProofRuntime().VerifyValue(p.StoreProof, appHash[:], path.String(), p.Value); err != nil {
		return fmt.Errorf("the value is not in the state the L1 app hash %s commits to: %w", appHash, err)
	}
	leaf, err := LeafOf(p.Kind, p.Value)
	if err != nil {
		return err
	}
	if leaf != p.Leaf {
		return fmt.Errorf("the proven value's leaf %s is not the record's leaf %s", leaf, p.Leaf)
	}
	if !types.VerifyMerkleProof(settlementRoot, leaf, p.Siblings()) {
		return fmt.Errorf("the record is not in the settlement root %s stored on the L1", settlementRoot)
	}
	return nil
}

// Siblings returns the Merkle proof in the form l1 and the contract take.
func (p Proof) Siblings() [][32]byte {
	siblings := make([][32]byte, len(p.MerkleProof))
	for i, h := range p.MerkleProof {
		siblings[i] = h
	}
	return siblings
}

// Marshal encodes p as indented JSON.
func (p Proof) Marshal() ([]byte, error) { return json.MarshalIndent(p, "", "  ") }
