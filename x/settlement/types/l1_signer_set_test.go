package types_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func addr(b byte) common.Address { return common.Address{19: b} }

func TestNormalizePowers(t *testing.T) {
	cases := []struct {
		name string
		raw  []types.L1Signer
		want []types.L1Signer
	}{
		{
			name: "equal powers share 2^32 and sort by address",
			raw:  []types.L1Signer{{addr(3), 7}, {addr(1), 7}, {addr(2), 7}, {addr(4), 7}},
			want: []types.L1Signer{{addr(1), 1 << 30}, {addr(2), 1 << 30}, {addr(3), 1 << 30}, {addr(4), 1 << 30}},
		},
		{
			name: "larger power sorts first",
			raw:  []types.L1Signer{{addr(1), 1}, {addr(2), 3}},
			want: []types.L1Signer{{addr(2), 3 << 30}, {addr(1), 1 << 30}},
		},
		{
			name: "shares are floored so the sum stays at most 2^32",
			raw:  []types.L1Signer{{addr(1), 1}, {addr(2), 1}, {addr(3), 1}},
			want: []types.L1Signer{{addr(1), 1431655765}, {addr(2), 1431655765}, {addr(3), 1431655765}},
		},
		{
			name: "powers above 2^64 in total do not overflow",
			raw:  []types.L1Signer{{addr(1), 1 << 63}, {addr(2), 1 << 63}},
			want: []types.L1Signer{{addr(1), 1 << 31}, {addr(2), 1 << 31}},
		},
		{
			name: "signers normalized to zero power are dropped",
			raw:  []types.L1Signer{{addr(1), 1 << 40}, {addr(2), 1}, {addr(3), 0}},
			want: []types.L1Signer{{addr(1), 1<<32 - 1}},
		},
		{
			name: "no power gives an empty set",
			raw:  []types.L1Signer{{addr(1), 0}},
			want: nil,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.raw)
			got := types.NormalizePowers(in)
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.raw, in, "input modified")
			require.LessOrEqual(t, types.L1SignerSet{Signers: got}.TotalPower(), types.MaxTotalPower)
		})
	}

	t.Run("result does not depend on input order", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		var raw []types.L1Signer
		for i := range 50 {
			raw = append(raw, types.L1Signer{Address: addr(byte(i)), Power: uint64(r.IntN(5) + 1)})
		}
		want := types.NormalizePowers(raw)
		for range 10 {
			r.Shuffle(len(raw), func(i, j int) { raw[i], raw[j] = raw[j], raw[i] })
			require.Equal(t, want, types.NormalizePowers(raw))
		}
	})
}

func TestSignerSetValidate(t *testing.T) {
	cases := []struct {
		name string
		set  types.L1SignerSet
		want error
	}{
		{"canonical set is valid", types.L1SignerSet{Signers: []types.L1Signer{{addr(1), 2}, {addr(2), 1}}}, nil},
		{"total of exactly 2^32 is valid", types.L1SignerSet{Signers: []types.L1Signer{{addr(1), 1 << 32}}}, nil},
		{"empty set is refused", types.L1SignerSet{}, types.ErrMalformedSignerSet},
		{"zero address is refused", types.L1SignerSet{Signers: []types.L1Signer{{addr(1), 1}, {common.Address{}, 1}}}, types.ErrZeroAddress},
		{"duplicate address is refused", types.L1SignerSet{Signers: []types.L1Signer{{addr(1), 1}, {addr(1), 2}}}, types.ErrDuplicateAddress},
		{"zero total power is refused", types.L1SignerSet{Signers: []types.L1Signer{{addr(1), 0}}}, types.ErrInvalidTotalPower},
		{"total above 2^32 is refused", types.L1SignerSet{Signers: []types.L1Signer{{addr(1), 1 << 32}, {addr(2), 1}}}, types.ErrInvalidTotalPower},
		{"total overflowing uint64 is refused", types.L1SignerSet{Signers: []types.L1Signer{{addr(1), 1 << 63}, {addr(2), 1 << 63}}}, types.ErrInvalidTotalPower},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.set.Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}

// TestSignerSetHashIsABIEncoding checks the hand-rolled encoding against
// go-ethereum's ABI encoder for several set sizes.
func TestSignerSetHashIsABIEncoding(t *testing.T) {
	u64, _ := abi.NewType("uint64", "", nil)
	addrs, _ := abi.NewType("address[]", "", nil)
	u64s, _ := abi.NewType("uint64[]", "", nil)
	args := abi.Arguments{{Type: u64}, {Type: addrs}, {Type: u64s}}
	for _, n := range []int{0, 1, 2, 7, 100} {
		set := types.L1SignerSet{Nonce: uint64(n) * 31}
		var as []common.Address
		var ps []uint64
		for i := range n {
			a := crypto.PubkeyToAddress(testKey(t, string(rune('a'+i%26))+string(rune(i))).PublicKey)
			set.Signers = append(set.Signers, types.L1Signer{Address: a, Power: uint64(i*i + 1)})
			as = append(as, a)
			ps = append(ps, uint64(i*i+1))
		}
		packed, err := args.Pack(set.Nonce, as, ps)
		require.NoError(t, err)
		require.Equal(t, crypto.Keccak256Hash(packed), common.Hash(set.Hash()), "n = %d", n)
	}
}

func TestHasQuorum(t *testing.T) {
	cases := []struct {
		name          string
		signed, total uint64
		want          bool
	}{
		{"exactly 2/3 is not a quorum", 2000, 3000, false},
		{"one above 2/3 is a quorum", 2001, 3000, true},
		{"all power is a quorum", 3000, 3000, true},
		{"nothing of nothing is not a quorum", 0, 0, false},
		{"rounding does not help: 2 of 3", 2, 3, false},
		{"3 of 4 is a quorum", 3, 4, true},
		{"large totals do not overflow: exactly 2/3", 1 << 63, 1<<63 + 1<<62, false},
		{"large totals do not overflow: one above 2/3", 1<<63 + 1, 1<<63 + 1<<62, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, types.HasQuorum(tc.signed, tc.total))
		})
	}
}
