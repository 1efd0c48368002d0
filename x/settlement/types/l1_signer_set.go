package types

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// MaxTotalPower is the largest total power a signer set may have (2^32),
// the scale NormalizePowers maps validator power onto.
const MaxTotalPower uint64 = 1 << 32

// Errors returned by L1SignerSet.Validate, one per rule the contract enforces
// on a new signer set (the contract's custom error is named in brackets).
var (
	ErrMalformedSignerSet = errors.New("signer set is empty")         // MalformedSignerSet
	ErrZeroAddress        = errors.New("signer has the zero address") // ZeroAddress
	ErrDuplicateAddress   = errors.New("signer address repeated")     // DuplicateAddress
	ErrInvalidTotalPower  = errors.New("total power is zero or above 2^32")
)

// L1Signer is one member of a signer set: a registered Ethereum address and
// its normalized power.
type L1Signer struct {
	Address common.Address
	Power   uint64
}

// L1SignerSet is the ordered list of signers the contract checks signatures
// against, with its nonce (the number of handovers since genesis, or
// whatever the chain started the contract with). The order is the one
// NormalizePowers produces; signatures name signers by their index in it.
type L1SignerSet struct {
	Nonce   uint64
	Signers []L1Signer
}

// SignerSetHash is the hash the contract stores for set:
//
//	keccak256(abi.encode(uint64 nonce, address[] signers, uint64[] powers))
//
// i.e. the standard ABI encoding of the three values as a tuple: the nonce
// word, two offsets (0x60 and 0x80 + 32·n), then each array as its length
// followed by one left-padded word per element.
func SignerSetHash(set L1SignerSet) [32]byte {
	n := len(set.Signers)
	buf := make([]byte, 0, 32*(5+2*n))
	buf = append(buf, word64(set.Nonce)...)
	buf = append(buf, word64(0x60)...)
	buf = append(buf, word64(uint64(0x80+32*n))...)
	buf = append(buf, word64(uint64(n))...)
	for _, s := range set.Signers {
		buf = append(buf, common.LeftPadBytes(s.Address[:], 32)...)
	}
	buf = append(buf, word64(uint64(n))...)
	for _, s := range set.Signers {
		buf = append(buf, word64(s.Power)...)
	}
	return crypto.Keccak256Hash(buf)
}

// Hash is SignerSetHash(s).
func (s L1SignerSet) Hash() [32]byte { return SignerSetHash(s) }

// TotalPower is the sum of the signers' powers. It saturates at
// math.MaxUint64 rather than wrapping, so an oversized set never looks valid.
func (s L1SignerSet) TotalPower() uint64 {
	var total uint64
	for _, m := range s.Signers {
		if total+m.Power < total {
			return ^uint64(0)
		}
		total += m.Power
	}
	return total
}

// Index is the position of addr in the set, the index a signature by addr
// must carry.
func (s L1SignerSet) Index(addr common.Address) (int, bool) {
	for i, m := range s.Signers {
		if m.Address == addr {
			return i, true
		}
	}
	return 0, false
}

// Validate applies the contract's rules for a signer set it is asked to
// adopt: at least one signer, no zero address, no address twice, and a
// total power above zero and at most MaxTotalPower. It does not check the
// order; the chain produces canonical sets with NormalizePowers.
func (s L1SignerSet) Validate() error {
	if len(s.Signers) == 0 {
		return ErrMalformedSignerSet
	}
	seen := make(map[common.Address]struct{}, len(s.Signers))
	for i, m := range s.Signers {
		if m.Address == (common.Address{}) {
			return fmt.Errorf("%w: index %d", ErrZeroAddress, i)
		}
		if _, dup := seen[m.Address]; dup {
			return fmt.Errorf("%w: %s at index %d", ErrDuplicateAddress, m.Address, i)
		}
		seen[m.Address] = struct{}{}
	}
	if total := s.TotalPower(); total == 0 || total > MaxTotalPower {
		return fmt.Errorf("%w: %d", ErrInvalidTotalPower, total)
	}
	return nil
}

// HasQuorum reports whether signed power is more than 2/3 of total, with
// the contract's integer rule 3·signed > 2·total.
func HasQuorum(signed, total uint64) bool {
	s := new(big.Int).Mul(new(big.Int).SetUint64(signed), big.NewInt(3))
	t := new(big.Int).Mul(new(big.Int).SetUint64(total), big.NewInt(2))
	return s.Cmp(t) > 0
}

// NormalizePowers maps raw validator powers onto a total of at most 2^32
// and puts the signers in canonical order, so that every node derives the
// same set (and hash) from the same validators:
//
//   - each power becomes floor(power · 2^32 / Σ power), so the sum is at
//     most 2^32 and shares are kept to within one unit;
//   - signers whose normalized power is 0 are dropped (they could never
//     change the outcome of a vote);
//   - the result is sorted by power, descending, then by address bytes,
//     ascending.
//
// The input is not modified. Duplicate or zero addresses are kept; Validate
// refuses them.
func NormalizePowers(raw []L1Signer) []L1Signer {
	total := new(big.Int)
	for _, s := range raw {
		total.Add(total, new(big.Int).SetUint64(s.Power))
	}
	if total.Sign() == 0 {
		return nil
	}
	scale := new(big.Int).SetUint64(MaxTotalPower)
	out := make([]L1Signer, 0, len(raw))
	for _, s := range raw {
		p := new(big.Int).SetUint64(s.Power)
		p.Mul(p, scale).Quo(p, total)
		if p.Sign() == 0 {
			continue
		}
		out = append(out, L1Signer{Address: s.Address, Power: p.Uint64()})
	}
	SortSigners(out)
	return out
}

// SortSigners sorts signers in place in canonical order: power descending,
// then address ascending.
func SortSigners(signers []L1Signer) {
	slices.SortStableFunc(signers, func(a, b L1Signer) int {
		switch {
		case a.Power > b.Power:
			return -1
		case a.Power < b.Power:
			return 1
		}
		return bytes.Compare(a.Address[:], b.Address[:])
	})
}
