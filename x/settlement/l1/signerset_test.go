package l1_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/l1"
)

func addr(b byte) common.Address { return common.Address{19: b} }

func TestNormalizePowers(t *testing.T) {
	cases := []struct {
		name string
		raw  []l1.Signer
		want []l1.Signer
	}{
		{
			name: "equal powers share 2^32 and sort by address",
			raw:  []l1.Signer{{addr(3), 7}, {addr(1), 7}, {addr(2), 7}, {addr(4), 7}},
			want: []l1.Signer{{addr(1), 1 << 30}, {addr(2), 1 << 30}, {addr(3), 1 << 30}, {addr(4), 1 << 30}},
		},
		{
			name: "larger power sorts first",
			raw:  []l1.Signer{{addr(1), 1}, {addr(2), 3}},
			want: []l1.Signer{{addr(2), 3 << 30}, {addr(1), 1 << 30}},
		},
		{
			name: "shares are floored so the sum stays at most 2^32",
			raw:  []l1.Signer{{addr(1), 1}, {addr(2), 1}, {addr(3), 1}},
			want: []l1.Signer{{addr(1), 1431655765}, {addr(2), 1431655765}, {addr(3), 1431655765}},
		},
		{
			name: "powers above 2^64 in total do not overflow",
			raw:  []l1.Signer{{addr(1), 1 << 63}, {addr(2), 1 << 63}},
			want: []l1.Signer{{addr(1), 1 << 31}, {addr(2), 1 << 31}},
		},
		{
			name: "signers normalized to zero power are dropped",
			raw:  []l1.Signer{{addr(1), 1 << 40}, {addr(2), 1}, {addr(3), 0}},
			want: []l1.Signer{{addr(1), 1<<32 - 1}},
		},
		{
			name: "no power gives an empty set",
			raw:  []l1.Signer{{addr(1), 0}},
			want: nil,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.raw)
			got := l1.NormalizePowers(in)
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.raw, in, "input modified")
			require.LessOrEqual(t, l1.SignerSet{Signers: got}.TotalPower(), l1.MaxTotalPower)
		})
	}

	t.Run("result does not depend on input order", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		var raw []l1.Signer
		for i := range 50 {
			raw = append(raw, l1.Signer{Address: addr(byte(i)), Power: uint64(r.IntN(5) + 1)})
		}
		want := l1.NormalizePowers(raw)
		for range 10 {
			r.Shuffle(len(raw), func(i, j int) { raw[i], raw[j] = raw[j], raw[i] })
			require.Equal(t, want, l1.NormalizePowers(raw))
		}
	})
}

func TestSignerSetValidate(t *testing.T) {
	cases := []struct {
		name string
		set  l1.SignerSet
		want error
	}{
		{"canonical set is valid", l1.SignerSet{Signers: []l1.Signer{{addr(1), 2}, {addr(2), 1}}}, nil},
		{"total of exactly 2^32 is valid", l1.SignerSet{Signers: []l1.Signer{{addr(1), 1 << 32}}}, nil},
		{"empty set is refused", l1.SignerSet{}, l1.ErrMalformedSignerSet},
		{"zero address is refused", l1.SignerSet{Signers: []l1.Signer{{addr(1), 1}, {common.Address{}, 1}}}, l1.ErrZeroAddress},
		{"duplicate address is refused", l1.SignerSet{Signers: []l1.Signer{{addr(1), 1}, {addr(1), 2}}}, l1.ErrDuplicateAddress},
		{"zero total power is refused", l1.SignerSet{Signers: []l1.Signer{{addr(1), 0}}}, l1.ErrInvalidTotalPower},
		{"total above 2^32 is refused", l1.SignerSet{Signers: []l1.Signer{{addr(1), 1 << 32}, {addr(2), 1}}}, l1.ErrInvalidTotalPower},
		{"total overflowing uint64 is refused", l1.SignerSet{Signers: []l1.Signer{{addr(1), 1 << 63}, {addr(2), 1 << 63}}}, l1.ErrInvalidTotalPower},
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
		set := l1.SignerSet{Nonce: uint64(n) * 31}
		var as []common.Address
		var ps []uint64
		for i := range n {
			a := crypto.PubkeyToAddress(testKey(t, string(rune('a'+i%26))+string(rune(i))).PublicKey)
			set.Signers = append(set.Signers, l1.Signer{Address: a, Power: uint64(i*i + 1)})
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
			require.Equal(t, tc.want, l1.HasQuorum(tc.signed, tc.total))
		})
	}
}

func TestSelectSignatures(t *testing.T) {
	g := refusalSigners(t)
	d := l1.Domain{L1ChainID: 1, CosmosChainID: "x"}
	digest := l1.CheckpointDigest(d, checkpointFor(1, g.set))
	sigs := map[common.Address]l1.Signature{}
	for i := range g.set.Signers {
		s, err := l1.SignDigest(g.key(i), digest)
		require.NoError(t, err)
		sigs[g.set.Signers[i].Address] = s
	}

	t.Run("largest signers are taken until the quorum", func(t *testing.T) {
		out, signed, ok := l1.SelectSignatures(g.set, sigs)
		require.True(t, ok)
		require.Equal(t, uint64(2999), signed)
		require.Len(t, out, 3)
		for i, s := range out {
			require.Equal(t, uint32(i), s.SignerIndex)
		}
	})
	t.Run("missing signers are skipped and indices stay increasing", func(t *testing.T) {
		partial := map[common.Address]l1.Signature{}
		for _, i := range []int{3, 1, 0} {
			partial[g.set.Signers[i].Address] = sigs[g.set.Signers[i].Address]
		}
		out, signed, ok := l1.SelectSignatures(g.set, partial)
		require.True(t, ok)
		require.Equal(t, uint64(2001), signed)
		require.Equal(t, []uint32{0, 1, 3}, []uint32{out[0].SignerIndex, out[1].SignerIndex, out[2].SignerIndex})
	})
	t.Run("exactly 2/3 is reported as short", func(t *testing.T) {
		partial := map[common.Address]l1.Signature{
			g.set.Signers[0].Address: sigs[g.set.Signers[0].Address],
			g.set.Signers[1].Address: sigs[g.set.Signers[1].Address],
		}
		_, signed, ok := l1.SelectSignatures(g.set, partial)
		require.False(t, ok)
		require.Equal(t, uint64(2000), signed)
	})
}
