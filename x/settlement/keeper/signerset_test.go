package keeper_test

import (
	"bytes"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/keeper"
	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestCandidateSignerSet(t *testing.T) {
	t.Run("powers are normalized to sum at most 2^32, sorted by power then address", func(t *testing.T) {
		// Two pairs of equal powers, so the address tie-break shows.
		f := newFixture(t, 1_000_000, 3, 1_000_000, 3, 7)
		f.registerAll(t)
		f.atHeight(12)
		set, err := f.k.CandidateSignerSet(f.ctx, 4)
		require.NoError(t, err)

		require.EqualValues(t, 4, set.Nonce)
		require.EqualValues(t, 12, set.Height)
		require.Len(t, set.Members, 5)
		var total uint64
		for i, m := range set.Members {
			total += m.Power
			require.NotZero(t, m.Power)
			if i == 0 {
				continue
			}
			prev := set.Members[i-1]
			require.GreaterOrEqual(t, prev.Power, m.Power, "power descending")
			if prev.Power == m.Power {
				a, b := common.HexToAddress(prev.EthAddress), common.HexToAddress(m.EthAddress)
				require.Negative(t, bytes.Compare(a[:], b[:]), "equal powers ordered by address ascending")
			}
		}
		require.LessOrEqual(t, total, types.MaxTotalPower)
		require.Greater(t, total, types.MaxTotalPower-uint64(len(set.Members)), "normalization loses under one unit per member")

		// Members carry their validator, and the set the l1 package's order and hash.
		byEth := map[string]string{}
		for _, v := range f.vals {
			byEth[v.eth] = v.valStr
		}
		want := types.L1SignerSet{Nonce: 4}
		for _, m := range set.Members {
			require.Equal(t, byEth[m.EthAddress], m.Validator)
			want.Signers = append(want.Signers, types.L1Signer{Address: common.HexToAddress(m.EthAddress), Power: m.Power})
		}
		raw := make([]types.L1Signer, len(f.vals))
		for i, v := range f.vals {
			raw[i] = types.L1Signer{Address: common.HexToAddress(v.eth), Power: uint64([]int64{1_000_000, 3, 1_000_000, 3, 7}[i])}
		}
		require.Equal(t, types.NormalizePowers(raw), want.Signers)
		h := types.SignerSetHash(want)
		require.Equal(t, h[:], set.Hash)
	})

	t.Run("validators without a registered key are excluded", func(t *testing.T) {
		f := newFixture(t)
		f.register(t, 0, nil)
		f.register(t, 2, nil)
		set, err := f.k.CandidateSignerSet(f.ctx, 0)
		require.NoError(t, err)
		require.Len(t, set.Members, 2)
		require.Equal(t, f.vals[0].eth, set.Members[0].EthAddress)
		require.Equal(t, f.vals[2].eth, set.Members[1].EthAddress)
		// 40:20 → 2/3 : 1/3 of 2^32.
		require.EqualValues(t, 2*types.MaxTotalPower/3, set.Members[0].Power)
		require.EqualValues(t, types.MaxTotalPower/3, set.Members[1].Power)
	})

	t.Run("unbonded validators are excluded", func(t *testing.T) {
		f := newFixture(t)
		f.registerAll(t)
		f.setPower(f.vals[1], 0)
		set, err := f.k.CandidateSignerSet(f.ctx, 0)
		require.NoError(t, err)
		require.Len(t, set.Members, 3)
		for _, m := range set.Members {
			require.NotEqual(t, f.vals[1].eth, m.EthAddress)
		}
	})

	t.Run("no registered key gives an empty set", func(t *testing.T) {
		f := newFixture(t)
		set, err := f.k.CandidateSignerSet(f.ctx, 0)
		require.NoError(t, err)
		require.Empty(t, set.Members)
	})
}

func TestSignerSetChanged(t *testing.T) {
	const a, b, c, d = "0xA", "0xB", "0xC", "0xD"
	set := func(members ...any) types.SignerSet {
		var s types.SignerSet
		for i := 0; i < len(members); i += 2 {
			s.Members = append(s.Members, types.SignerSetMember{EthAddress: members[i].(string), Power: uint64(members[i+1].(int))})
		}
		return s
	}
	cases := []struct {
		name          string
		current, next types.SignerSet
		want          bool
	}{
		{name: "identical set is no change", current: set(a, 50, b, 50), next: set(a, 50, b, 50), want: false},
		{name: "power moving by less than 5% is no change", current: set(a, 50, b, 50), next: set(a, 54, b, 46), want: false},
		{name: "power moving by exactly 5% is no change", current: set(a, 50, b, 50), next: set(a, 55, b, 45), want: false},
		{name: "power moving by more than 5% is a change", current: set(a, 50, b, 50), next: set(a, 56, b, 44), want: true},
		{name: "5% spread over several signers is no change", current: set(a, 25, b, 25, c, 25, d, 25), next: set(a, 28, b, 27, c, 23, d, 22), want: false},
		{name: "more than 5% spread over several signers is a change", current: set(a, 25, b, 25, c, 25, d, 25), next: set(a, 28, b, 28, c, 22, d, 22), want: true},
		{name: "a joining signer is a change", current: set(a, 50, b, 50), next: set(a, 50, b, 49, c, 1), want: true},
		{name: "a leaving signer is a change", current: set(a, 50, b, 49, c, 1), next: set(a, 50, b, 50), want: true},
		{name: "a key rotation is a change", current: set(a, 50, b, 50), next: set(a, 50, c, 50), want: true},
		{name: "an empty current set is a change", current: set(), next: set(a, 1), want: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, keeper.SignerSetChanged(tc.current, tc.next))
		})
	}

	// The same rule on normalized powers from the staking keeper.
	normalized := []struct {
		name       string
		from, to   [2]int64
		wantChange bool
	}{
		{name: "exactly 5% of staking power moving is no change after normalization", from: [2]int64{50, 50}, to: [2]int64{55, 45}, wantChange: false},
		{name: "6% of staking power moving is a change after normalization", from: [2]int64{50, 50}, to: [2]int64{56, 44}, wantChange: true},
	}
	for _, tc := range normalized {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.from[0], tc.from[1])
			f.registerAll(t)
			current, err := f.k.CandidateSignerSet(f.ctx, 0)
			require.NoError(t, err)
			f.setPower(f.vals[0], tc.to[0])
			f.setPower(f.vals[1], tc.to[1])
			next, err := f.k.CandidateSignerSet(f.ctx, 1)
			require.NoError(t, err)
			require.Equal(t, tc.wantChange, keeper.SignerSetChanged(current, next))
		})
	}
}
