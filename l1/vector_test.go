package l1_test

import (
	"encoding/json"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// updateVector rewrites the derived and expected values of the golden
// vector from its inputs: go test ./l1 -run TestGoldenVector -update
// Review the diff: a changed digest means every deployed contract and every
// signer disagree with the new code.
var updateVector = flag.Bool("update", false, "rewrite testdata/checkpoint_vector.json from its inputs")

const vectorPath = "testdata/checkpoint_vector.json"

// goldenVector is testdata/checkpoint_vector.json. Inputs: the L1 chain id,
// the deployer key (the contract is its first deployment, nonce 0), the
// Cosmos chain id, the signer keys and powers, the records and the
// checkpoint's own fields. Derived (rewritten by -update): the contract
// address, the signer set, the checkpoint's settlement root and next signer
// set hash, and everything under "expected".
type goldenVector struct {
	Comment string `json:"comment"`
	Domain  struct {
		L1ChainID     uint64         `json:"l1ChainId"`
		DeployerKey   hexutil.Bytes  `json:"deployerKey"`
		Contract      common.Address `json:"contract"`
		CosmosChainID string         `json:"cosmosChainId"`
	} `json:"domain"`
	Signers []struct {
		Key   hexutil.Bytes `json:"key"`
		Power uint64        `json:"power"`
	} `json:"signers"`
	SignerSet struct {
		Nonce   uint64 `json:"nonce"`
		Signers []struct {
			Address common.Address `json:"address"`
			Power   uint64         `json:"power"`
		} `json:"signers"`
	} `json:"signerSet"`
	Records struct {
		Posts []struct {
			Author      common.Address `json:"author"`
			PostID      uint64         `json:"postId"`
			ContentHash common.Hash    `json:"contentHash"`
		} `json:"posts"`
		Profiles []struct {
			Owner       common.Address `json:"owner"`
			Handle      string         `json:"handle"`
			ProfileHash common.Hash    `json:"profileHash"`
		} `json:"profiles"`
	} `json:"records"`
	Checkpoint struct {
		Number            uint64      `json:"number"`
		Height            uint64      `json:"height"`
		AppHash           common.Hash `json:"appHash"`
		SettlementRoot    common.Hash `json:"settlementRoot"`
		SignerSetNonce    uint64      `json:"signerSetNonce"`
		NextSignerSetHash common.Hash `json:"nextSignerSetHash"`
		Time              uint64      `json:"time"`
	} `json:"checkpoint"`
	Expected struct {
		DomainSeparator      common.Hash     `json:"domainSeparator"`
		CheckpointTypeHash   common.Hash     `json:"checkpointTypeHash"`
		CheckpointStructHash common.Hash     `json:"checkpointStructHash"`
		CheckpointDigest     common.Hash     `json:"checkpointDigest"`
		SignerSetHash        common.Hash     `json:"signerSetHash"`
		Signatures           []hexutil.Bytes `json:"signatures"`
		Leaves               []common.Hash   `json:"leaves"`
		MerkleRoot           common.Hash     `json:"merkleRoot"`
		Proofs               [][]common.Hash `json:"proofs"`
	} `json:"expected"`
}

func loadVector(t *testing.T) goldenVector {
	t.Helper()
	raw, err := os.ReadFile(vectorPath)
	require.NoError(t, err)
	var v goldenVector
	require.NoError(t, json.Unmarshal(raw, &v))
	return v
}

func (v goldenVector) domain() types.Domain {
	return types.Domain{L1ChainID: v.Domain.L1ChainID, Contract: v.Domain.Contract, CosmosChainID: v.Domain.CosmosChainID}
}

func (v goldenVector) signerSet() types.L1SignerSet {
	set := types.L1SignerSet{Nonce: v.SignerSet.Nonce}
	for _, s := range v.SignerSet.Signers {
		set.Signers = append(set.Signers, types.L1Signer{Address: s.Address, Power: s.Power})
	}
	return set
}

func (v goldenVector) checkpoint() types.L1Checkpoint {
	c := v.Checkpoint
	return types.L1Checkpoint{
		Number: c.Number, Height: c.Height, AppHash: c.AppHash, SettlementRoot: c.SettlementRoot,
		SignerSetNonce: c.SignerSetNonce, NextSignerSetHash: c.NextSignerSetHash, Time: c.Time,
	}
}

func (v goldenVector) leaves() [][32]byte {
	var out [][32]byte
	for _, p := range v.Records.Posts {
		out = append(out, types.PostLeaf(p.Author, p.PostID, p.ContentHash))
	}
	for _, p := range v.Records.Profiles {
		out = append(out, types.ProfileLeaf(p.Owner, p.Handle, p.ProfileHash))
	}
	return out
}

// signerKey is the key of the signer set member at index i.
func (v goldenVector) signerKey(t *testing.T, i int) []byte {
	t.Helper()
	for _, s := range v.Signers {
		k, err := crypto.ToECDSA(s.Key)
		require.NoError(t, err)
		if crypto.PubkeyToAddress(k.PublicKey) == v.SignerSet.Signers[i].Address {
			return s.Key
		}
	}
	t.Fatalf("no key for signer %d", i)
	return nil
}

// derive recomputes everything but the inputs.
func derive(t *testing.T, v goldenVector) goldenVector {
	t.Helper()
	deployer, err := crypto.ToECDSA(v.Domain.DeployerKey)
	require.NoError(t, err)
	v.Domain.Contract = crypto.CreateAddress(crypto.PubkeyToAddress(deployer.PublicKey), 0)

	var raw []types.L1Signer
	for _, s := range v.Signers {
		k, err := crypto.ToECDSA(s.Key)
		require.NoError(t, err)
		raw = append(raw, types.L1Signer{Address: crypto.PubkeyToAddress(k.PublicKey), Power: s.Power})
	}
	types.SortSigners(raw)
	v.SignerSet.Signers = v.SignerSet.Signers[:0]
	for _, s := range raw {
		v.SignerSet.Signers = append(v.SignerSet.Signers, struct {
			Address common.Address `json:"address"`
			Power   uint64         `json:"power"`
		}{s.Address, s.Power})
	}
	set := v.signerSet()
	leaves := v.leaves()
	v.Checkpoint.SettlementRoot = types.MerkleRoot(leaves)
	v.Checkpoint.NextSignerSetHash = set.Hash()
	v.Checkpoint.SignerSetNonce = set.Nonce

	cp := v.checkpoint()
	e := &v.Expected
	e.DomainSeparator = v.domain().Separator()
	e.CheckpointTypeHash = types.CheckpointTypeHash
	e.CheckpointStructHash = cp.StructHash()
	e.CheckpointDigest = types.CheckpointDigest(v.domain(), cp)
	e.SignerSetHash = set.Hash()
	e.Signatures = nil
	for i := range set.Signers {
		k, err := crypto.ToECDSA(v.signerKey(t, i))
		require.NoError(t, err)
		sig, err := types.SignDigest(k, e.CheckpointDigest)
		require.NoError(t, err)
		e.Signatures = append(e.Signatures, sig[:])
	}
	e.Leaves = nil
	e.Proofs = nil
	for i, leaf := range leaves {
		e.Leaves = append(e.Leaves, leaf)
		proof, err := types.MerkleProof(leaves, i)
		require.NoError(t, err)
		hs := []common.Hash{}
		for _, p := range proof {
			hs = append(hs, p)
		}
		e.Proofs = append(e.Proofs, hs)
	}
	e.MerkleRoot = types.MerkleRoot(leaves)
	return v
}

// TestGoldenVector checks the Go hashing against the committed vector, and
// the vector's digest against go-ethereum's independent EIP-712 encoder.
func TestGoldenVector(t *testing.T) {
	v := loadVector(t)
	got := derive(t, v)
	if *updateVector {
		out, err := json.MarshalIndent(got, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.FromSlash(vectorPath), append(out, '\n'), 0o644))
		v = got
	}
	require.Equal(t, v, got, "golden vector drifted; if intended, rerun with -update and review the diff")

	// An independent EIP-712 implementation must agree with ours.
	cp := v.checkpoint()
	typed := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {
				{Name: "name", Type: "string"},
				{Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"},
				{Name: "verifyingContract", Type: "address"},
				{Name: "salt", Type: "bytes32"},
			},
			"Checkpoint": {
				{Name: "number", Type: "uint64"},
				{Name: "height", Type: "uint64"},
				{Name: "appHash", Type: "bytes32"},
				{Name: "settlementRoot", Type: "bytes32"},
				{Name: "signerSetNonce", Type: "uint64"},
				{Name: "nextSignerSetHash", Type: "bytes32"},
				{Name: "time", Type: "uint64"},
			},
		},
		PrimaryType: "Checkpoint",
		Domain: apitypes.TypedDataDomain{
			Name:              types.DomainName,
			Version:           types.DomainVersion,
			ChainId:           math.NewHexOrDecimal256(int64(v.Domain.L1ChainID)),
			VerifyingContract: v.Domain.Contract.Hex(),
			Salt:              hexutil.Encode(crypto.Keccak256([]byte(v.Domain.CosmosChainID))),
		},
		Message: apitypes.TypedDataMessage{
			"number":            new(big.Int).SetUint64(cp.Number),
			"height":            new(big.Int).SetUint64(cp.Height),
			"appHash":           hexutil.Encode(cp.AppHash[:]),
			"settlementRoot":    hexutil.Encode(cp.SettlementRoot[:]),
			"signerSetNonce":    new(big.Int).SetUint64(cp.SignerSetNonce),
			"nextSignerSetHash": hexutil.Encode(cp.NextSignerSetHash[:]),
			"time":              new(big.Int).SetUint64(cp.Time),
		},
	}
	digest, _, err := apitypes.TypedDataAndHash(typed)
	require.NoError(t, err)
	require.Equal(t, v.Expected.CheckpointDigest.Bytes(), digest)

	// Each signature recovers to its signer.
	for i, raw := range v.Expected.Signatures {
		sig, err := types.SignatureFromBytes(raw)
		require.NoError(t, err)
		addr, err := sig.Recover(v.Expected.CheckpointDigest)
		require.NoError(t, err)
		require.Equal(t, v.SignerSet.Signers[i].Address, addr)
	}
}

// TestContractGoldenVector deploys the contract exactly as the vector
// describes and checks that the contract computes the same domain, signer
// set hash and digest, accepts the vector's signatures, and verifies every
// record proof against the vector's settlement root.
func TestContractGoldenVector(t *testing.T) {
	v := loadVector(t)
	require.Equal(t, uint64(simulatedChainID), v.Domain.L1ChainID)
	deployer, err := crypto.ToECDSA(v.Domain.DeployerKey)
	require.NoError(t, err)
	set := v.signerSet()
	c := newChain(t, set, deployer)
	require.Equal(t, v.Domain.Contract, c.domain.Contract, "the vector's contract is the deployer's first contract")
	require.Equal(t, v.Domain.CosmosChainID, c.domain.CosmosChainID)

	sep, err := bind.Call(c.instance, nil, c.contract.PackDomainSeparator(), c.contract.UnpackDomainSeparator)
	require.NoError(t, err)
	require.Equal(t, [32]byte(v.Expected.DomainSeparator), sep)
	require.Equal(t, [32]byte(v.Expected.SignerSetHash), hashBinding(t, c, l1.SignerSetBinding(set)))
	cp := v.checkpoint()
	digest, err := bind.Call(c.instance, nil, c.contract.PackCheckpointDigest(l1.CheckpointBinding(cp)), c.contract.UnpackCheckpointDigest)
	require.NoError(t, err)
	require.Equal(t, [32]byte(v.Expected.CheckpointDigest), digest)

	sigs := map[common.Address]types.Signature{}
	for i, raw := range v.Expected.Signatures {
		sig, err := types.SignatureFromBytes(raw)
		require.NoError(t, err)
		sigs[set.Signers[i].Address] = sig
	}
	selected, _, ok := l1.SelectSignatures(set, sigs)
	require.True(t, ok)
	_, err = c.submit(cp, set, selected)
	require.NoError(t, err)

	// The contract's leaf helpers encode records as the Go side does.
	var contractLeaves []common.Hash
	for _, p := range v.Records.Posts {
		leaf, err := bind.Call(c.instance, nil, c.contract.PackPostLeaf(p.Author, p.PostID, p.ContentHash), c.contract.UnpackPostLeaf)
		require.NoError(t, err)
		contractLeaves = append(contractLeaves, leaf)
	}
	for _, p := range v.Records.Profiles {
		leaf, err := bind.Call(c.instance, nil, c.contract.PackProfileLeaf(p.Owner, p.Handle, p.ProfileHash), c.contract.UnpackProfileLeaf)
		require.NoError(t, err)
		contractLeaves = append(contractLeaves, leaf)
	}
	require.Equal(t, v.Expected.Leaves, contractLeaves)

	for i, leaf := range v.Expected.Leaves {
		proof := make([][32]byte, len(v.Expected.Proofs[i]))
		for j, p := range v.Expected.Proofs[i] {
			proof[j] = p
		}
		ok, err := c.verifyRecord(cp.Number, leaf, proof)
		require.NoError(t, err)
		require.Truef(t, ok, "record %d", i)
	}
}
