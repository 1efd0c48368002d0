package keeper

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/socialchain/socialchain/x/settlement/l1"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// This file converts between chain state and the l1 package, which holds
// the one definition of every hash the L1 contract checks.

// rawMember is a signer before power normalization.
type rawMember struct {
	ethAddress string
	validator  string
	power      uint64
}

// normalizeMembers scales powers to sum at most 2^32 and orders the
// members as the contract expects.
func normalizeMembers(raw []rawMember) []types.SignerSetMember {
	signers := make([]l1.Signer, len(raw))
	validatorOf := make(map[common.Address]string, len(raw))
	for i, m := range raw {
		addr := common.HexToAddress(m.ethAddress)
		signers[i] = l1.Signer{Address: addr, Power: m.power}
		validatorOf[addr] = m.validator
	}
	normalized := l1.NormalizePowers(signers)
	members := make([]types.SignerSetMember, 0, len(normalized))
	for _, s := range normalized {
		if s.Power == 0 {
			continue // too small to matter after scaling
		}
		members = append(members, types.SignerSetMember{EthAddress: s.Address.Hex(), Power: s.Power, Validator: validatorOf[s.Address]})
	}
	return members
}

// toL1SignerSet converts a stored signer set.
func toL1SignerSet(set types.SignerSet) l1.SignerSet {
	out := l1.SignerSet{Nonce: set.Nonce, Signers: make([]l1.Signer, len(set.Members))}
	for i, m := range set.Members {
		out.Signers[i] = l1.Signer{Address: common.HexToAddress(m.EthAddress), Power: m.Power}
	}
	return out
}

// signerSetHash is the hash the contract stores for set.
func signerSetHash(set types.SignerSet) []byte {
	h := l1.SignerSetHash(toL1SignerSet(set))
	return h[:]
}

// toL1Checkpoint converts a stored checkpoint.
func toL1Checkpoint(cp types.Checkpoint) l1.Checkpoint {
	return l1.Checkpoint{
		Number:            cp.Number,
		Height:            uint64(cp.Height),
		AppHash:           common.BytesToHash(cp.AppHash),
		SettlementRoot:    common.BytesToHash(cp.SettlementRoot),
		SignerSetNonce:    cp.SignerSetNonce,
		NextSignerSetHash: common.BytesToHash(cp.NextSignerSetHash),
		Time:              cp.Time,
	}
}

// Domain returns the EIP-712 domain checkpoints of this chain are signed in.
func Domain(params types.Params, cosmosChainID string) l1.Domain {
	return l1.Domain{L1ChainID: params.L1ChainId, Contract: common.HexToAddress(params.L1Contract), CosmosChainID: cosmosChainID}
}

// checkpointDigest is the EIP-712 digest of cp that signers sign.
func checkpointDigest(params types.Params, cosmosChainID string, cp types.Checkpoint) []byte {
	d := l1.CheckpointDigest(Domain(params, cosmosChainID), toL1Checkpoint(cp))
	return d[:]
}

// merkleRoot is the settlement root over an epoch's leaves.
func merkleRoot(leaves [][]byte) []byte {
	root := l1.MerkleRoot(toHashes(leaves))
	return root[:]
}
