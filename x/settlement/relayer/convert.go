package relayer

import (
	"bytes"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/socialchain/socialchain/x/settlement/l1"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// This file turns what the chain serves into the l1 package's types. The
// chain is trusted to have verified its checkpoints, but not to be
// well-formed on the wire: every length and address is checked here, so a
// bad response becomes an error instead of a call the contract refuses.

// toL1SignerSet converts a signer set served by the chain. When the chain
// sent the set's hash, it must be the hash of the members as converted.
func toL1SignerSet(set types.SignerSet) (l1.SignerSet, error) {
	out := l1.SignerSet{Nonce: set.Nonce, Signers: make([]l1.Signer, len(set.Members))}
	for i, m := range set.Members {
		if !common.IsHexAddress(m.EthAddress) {
			return l1.SignerSet{}, fmt.Errorf("signer set %d: member %d: invalid Ethereum address %q", set.Nonce, i, m.EthAddress)
		}
		out.Signers[i] = l1.Signer{Address: common.HexToAddress(m.EthAddress), Power: m.Power}
	}
	if len(set.Hash) > 0 {
		if h := out.Hash(); !bytes.Equal(set.Hash, h[:]) {
			return l1.SignerSet{}, fmt.Errorf("signer set %d: stated hash %x, members hash to %x", set.Nonce, set.Hash, h)
		}
	}
	return out, nil
}

// toL1Checkpoint converts a checkpoint served by the chain. Its app hash
// and next-set hash must be 32 bytes; its settlement root 32 bytes or empty
// (an epoch without records).
func toL1Checkpoint(cp types.Checkpoint) (l1.Checkpoint, error) {
	if cp.Height < 0 {
		return l1.Checkpoint{}, fmt.Errorf("checkpoint %d: negative height %d", cp.Number, cp.Height)
	}
	out := l1.Checkpoint{
		Number:         cp.Number,
		Height:         uint64(cp.Height),
		SignerSetNonce: cp.SignerSetNonce,
		Time:           cp.Time,
	}
	var err error
	if out.AppHash, err = hash32(cp.AppHash, false); err != nil {
		return l1.Checkpoint{}, fmt.Errorf("checkpoint %d: app hash: %w", cp.Number, err)
	}
	if out.SettlementRoot, err = hash32(cp.SettlementRoot, true); err != nil {
		return l1.Checkpoint{}, fmt.Errorf("checkpoint %d: settlement root: %w", cp.Number, err)
	}
	if out.NextSignerSetHash, err = hash32(cp.NextSignerSetHash, false); err != nil {
		return l1.Checkpoint{}, fmt.Errorf("checkpoint %d: next signer set hash: %w", cp.Number, err)
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

// checkedSignatures returns the signatures in sigs that recover, over
// digest, to the member of set at the index they name, keyed by that
// member's address; rejected lists why the others were left out. The
// contract refuses a whole call for one bad signature, so only checked
// ones may be submitted.
func checkedSignatures(set l1.SignerSet, digest [32]byte, sigs []types.CheckpointSignature) (valid map[common.Address]l1.Signature, rejected []string) {
	valid = make(map[common.Address]l1.Signature, len(sigs))
	for _, s := range sigs {
		if int64(s.SignerIndex) >= int64(len(set.Signers)) {
			rejected = append(rejected, fmt.Sprintf("index %d: outside a set of %d", s.SignerIndex, len(set.Signers)))
			continue
		}
		want := set.Signers[s.SignerIndex].Address
		sig, err := l1.SignatureFromBytes(s.Signature)
		if err != nil {
			rejected = append(rejected, fmt.Sprintf("index %d: %v", s.SignerIndex, err))
			continue
		}
		got, err := l1.RecoverSigner(digest, sig)
		if err != nil {
			rejected = append(rejected, fmt.Sprintf("index %d: %v", s.SignerIndex, err))
			continue
		}
		if got != want {
			rejected = append(rejected, fmt.Sprintf("index %d: signed by %s, not %s", s.SignerIndex, got, want))
			continue
		}
		valid[want] = sig
	}
	return valid, rejected
}
