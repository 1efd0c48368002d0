package types

// The L1 formats. This file, l1_signer_set.go, merkle.go and signature.go
// hold the one definition of every hash and signature the L1 settlement
// contract checks, mirrored byte for byte by it: the keeper computes them
// in consensus, and the off-chain tools (l1/: relayer, proof, CLI) submit
// and verify them. l1/testdata/checkpoint_vector.json pins them with a
// golden vector that the contract must reproduce too.

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// DomainName and DomainVersion are the EIP-712 domain's name and version.
const (
	DomainName    = "SocialchainSettlement"
	DomainVersion = "1"
)

var (
	// DomainTypeHash is keccak256 of the EIP-712 domain type. The domain
	// uses the standard salt field to bind the Cosmos chain id.
	DomainTypeHash = crypto.Keccak256Hash([]byte(
		"EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)"))

	// CheckpointTypeHash is keccak256 of the EIP-712 Checkpoint type.
	CheckpointTypeHash = crypto.Keccak256Hash([]byte(
		"Checkpoint(uint64 number,uint64 height,bytes32 appHash,bytes32 settlementRoot," +
			"uint64 signerSetNonce,bytes32 nextSignerSetHash,uint64 time)"))
)

// Domain identifies one deployed settlement contract: the L1 it lives on,
// its address, and the Cosmos chain it settles. A signature over a
// checkpoint digest is valid for exactly one Domain.
type Domain struct {
	// L1ChainID is the EIP-155 chain id of the L1 (block.chainid).
	L1ChainID uint64
	// Contract is the address of the settlement contract (verifyingContract).
	Contract common.Address
	// CosmosChainID is the appchain's chain id, e.g. "socialchain-1".
	CosmosChainID string
}

// Salt is the EIP-712 domain salt: keccak256 of the UTF-8 bytes of the
// Cosmos chain id.
func (d Domain) Salt() [32]byte {
	return crypto.Keccak256Hash([]byte(d.CosmosChainID))
}

// Separator is the EIP-712 domain separator:
//
//	keccak256(abi.encode(DomainTypeHash, keccak256("SocialchainSettlement"),
//	    keccak256("1"), uint256 l1ChainId, address contract, bytes32 salt))
func (d Domain) Separator() [32]byte {
	var chainID [32]byte
	binary.BigEndian.PutUint64(chainID[24:], d.L1ChainID)
	salt := d.Salt()
	return crypto.Keccak256Hash(
		DomainTypeHash[:],
		crypto.Keccak256([]byte(DomainName)),
		crypto.Keccak256([]byte(DomainVersion)),
		chainID[:],
		common.LeftPadBytes(d.Contract[:], 32),
		salt[:],
	)
}

// L1Checkpoint is the message the signer set signs: the appchain's state
// after block Height, the Merkle root of the records it settles, and the
// signer set that signs the next checkpoint. It mirrors the contract's
// Checkpoint struct field for field.
type L1Checkpoint struct {
	// Number is the checkpoint (epoch) number; the contract accepts only
	// numbers greater than the last one it stored, starting above 0.
	Number uint64
	// Height is the appchain block height the checkpoint covers.
	Height uint64
	// AppHash is the app hash after Height (the header AppHash of Height+1).
	AppHash [32]byte
	// SettlementRoot is MerkleRoot of the records the checkpoint settles
	// (zero when there are none).
	SettlementRoot [32]byte
	// SignerSetNonce is the nonce of the signer set that signs this checkpoint.
	SignerSetNonce uint64
	// NextSignerSetHash is SignerSetHash of the set that signs the next
	// checkpoint: the signing set's own hash, or a new set's for a handover.
	NextSignerSetHash [32]byte
	// Time is the block time of Height in Unix seconds.
	Time uint64
}

// StructHash is the EIP-712 hashStruct of the checkpoint: keccak256 of the
// type hash followed by each field as a 32-byte word.
func (cp L1Checkpoint) StructHash() [32]byte {
	return crypto.Keccak256Hash(
		CheckpointTypeHash[:],
		word64(cp.Number),
		word64(cp.Height),
		cp.AppHash[:],
		cp.SettlementRoot[:],
		word64(cp.SignerSetNonce),
		cp.NextSignerSetHash[:],
		word64(cp.Time),
	)
}

// CheckpointDigest is the EIP-712 digest of cp under domain d, the 32 bytes
// each signer signs: keccak256(0x19 0x01 ‖ d.Separator() ‖ cp.StructHash()).
// The contract's checkpointDigest view returns the same value.
func CheckpointDigest(d Domain, cp L1Checkpoint) [32]byte {
	sep := d.Separator()
	sh := cp.StructHash()
	return crypto.Keccak256Hash([]byte{0x19, 0x01}, sep[:], sh[:])
}

// word64 is v ABI-encoded as a 32-byte big-endian word.
func word64(v uint64) []byte {
	var w [32]byte
	binary.BigEndian.PutUint64(w[24:], v)
	return w[:]
}
