// Package l1 is the Go side of the socialchain settlement contract
// (contracts/SocialchainSettlement.sol): the checkpoint and signer-set types
// the validators sign, their EIP-712 digest, signer-set hashing and power
// normalization, low-s signing and recovery, the keccak Merkle tree whose
// root a checkpoint carries as its settlement root, and helpers that turn
// these into calls of the generated bindings (package bindings).
//
// Every hash here is defined once and mirrored byte for byte by the
// contract; testdata/checkpoint_vector.json pins them with a golden vector
// that both the Go tests and the contract (through the simulated backend)
// must reproduce. docs/settlement-l1.md describes the formats.
//
// The package imports go-ethereum but nothing from the Cosmos SDK, so the
// chain's keeper, vote-extension handlers, relayer and CLI can all share it.
package l1
