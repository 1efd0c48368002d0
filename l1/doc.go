// Package l1 is the Go side of the socialchain settlement contract
// (contracts/SocialchainSettlement.sol): its generated bindings (package
// bindings), the conversion of the chain's checkpoints, signer sets and
// signatures into the bindings' structs, the choice of signatures a
// submission carries, deployment, and the decoding of the contract's
// custom errors.
//
// The formats the contract checks (the EIP-712 checkpoint digest, the
// signer-set hash and power normalization, the settlement Merkle tree and
// low-s signatures) are defined once, in x/settlement/types, because the
// chain computes them in consensus. testdata/checkpoint_vector.json pins
// them with a golden vector that both the Go code and the contract
// (through the simulated backend) must reproduce. docs/settlement-l1.md
// describes the formats.
package l1
