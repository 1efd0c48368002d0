package keeper

import (
	"github.com/ethereum/go-ethereum/common"
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
	signers := make([]types.L1Signer, len(raw))
	validatorOf := make(map[common.Address]string, len(raw))
	for i, m := range raw {
		addr := common.HexToAddress(m.ethAddress)
		signers[i] = types.L1Signer{Address: addr, Power: m.power}
		validatorOf[addr] = m.validator
	}
	normalized := types.NormalizePowers(signers)
	members := make([]types.SignerSetMember, 0, len(normalized))
	for _, s := range normalized {
		if s.Power == 0 {
			continue // too small to matter after scaling
		}
		members = append(members, types.SignerSetMember{EthAddress: s.Address.Hex(), Power: s.Power, Validator: validatorOf[s.Address]})
	}
	return members
}

// signerSetHash is the hash the contract stores for set.
func signerSetHash(set types.SignerSet) ([]byte, error) {
	l1Set, err := set.ToL1()
	if err != nil {
		return nil, err
	}
	h := types.SignerSetHash(l1Set)
	return h[:], nil
}

// Domain returns the EIP-712 domain checkpoints of this chain are signed in.
func Domain(params types.Params, cosmosChainID string) types.Domain {
	return types.Domain{L1ChainID: params.L1ChainId, Contract: common.HexToAddress(params.L1Contract), CosmosChainID: cosmosChainID}
}

// checkpointDigest is the EIP-712 digest of cp that signers sign.
func checkpointDigest(params types.Params, cosmosChainID string, cp types.Checkpoint) ([]byte, error) {
	l1Cp, err := cp.ToL1()
	if err != nil {
		return nil, err
	}
	d := types.CheckpointDigest(Domain(params, cosmosChainID), l1Cp)
	return d[:], nil
}

// merkleRoot is the settlement root over an epoch's leaves.
func merkleRoot(leaves [][]byte) []byte {
	root := types.MerkleRoot(toHashes(leaves))
	return root[:]
}
