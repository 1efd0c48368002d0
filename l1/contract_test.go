package l1_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/bindings"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// The refusal fixture: four signers with powers 1000, 1000, 999 and 1 (total
// 3000), so 2001 is just over 2/3 and 2000 is exactly 2/3.
func refusalSigners(t *testing.T) signerGroup {
	return newSignerGroup(t, "refusal", 1, 1000, 1000, 999, 1)
}

func TestSubmitCheckpointAccepts(t *testing.T) {
	cases := []struct {
		name    string
		signers []int
		power   uint64
	}{
		{"checkpoint signed by every signer is accepted", []int{0, 1, 2, 3}, 3000},
		{"checkpoint with just over 2/3 of power is accepted", []int{0, 1, 3}, 2001},
		{"checkpoint with the fewest signers over 2/3 is accepted", []int{0, 1, 2}, 2999},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := refusalSigners(t)
			c := newChain(t, g.set, nil)
			var signed uint64
			for _, i := range tc.signers {
				signed += g.set.Signers[i].Power
			}
			require.Equal(t, tc.power, signed)

			cp := checkpointFor(1, g.set)
			receipt, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, tc.signers...))
			require.NoError(t, err)

			require.Equal(t, uint64(1), c.state().Last)
			stored, err := c.checkpointAt(1)
			require.NoError(t, err)
			require.Equal(t, cp.AppHash, stored.AppHash)
			require.Equal(t, cp.SettlementRoot, stored.SettlementRoot)
			require.Equal(t, cp.Height, stored.Height)
			require.Equal(t, cp.Time, stored.Time)
			require.Equal(t, receipt.BlockNumber.Uint64(), stored.L1BlockNumber)

			require.Len(t, receipt.Logs, 1)
			ev, err := c.contract.UnpackCheckpointSubmittedEvent(receipt.Logs[0])
			require.NoError(t, err)
			require.Equal(t, cp.Number, ev.Number)
			require.Equal(t, cp.Height, ev.Height)
			require.Equal(t, cp.AppHash, ev.AppHash)
			require.Equal(t, cp.SettlementRoot, ev.SettlementRoot)
			require.Equal(t, cp.SignerSetNonce, ev.SignerSetNonce)
			require.Equal(t, cp.Time, ev.Time)
		})
	}
}

func TestSubmitCheckpointRefusals(t *testing.T) {
	g := refusalSigners(t)
	outsider := newSignerGroup(t, "outsider", 1, 1000)
	c := newChain(t, g.set, nil)
	before := c.state()
	storedHash := g.set.Hash()

	otherSet := g.set
	otherSet.Signers = append([]types.L1Signer(nil), g.set.Signers...)
	otherSet.Signers[3].Power = 2
	otherNonce := types.L1SignerSet{Nonce: 2, Signers: g.set.Signers}
	otherNext := crypto.Keccak256Hash([]byte("some other set"))

	cases := []struct {
		name string
		call func(cp types.L1Checkpoint) error
		want any
	}{
		{
			name: "checkpoint number 0 is stale",
			call: func(cp types.L1Checkpoint) error {
				cp.Number = 0
				_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2, 3))
				return err
			},
			want: &bindings.SocialchainSettlementStaleCheckpoint{Number: 0, LastNumber: 0},
		},
		{
			name: "exactly 2/3 of power is refused",
			call: func(cp types.L1Checkpoint) error {
				_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1))
				return err
			},
			want: &bindings.SocialchainSettlementInsufficientPower{SignedPower: u256(2000), TotalPower: u256(3000)},
		},
		{
			name: "checkpoint without signatures is refused",
			call: func(cp types.L1Checkpoint) error {
				_, err := c.submit(cp, g.set, nil)
				return err
			},
			want: &bindings.SocialchainSettlementInsufficientPower{SignedPower: u256(0), TotalPower: u256(3000)},
		},
		{
			name: "signature by a key outside the set is refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 0, 1, 2)
				bad, err := types.SignDigest(outsider.key(0), types.CheckpointDigest(c.domain, cp))
				require.NoError(t, err)
				sigs[1] = l1.SignatureBinding(bad, 1)
				_, err = c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(1)},
		},
		{
			name: "signature over another checkpoint is refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 0, 1, 2)
				other := cp
				other.Height++
				sigs[2] = g.sign(t, c.domain, other, 2)[0]
				_, err := c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(2)},
		},
		{
			name: "signature credited to another signer's index is refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 0, 1, 2)
				sigs[0] = g.sign(t, c.domain, cp, 3)[0]
				sigs[0].SignerIndex = 0
				_, err := c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(0)},
		},
		{
			name: "signature with v outside 27 and 28 is refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 0, 1, 2)
				sigs[1].V -= 27
				_, err := c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(1)},
		},
		{
			name: "duplicate signer is refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 0, 1, 1, 3)
				_, err := c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementDuplicateOrUnsortedSigner{Position: u256(2), SignerIndex: u256(1)},
		},
		{
			name: "out-of-order signers are refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 1, 0, 2)
				_, err := c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementDuplicateOrUnsortedSigner{Position: u256(1), SignerIndex: u256(0)},
		},
		{
			name: "signer index outside the set is refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 0, 1, 2)
				sigs[2].SignerIndex = 4
				_, err := c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementSignerIndexOutOfRange{SignerIndex: u256(4), SetSize: u256(4)},
		},
		{
			name: "high-s signature is refused",
			call: func(cp types.L1Checkpoint) error {
				sigs := g.sign(t, c.domain, cp, 0, 1, 2)
				sigs[1] = malleate(sigs[1])
				_, err := c.submit(cp, g.set, sigs)
				return err
			},
			want: &bindings.SocialchainSettlementHighS{SignerIndex: u256(1)},
		},
		{
			name: "signer set other than the stored one is refused",
			call: func(cp types.L1Checkpoint) error {
				_, err := c.submit(cp, otherSet, g.sign(t, c.domain, cp, 0, 1, 2))
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignerSet{Expected: storedHash, Provided: otherSet.Hash()},
		},
		{
			name: "signer set with another nonce is refused",
			call: func(cp types.L1Checkpoint) error {
				_, err := c.submit(cp, otherNonce, g.sign(t, c.domain, cp, 0, 1, 2))
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignerSet{Expected: storedHash, Provided: otherNonce.Hash()},
		},
		{
			name: "checkpoint naming another signer-set nonce is refused",
			call: func(cp types.L1Checkpoint) error {
				cp.SignerSetNonce = 2
				_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2))
				return err
			},
			want: &bindings.SocialchainSettlementNonceMismatch{Expected: 1, Provided: 2},
		},
		{
			name: "digest signed for another L1 chain id is refused",
			call: func(cp types.L1Checkpoint) error {
				d := c.domain
				d.L1ChainID = 1
				_, err := c.submit(cp, g.set, g.sign(t, d, cp, 0, 1, 2))
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(0)},
		},
		{
			name: "digest signed for another contract is refused",
			call: func(cp types.L1Checkpoint) error {
				d := c.domain
				d.Contract = crypto.CreateAddress(c.deployer.From, 1)
				_, err := c.submit(cp, g.set, g.sign(t, d, cp, 0, 1, 2))
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(0)},
		},
		{
			name: "digest signed for another cosmos chain id is refused",
			call: func(cp types.L1Checkpoint) error {
				d := c.domain
				d.CosmosChainID = "socialchain-2"
				_, err := c.submit(cp, g.set, g.sign(t, d, cp, 0, 1, 2))
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(0)},
		},
		{
			name: "checkpoint handing over to another set must use updateSignerSet",
			call: func(cp types.L1Checkpoint) error {
				cp.NextSignerSetHash = otherNext
				_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2))
				return err
			},
			want: &bindings.SocialchainSettlementHandoverRequired{NextSignerSetHash: otherNext},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			requireRevert(t, tc.call(checkpointFor(1, g.set)), tc.want)
			require.Equal(t, before, c.state(), "state changed")
		})
	}
}

func TestStaleCheckpointsAreRefused(t *testing.T) {
	g := refusalSigners(t)
	c := newChain(t, g.set, nil)
	cp5 := checkpointFor(5, g.set)
	_, err := c.submit(cp5, g.set, g.sign(t, c.domain, cp5, 0, 1, 2))
	require.NoError(t, err)
	accepted := c.state()

	cases := []struct {
		name   string
		number uint64
	}{
		{"replayed checkpoint number is refused", 5},
		{"older checkpoint number is refused", 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cp := cp5
			if tc.number != 5 {
				cp = checkpointFor(tc.number, g.set)
			}
			_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2))
			requireRevert(t, err, &bindings.SocialchainSettlementStaleCheckpoint{Number: tc.number, LastNumber: 5})
			require.Equal(t, accepted, c.state(), "state changed")
		})
	}

	t.Run("a later number may skip epochs", func(t *testing.T) {
		cp := checkpointFor(7, g.set)
		_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2))
		require.NoError(t, err)
		require.Equal(t, uint64(7), c.state().Last)
	})
}

func TestUpdateSignerSetRefusals(t *testing.T) {
	g := refusalSigners(t)
	next := newSignerGroup(t, "next", 2, 500, 400, 300, 200, 100)
	c := newChain(t, g.set, nil)
	before := c.state()

	// handover signs a checkpoint committing to commit (by hash) and submits
	// it with next as the new set, signed by the given outgoing signers.
	handover := func(commit, nextSet bindings.SocialchainSettlementSignerSet, signers ...int) error {
		cp := checkpointFor(1, g.set)
		cp.NextSignerSetHash = hashBinding(t, c, commit)
		_, err := c.update(cp, g.set, g.sign(t, c.domain, cp, signers...), nextSet)
		return err
	}
	withSigners := func(mutate func(s *bindings.SocialchainSettlementSignerSet)) bindings.SocialchainSettlementSignerSet {
		s := l1.SignerSetBinding(next.set)
		mutate(&s)
		return s
	}
	zeroAddr := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Signers[2] = common.Address{} })
	dupAddr := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Signers[3] = s.Signers[1] })
	tooMuch := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Powers[0] = types.MaxTotalPower })
	noPower := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Powers = make([]uint64, len(s.Powers)) })
	ragged := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Powers = s.Powers[:3] })
	empty := bindings.SocialchainSettlementSignerSet{Nonce: 2}
	skip := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Nonce = 3 })
	same := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Nonce = 1 })
	nextB := l1.SignerSetBinding(next.set)
	otherNext := withSigners(func(s *bindings.SocialchainSettlementSignerSet) { s.Powers[4] = 99 })

	cases := []struct {
		name string
		call func() error
		want any
	}{
		{
			name: "next set other than the committed one is refused",
			call: func() error { return handover(nextB, otherNext, 0, 1, 2) },
			want: &bindings.SocialchainSettlementNextSetHashMismatch{
				Committed: next.set.Hash(), Provided: hashBinding(t, c, otherNext),
			},
		},
		{
			name: "next set skipping a nonce is refused",
			call: func() error { return handover(skip, skip, 0, 1, 2) },
			want: &bindings.SocialchainSettlementNonceMismatch{Expected: 2, Provided: 3},
		},
		{
			name: "next set keeping the current nonce is refused",
			call: func() error { return handover(same, same, 0, 1, 2) },
			want: &bindings.SocialchainSettlementNonceMismatch{Expected: 2, Provided: 1},
		},
		{
			name: "next set with the zero address is refused",
			call: func() error { return handover(zeroAddr, zeroAddr, 0, 1, 2) },
			want: &bindings.SocialchainSettlementZeroAddress{Index: u256(2)},
		},
		{
			name: "next set with a duplicate address is refused",
			call: func() error { return handover(dupAddr, dupAddr, 0, 1, 2) },
			want: &bindings.SocialchainSettlementDuplicateAddress{Index: u256(3)},
		},
		{
			name: "next set with total power above 2^32 is refused",
			call: func() error { return handover(tooMuch, tooMuch, 0, 1, 2) },
			want: &bindings.SocialchainSettlementInvalidTotalPower{TotalPower: u256(types.MaxTotalPower + 400 + 300 + 200 + 100)},
		},
		{
			name: "next set without power is refused",
			call: func() error { return handover(noPower, noPower, 0, 1, 2) },
			want: &bindings.SocialchainSettlementInvalidTotalPower{TotalPower: u256(0)},
		},
		{
			name: "next set with fewer powers than signers is refused",
			call: func() error { return handover(ragged, ragged, 0, 1, 2) },
			want: &bindings.SocialchainSettlementMalformedSignerSet{Signers: u256(5), Powers: u256(3)},
		},
		{
			name: "empty next set is refused",
			call: func() error { return handover(empty, empty, 0, 1, 2) },
			want: &bindings.SocialchainSettlementMalformedSignerSet{Signers: u256(0), Powers: u256(0)},
		},
		{
			name: "handover with exactly 2/3 of the outgoing power is refused",
			call: func() error { return handover(nextB, nextB, 0, 1) },
			want: &bindings.SocialchainSettlementInsufficientPower{SignedPower: u256(2000), TotalPower: u256(3000)},
		},
		{
			name: "handover signed by the incoming set as the current set is refused",
			call: func() error {
				cp := checkpointFor(1, next.set)
				_, err := c.update(cp, next.set, next.sign(t, c.domain, cp, 0, 1, 2, 3), nextB)
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignerSet{Expected: g.set.Hash(), Provided: next.set.Hash()},
		},
		{
			name: "handover signed by the incoming keys is refused",
			call: func() error {
				cp := checkpointFor(1, g.set)
				cp.NextSignerSetHash = next.set.Hash()
				_, err := c.update(cp, g.set, next.sign(t, c.domain, cp, 0, 1, 2), nextB)
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(0)},
		},
		{
			name: "stale handover is refused",
			call: func() error {
				cp := checkpointFor(0, g.set)
				cp.NextSignerSetHash = next.set.Hash()
				_, err := c.update(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2), nextB)
				return err
			},
			want: &bindings.SocialchainSettlementStaleCheckpoint{Number: 0, LastNumber: 0},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			requireRevert(t, tc.call(), tc.want)
			require.Equal(t, before, c.state(), "state changed")
		})
	}
}

func TestSignerSetHandover(t *testing.T) {
	old := refusalSigners(t)
	next := newSignerGroup(t, "next", 2, 500, 400, 300, 200, 100)
	c := newChain(t, old.set, nil)

	// Checkpoint 1, signed by the outgoing set, hands over to next.
	cp1 := checkpointFor(1, old.set)
	cp1.NextSignerSetHash = next.set.Hash()
	_, err := c.submit(cp1, old.set, old.sign(t, c.domain, cp1, 0, 1, 2))
	requireRevert(t, err, &bindings.SocialchainSettlementHandoverRequired{NextSignerSetHash: next.set.Hash()})

	receipt, err := c.update(cp1, old.set, old.sign(t, c.domain, cp1, 0, 1, 3), l1.SignerSetBinding(next.set))
	require.NoError(t, err)
	require.Equal(t, state{SignerSetHash: next.set.Hash(), Nonce: 2, TotalPower: 1500, Last: 1}, c.state())
	stored, err := c.checkpointAt(1)
	require.NoError(t, err)
	require.Equal(t, cp1.AppHash, stored.AppHash)

	require.Len(t, receipt.Logs, 2)
	_, err = c.contract.UnpackCheckpointSubmittedEvent(receipt.Logs[0])
	require.NoError(t, err)
	ev, err := c.contract.UnpackSignerSetUpdatedEvent(receipt.Logs[1])
	require.NoError(t, err)
	require.Equal(t, uint64(2), ev.Nonce)
	require.Equal(t, next.set.Hash(), [32]byte(ev.SignerSetHash))
	require.Equal(t, l1.SignerSetBinding(next.set).Signers, ev.Signers)
	require.Equal(t, l1.SignerSetBinding(next.set).Powers, ev.Powers)

	handedOver := c.state()
	cp2Old := checkpointFor(2, old.set)
	cp2 := checkpointFor(2, next.set)
	refusals := []struct {
		name string
		call func() error
		want any
	}{
		{
			name: "old set is refused after the handover",
			call: func() error {
				_, err := c.submit(cp2Old, old.set, old.sign(t, c.domain, cp2Old, 0, 1, 2, 3))
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignerSet{Expected: next.set.Hash(), Provided: old.set.Hash()},
		},
		{
			name: "old keys signing for the new set are refused",
			call: func() error {
				_, err := c.submit(cp2, next.set, old.sign(t, c.domain, cp2, 0, 1, 2, 3))
				return err
			},
			want: &bindings.SocialchainSettlementInvalidSignature{SignerIndex: u256(0)},
		},
		{
			name: "checkpoint still naming the old nonce is refused",
			call: func() error {
				cp := cp2
				cp.SignerSetNonce = 1
				_, err := c.submit(cp, next.set, next.sign(t, c.domain, cp, 0, 1, 2, 3))
				return err
			},
			want: &bindings.SocialchainSettlementNonceMismatch{Expected: 2, Provided: 1},
		},
		{
			name: "replaying the handover is refused",
			call: func() error {
				_, err := c.update(cp1, old.set, old.sign(t, c.domain, cp1, 0, 1, 3), l1.SignerSetBinding(next.set))
				return err
			},
			want: &bindings.SocialchainSettlementStaleCheckpoint{Number: 1, LastNumber: 1},
		},
	}
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			requireRevert(t, tc.call(), tc.want)
			require.Equal(t, handedOver, c.state(), "state changed")
		})
	}

	t.Run("checkpoint signed by the new set is accepted", func(t *testing.T) {
		// 500 + 400 + 200 = 1100 > 1000 = 2/3 of 1500.
		_, err := c.submit(cp2, next.set, next.sign(t, c.domain, cp2, 0, 1, 3))
		require.NoError(t, err)
		require.Equal(t, uint64(2), c.state().Last)
	})
}

func TestVerifyRecord(t *testing.T) {
	g := refusalSigners(t)
	c := newChain(t, g.set, nil)

	var leaves [][32]byte
	for i := range uint64(6) {
		author := crypto.PubkeyToAddress(testKey(t, "author").PublicKey)
		leaves = append(leaves, types.PostLeaf(author, i+1, crypto.Keccak256Hash([]byte{byte(i)})))
	}
	leaves = append(leaves, types.ProfileLeaf(common.HexToAddress("0x1234"), "alice", crypto.Keccak256Hash([]byte("alice"))))

	cp := checkpointFor(1, g.set)
	cp.SettlementRoot = types.MerkleRoot(leaves)
	_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2))
	require.NoError(t, err)
	empty := checkpointFor(2, g.set)
	empty.SettlementRoot = [32]byte{}
	_, err = c.submit(empty, g.set, g.sign(t, c.domain, empty, 0, 1, 2))
	require.NoError(t, err)

	t.Run("every record's proof verifies", func(t *testing.T) {
		for i, leaf := range leaves {
			proof, err := types.MerkleProof(leaves, i)
			require.NoError(t, err)
			ok, err := c.verifyRecord(1, leaf, proof)
			require.NoError(t, err)
			require.Truef(t, ok, "leaf %d", i)
		}
	})

	proof, err := types.MerkleProof(leaves, 2)
	require.NoError(t, err)
	tamperedProof := append([][32]byte(nil), proof...)
	tamperedProof[1][0] ^= 1
	cases := []struct {
		name   string
		number uint64
		leaf   [32]byte
		proof  [][32]byte
	}{
		{"tampered record fails", 1, types.PostLeaf(crypto.PubkeyToAddress(testKey(t, "author").PublicKey), 3, [32]byte{1}), proof},
		{"tampered proof fails", 1, leaves[2], tamperedProof},
		{"truncated proof fails", 1, leaves[2], proof[:len(proof)-1]},
		{"proof against another checkpoint fails", 2, leaves[2], proof},
		{"zero leaf against an empty checkpoint fails", 2, [32]byte{}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := c.verifyRecord(tc.number, tc.leaf, tc.proof)
			require.NoError(t, err)
			require.False(t, ok)
		})
	}

	t.Run("unknown checkpoint is refused", func(t *testing.T) {
		_, err := c.verifyRecord(3, leaves[0], proof)
		requireRevert(t, err, &bindings.SocialchainSettlementUnknownCheckpoint{Number: 3})
		_, err = c.checkpointAt(3)
		requireRevert(t, err, &bindings.SocialchainSettlementUnknownCheckpoint{Number: 3})
	})
}

func TestContractDomain(t *testing.T) {
	g := refusalSigners(t)
	c := newChain(t, g.set, nil)

	sep, err := bind.Call(c.instance, nil, c.contract.PackDomainSeparator(), c.contract.UnpackDomainSeparator)
	require.NoError(t, err)
	require.Equal(t, c.domain.Separator(), sep)

	d, err := bind.Call(c.instance, nil, c.contract.PackEip712Domain(), c.contract.UnpackEip712Domain)
	require.NoError(t, err)
	require.Equal(t, [1]byte{0x1f}, d.Fields)
	require.Equal(t, types.DomainName, d.Name)
	require.Equal(t, types.DomainVersion, d.Version)
	require.Equal(t, big.NewInt(simulatedChainID), d.ChainId)
	require.Equal(t, c.domain.Contract, d.VerifyingContract)
	require.Equal(t, c.domain.Salt(), d.Salt)

	typeHash, err := bind.Call(c.instance, nil, c.contract.PackCHECKPOINTTYPEHASH(), c.contract.UnpackCHECKPOINTTYPEHASH)
	require.NoError(t, err)
	require.Equal(t, [32]byte(types.CheckpointTypeHash), typeHash)

	chainID, err := bind.Call(c.instance, nil, c.contract.PackCosmosChainId(), c.contract.UnpackCosmosChainId)
	require.NoError(t, err)
	require.Equal(t, testCosmosChainID, chainID)

	cp := checkpointFor(9, g.set)
	digest, err := bind.Call(c.instance, nil, c.contract.PackCheckpointDigest(l1.CheckpointBinding(cp)), c.contract.UnpackCheckpointDigest)
	require.NoError(t, err)
	require.Equal(t, types.CheckpointDigest(c.domain, cp), digest)
	require.Equal(t, g.set.Hash(), hashBinding(t, c, l1.SignerSetBinding(g.set)))
}

func TestDeployRefusesInvalidSet(t *testing.T) {
	g := refusalSigners(t)
	c := newChain(t, g.set, nil)
	bad := g.set
	bad.Signers = append([]types.L1Signer(nil), g.set.Signers...)
	bad.Signers[1].Address = bad.Signers[0].Address
	_, _, err := l1.Deploy(c.deployer, c.client, testCosmosChainID, bad)
	require.ErrorIs(t, err, types.ErrDuplicateAddress)
}

// hashBinding is the contract's own hash of a (possibly malformed) set.
func hashBinding(t testing.TB, c *chain, s bindings.SocialchainSettlementSignerSet) [32]byte {
	t.Helper()
	h, err := bind.Call(c.instance, nil, c.contract.PackHashSignerSet(s), c.contract.UnpackHashSignerSet)
	require.NoError(t, err)
	return h
}

// malleate turns a valid signature into its high-s twin (n - s, flipped v),
// which ecrecover alone would still accept.
func malleate(sig bindings.SocialchainSettlementSignature) bindings.SocialchainSettlementSignature {
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig.S[:])
	s.Sub(n, s)
	s.FillBytes(sig.S[:])
	sig.V = 27 + 28 - sig.V
	return sig
}
