package proof_test

import (
	"encoding/json"
	"testing"

	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1/proof"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
)

// FuzzVerify feeds arbitrary proof files (what `settlement verify` reads
// from a user) to Verify against an app hash and settlement root no proof
// was made for: it never panics and never accepts.
func FuzzVerify(f *testing.F) {
	store, key, err := proof.StoreLocation(proof.KindPost, "1")
	require.NoError(f, err)
	value, err := (&poststypes.Post{ID: 1, Author: "social1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du", Text: "gm", RootID: 1}).Marshal()
	require.NoError(f, err)
	seed := proof.Proof{
		Kind: proof.KindPost, Key: "1", Checkpoint: 3, Height: 40, Store: store, StoreKey: key, Value: value,
		StoreProof: &cmtcrypto.ProofOps{Ops: []cmtcrypto.ProofOp{
			{Type: "ics23:iavl", Key: key, Data: []byte{0x0a, 0x02, 0x01, 0x02}},
			{Type: "ics23:simple", Key: []byte(store), Data: []byte{0x12, 0x00}},
		}},
		Leaf:        common.HexToHash("0x01"),
		MerkleProof: []common.Hash{common.HexToHash("0x02")},
	}
	bz, err := seed.Marshal()
	require.NoError(f, err)
	f.Add(bz)
	f.Add([]byte(`{"kind":"profile","key":"social1x","store_proof":{"ops":[{"type":"ics23:iavl"}]},"value":"0x01"}`))
	f.Add([]byte(`{}`))
	appHash, root := common.HexToHash("0xaa"), common.HexToHash("0xbb")
	f.Fuzz(func(t *testing.T, file []byte) {
		var p proof.Proof
		if json.Unmarshal(file, &p) != nil {
			return
		}
		require.Error(t, proof.Verify(p, appHash, root), "a proof made for no L1 checkpoint is refused")
	})
}
