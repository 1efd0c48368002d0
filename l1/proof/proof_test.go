package proof_test

import (
	"encoding/json"
	"testing"

	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1/proof"
)

// testKinds stand in for the app's record kinds: a "post" lives in store
// "posts" under its key's bytes, and its leaf is the keccak of its value.
var testKinds = proof.Kinds{{
	Name: "post",
	Locate: func(key string) (proof.StoreLocation, error) {
		return proof.StoreLocation{Store: "posts", Key: []byte(key)}, nil
	},
	Leaf: func(value []byte) (common.Hash, error) { return crypto.Keccak256Hash(value), nil },
}}

// FuzzVerify feeds arbitrary proof files (what `settlement verify` reads
// from a user) to Verify against an app hash and settlement root no proof
// was made for: it never panics and never accepts.
func FuzzVerify(f *testing.F) {
	loc, err := testKinds.Locate("post", "1")
	require.NoError(f, err)
	store, key := loc.Store, loc.Key
	value := []byte("gm")
	seed := proof.Proof{
		Kind: "post", Key: "1", Checkpoint: 3, Height: 40, Store: store, StoreKey: key, Value: value,
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
		require.Error(t, testKinds.Verify(p, appHash, root), "a proof made for no L1 checkpoint is refused")
	})
}

func TestVerifyChecksTheKindAndWhereTheRecordLives(t *testing.T) {
	appHash, root := common.HexToHash("0xaa"), common.HexToHash("0xbb")
	cases := []struct {
		name string
		p    proof.Proof
		want string
	}{
		{
			name: "an unknown kind is refused, naming the known ones",
			p:    proof.Proof{Kind: "repost", Key: "1"},
			want: `kind "repost": want "post"`,
		},
		{
			name: "a proof of another store key is refused",
			p:    proof.Proof{Kind: "post", Key: "1", Store: "posts", StoreKey: []byte("2"), Value: []byte("gm")},
			want: "but a post 1 lives at posts/31",
		},
		{
			name: "a proof of another store is refused",
			p:    proof.Proof{Kind: "post", Key: "1", Store: "profiles", StoreKey: []byte("1"), Value: []byte("gm")},
			want: "but a post 1 lives at posts/31",
		},
		{
			name: "a proof without a store proof is refused",
			p:    proof.Proof{Kind: "post", Key: "1", Store: "posts", StoreKey: []byte("1"), Value: []byte("gm")},
			want: "no store proof",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorContains(t, testKinds.Verify(tc.p, appHash, root), tc.want)
		})
	}
}
