package l1_test

import (
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// TestSubmitCheckpointGas logs the gas used (whole transaction: 21000 base,
// calldata and execution) by submitCheckpoint and updateSignerSet for sets
// of equal-power signers, under mainnet's Osaka rules and under the
// simulated backend's default dev rules. Run with -v to see the tables;
// docs/benchmarks.md records them. Nothing here asserts on the numbers.
func TestSubmitCheckpointGas(t *testing.T) {
	if testing.Short() {
		t.Skip("deploys eight contracts")
	}
	rules := []struct {
		name    string
		options []func(*node.Config, *ethconfig.Config)
	}{
		{"osaka", []func(*node.Config, *ethconfig.Config){osakaRules}},
		{"dev rules", nil},
	}
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			t.Logf("%s: %8s %6s %12s %12s %12s %12s", r.name, "signers", "quorum", "first cp", "next cp", "all signers", "handover")
			for _, n := range []int{4, 10, 50, 100} {
				measureGas(t, r.name, n, r.options...)
			}
		})
	}
}

// measureGas logs one row: a fresh contract with n equal signers, two
// checkpoints with a quorum of signatures, one signed by everyone, and a
// handover to another set of n.
func measureGas(t *testing.T, rules string, n int, options ...func(*node.Config, *ethconfig.Config)) {
	t.Run(fmt.Sprintf("%d signers", n), func(t *testing.T) {
		g := equalSigners(t, fmt.Sprintf("gas-%d", n), 1, n)
		c := newChain(t, g.set, nil, options...)
		quorum := quorumIndices(g.set)

		gas := func(cp types.L1Checkpoint, indices []int) uint64 {
			r, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, indices...))
			require.NoError(t, err)
			return r.GasUsed
		}
		first := gas(checkpointFor(1, g.set), quorum)
		next := gas(checkpointFor(2, g.set), quorum)
		allSigners := gas(checkpointFor(3, g.set), all(n))

		incoming := equalSigners(t, fmt.Sprintf("gas-%d-next", n), 2, n)
		cp := checkpointFor(4, g.set)
		cp.NextSignerSetHash = incoming.set.Hash()
		r, err := c.update(cp, g.set, g.sign(t, c.domain, cp, quorum...), l1.SignerSetBinding(incoming.set))
		require.NoError(t, err)

		t.Logf("%s: %8d %6d %12d %12d %12d %12d", rules, n, len(quorum), first, next, allSigners, r.GasUsed)
	})
}

// equalSigners is a normalized set of n signers of equal power.
func equalSigners(t testing.TB, label string, nonce uint64, n int) signerGroup {
	g := newSignerGroup(t, label, nonce, make([]uint64, n)...)
	raw := make([]types.L1Signer, n)
	for i, s := range g.set.Signers {
		raw[i] = types.L1Signer{Address: s.Address, Power: 1}
	}
	g.set.Signers = types.NormalizePowers(raw)
	return g
}

// quorumIndices are the fewest leading signers whose power passes 2/3.
func quorumIndices(set types.L1SignerSet) []int {
	var signed uint64
	var out []int
	for i, s := range set.Signers {
		out = append(out, i)
		signed += s.Power
		if types.HasQuorum(signed, set.TotalPower()) {
			break
		}
	}
	return out
}
