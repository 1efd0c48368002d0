package types

import (
	"bytes"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// ToL1 converts the signer set to L1SignerSet, the one the
// contract hashes. Every address is checked, and when the set states its
// hash it must be the hash of its members, so a malformed set (say, one a
// relayer read from a node) is an error, not a call the contract refuses.
func (set SignerSet) ToL1() (L1SignerSet, error) {
	out := L1SignerSet{Nonce: set.Nonce, Signers: make([]L1Signer, len(set.Members))}
	for i, m := range set.Members {
		if !common.IsHexAddress(m.EthAddress) {
			return L1SignerSet{}, fmt.Errorf("signer set %d: member %d: invalid Ethereum address %q", set.Nonce, i, m.EthAddress)
		}
		out.Signers[i] = L1Signer{Address: common.HexToAddress(m.EthAddress), Power: m.Power}
	}
	if len(set.Hash) > 0 {
		if h := out.Hash(); !bytes.Equal(set.Hash, h[:]) {
			return L1SignerSet{}, fmt.Errorf("signer set %d: stated hash %x, members hash to %x", set.Nonce, set.Hash, h)
		}
	}
	return out, nil
}

// ToL1 converts the checkpoint to L1Checkpoint, the struct the
// contract hashes. Its app hash and next-set hash must be 32 bytes; its
// settlement root 32 bytes or empty (an epoch without records).
func (cp Checkpoint) ToL1() (L1Checkpoint, error) {
	if cp.Height < 0 {
		return L1Checkpoint{}, fmt.Errorf("checkpoint %d: negative height %d", cp.Number, cp.Height)
	}
	out := L1Checkpoint{
		Number:         cp.Number,
		Height:         uint64(cp.Height),
		SignerSetNonce: cp.SignerSetNonce,
		Time:           cp.Time,
	}
	var err error
	if out.AppHash, err = hash32(cp.AppHash, false); err != nil {
		return L1Checkpoint{}, fmt.Errorf("checkpoint %d: app hash: %w", cp.Number, err)
	}
	if out.SettlementRoot, err = hash32(cp.SettlementRoot, true); err != nil {
		return L1Checkpoint{}, fmt.Errorf("checkpoint %d: settlement root: %w", cp.Number, err)
	}
	if out.NextSignerSetHash, err = hash32(cp.NextSignerSetHash, false); err != nil {
		return L1Checkpoint{}, fmt.Errorf("checkpoint %d: next signer set hash: %w", cp.Number, err)
	}
	return out, nil
}

func hash32(b []byte, emptyIsZero bool) ([32]byte, error) {
	switch {
	case len(b) == 32:
		return [32]byte(b), nil
	case len(b) == 0 && emptyIsZero:
		return [32]byte{}, nil
	default:
		return [32]byte{}, fmt.Errorf("%d bytes, want 32", len(b))
	}
}
