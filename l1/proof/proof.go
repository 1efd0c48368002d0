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
// Kinds.Verify recomputes the leaf from the proven value, so a tampered
// value, a tampered store proof and a tampered Merkle proof all fail. The
// package knows no module: its caller says, per record kind, where the
// value is stored and how its leaf is made (app.SettlementRecordKinds).
package proof

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	cmtmerkle "github.com/cometbft/cometbft/crypto/merkle"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/cosmos/cosmos-sdk/store/v2/rootmulti"

	"github.com/socialchain/socialchain/x/settlement/types"
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

// StoreLocation is where a record's value lives in the chain state: a
// module store and the key in it.
type StoreLocation struct {
	Store string
	Key   []byte
}

// RecordKind is what proofs need to know about one kind of settled
// record. The package knows no module: the app, which knows where the
// social modules keep their records, supplies one RecordKind per kind.
type RecordKind struct {
	// Name is the kind as x/settlement records it (types.RecordKindPost, …).
	Name string
	// Locate returns where the record with key (a post id, a profile
	// owner's address) is stored.
	Locate func(key string) (StoreLocation, error)
	// Leaf recomputes the record's settlement leaf from its stored value.
	Leaf func(value []byte) (common.Hash, error)
}

// Kinds are the record kinds a prover or verifier knows.
type Kinds []RecordKind

// Find returns the kind named name.
func (ks Kinds) Find(name string) (RecordKind, error) {
	names := make([]string, len(ks))
	for i, k := range ks {
		if k.Name == name {
			return k, nil
		}
		names[i] = fmt.Sprintf("%q", k.Name)
	}
	return RecordKind{}, fmt.Errorf("kind %q: want %s", name, strings.Join(names, " or "))
}

// Locate returns where the record (kind, key) is stored.
func (ks Kinds) Locate(kind, key string) (StoreLocation, error) {
	k, err := ks.Find(kind)
	if err != nil {
		return StoreLocation{}, err
	}
	return k.Locate(key)
}

// Verify checks p against the app hash and settlement root stored on the
// L1 for p.Checkpoint. It returns nil only if every check passes.
func (ks Kinds) Verify(p Proof, appHash, settlementRoot common.Hash) error {
	kind, err := ks.Find(p.Kind)
	if err != nil {
		return err
	}
	loc, err := kind.Locate(p.Key)
	if err != nil {
		return err
	}
	store, storeKey := loc.Store, loc.Key
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
	leaf, err := kind.Leaf(p.Value)
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

// Siblings returns the Merkle proof in the form types.VerifyMerkleProof
// and the contract take.
func (p Proof) Siblings() [][32]byte {
	siblings := make([][32]byte, len(p.MerkleProof))
	for i, h := range p.MerkleProof {
		siblings[i] = h
	}
	return siblings
}

// Marshal encodes p as indented JSON.
func (p Proof) Marshal() ([]byte, error) { return json.MarshalIndent(p, "", "  ") }
