package relayer

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// This file turns what the chain serves into the forms the contract takes
// (types.L1SignerSet, types.L1Checkpoint, types.Signature). The
// chain is trusted to have verified its checkpoints, but not to be
// well-formed on the wire: every length and address is checked, so a bad
// response becomes an error instead of a call the contract refuses.

// toL1SignerSet and toL1Checkpoint convert what the chain serves; the
// checks live with the types (types.SignerSet.ToL1, types.Checkpoint.ToL1),
// shared with the keeper that signs the same structs.
func toL1SignerSet(set types.SignerSet) (types.L1SignerSet, error) { return set.ToL1() }

func toL1Checkpoint(cp types.Checkpoint) (types.L1Checkpoint, error) { return cp.ToL1() }

// checkedSignatures returns the signatures in sigs that recover, over
// digest, to the member of set at the index they name, keyed by that
// member's address; rejected lists why the others were left out. The
// contract refuses a whole call for one bad signature, so only checked
// ones may be submitted.
func checkedSignatures(set types.L1SignerSet, digest [32]byte, sigs []types.CheckpointSignature) (valid map[common.Address]types.Signature, rejected []string) {
	valid = make(map[common.Address]types.Signature, len(sigs))
	for _, s := range sigs {
		if int64(s.SignerIndex) >= int64(len(set.Signers)) {
			rejected = append(rejected, fmt.Sprintf("index %d: outside a set of %d", s.SignerIndex, len(set.Signers)))
			continue
		}
		want := set.Signers[s.SignerIndex].Address
		sig, err := types.SignatureFromBytes(s.Signature)
		if err != nil {
			rejected = append(rejected, fmt.Sprintf("index %d: %v", s.SignerIndex, err))
			continue
		}
		got, err := sig.Recover(digest)
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
