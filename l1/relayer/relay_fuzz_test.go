package relayer

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/bindings"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// scriptedL1 is an untrusted L1 node: it has code at every address,
// answers eth_call by the method selector from calls (empty when absent)
// and eth_getLogs with logs, whatever was asked. The methods it does not
// override panic through the nil L1Client, so a fuzz target also fails
// when the code under test reaches for more of the node than it should.
type scriptedL1 struct {
	L1Client
	calls map[[4]byte][]byte
	logs  []ethtypes.Log
}

func (c *scriptedL1) ChainID(context.Context) (*big.Int, error) { return big.NewInt(1337), nil }

func (c *scriptedL1) HeaderByNumber(context.Context, *big.Int) (*ethtypes.Header, error) {
	return &ethtypes.Header{Number: big.NewInt(7)}, nil
}

func (c *scriptedL1) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return []byte{0x60}, nil
}

func (c *scriptedL1) CallContract(_ context.Context, msg ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	return bytes.Clone(c.calls[[4]byte(msg.Data[:4])]), nil
}

func (c *scriptedL1) FilterLogs(context.Context, ethereum.FilterQuery) ([]ethtypes.Log, error) {
	return c.logs, nil
}

// newScriptedRelayer is a relayer over node, with a fixed key.
func newScriptedRelayer(t testing.TB, node *scriptedL1) *Relayer {
	t.Helper()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("socialchain/relayer fuzz key")))
	require.NoError(t, err)
	r, err := New(NewMemorySource(), node, common.HexToAddress("0x5e77"), key)
	require.NoError(t, err)
	return r
}

// signerSetUpdatedLog is the SignerSetUpdated log the contract emits when
// it adopts set, encoded with the contract's ABI as the EVM does.
func signerSetUpdatedLog(t testing.TB, set types.L1SignerSet) ethtypes.Log {
	t.Helper()
	ev := bindings.NewSocialchainSettlement().GetABI().Events[bindings.SocialchainSettlementSignerSetUpdatedEventName]
	topics, err := abi.MakeTopics([]any{ev.ID}, []any{set.Nonce}, []any{set.Hash()})
	require.NoError(t, err)
	b := l1.SignerSetBinding(set)
	data, err := ev.Inputs.NonIndexed().Pack(b.Signers, b.Powers)
	require.NoError(t, err)
	return ethtypes.Log{Topics: []common.Hash{topics[0][0], topics[1][0], topics[2][0]}, Data: data}
}

// topicsOf cuts b into 32-byte topics, the last one left-padded.
func topicsOf(b []byte) []common.Hash {
	var out []common.Hash
	for len(b) > 0 {
		n := min(32, len(b))
		out = append(out, common.BytesToHash(b[:n]))
		b = b[n:]
	}
	return out
}

func joinTopics(topics []common.Hash) []byte {
	var out []byte
	for _, h := range topics {
		out = append(out, h[:]...)
	}
	return out
}

// FuzzSignerSetFromL1 has an L1 node answer the relayer's query for the
// SignerSetUpdated event of the contract's current set with an arbitrary
// log (topics and data), alone or followed by the genuine one. The
// relayer never panics; it returns a set only if it is the one asked for
// (same nonce, same hash, so the same members), and a garbled log never
// hides the genuine one after it. Whatever the bindings decode from such
// a log matches its topics, and its members re-encode to the same event.
func FuzzSignerSetFromL1(f *testing.F) {
	// Two members keep the log short: the fuzzer minimizes every new
	// input, at a cost that grows with the square of its length.
	set, _ := testSet(f)
	set.Signers = set.Signers[:2]
	genuine := signerSetUpdatedLog(f, set)
	f.Add(joinTopics(genuine.Topics), genuine.Data, false)
	other := set
	other.Nonce = 2
	other.Signers = other.Signers[:1]
	forged := signerSetUpdatedLog(f, other)
	f.Add(joinTopics(forged.Topics), forged.Data, true)
	f.Add(joinTopics(genuine.Topics), genuine.Data[:len(genuine.Data)-32], true)
	f.Add(joinTopics(genuine.Topics), []byte{}, false)
	f.Add(joinTopics(genuine.Topics[:2]), genuine.Data, false)
	f.Add(append(joinTopics(genuine.Topics[:1]), bytes.Repeat([]byte{0xff}, 64)...), genuine.Data, true)
	f.Add([]byte{}, []byte{}, true)

	found, err := newScriptedRelayer(f, &scriptedL1{logs: []ethtypes.Log{genuine}}).signerSetFromL1(context.Background(), set.Nonce, set.Hash())
	require.NoError(f, err, "the genuine log alone is found")
	require.Equal(f, set, found)

	ev := bindings.NewSocialchainSettlement().GetABI().Events[bindings.SocialchainSettlementSignerSetUpdatedEventName]
	// One relayer for every input (signerSetFromL1 keeps nothing): building
	// one parses the ABI, whose map iteration would make coverage vary
	// from run to run.
	node := &scriptedL1{}
	r := newScriptedRelayer(f, node)
	f.Fuzz(func(t *testing.T, topics, data []byte, thenGenuine bool) {
		log := ethtypes.Log{Topics: topicsOf(topics), Data: data}
		node.logs = []ethtypes.Log{log}
		if thenGenuine {
			node.logs = append(node.logs, genuine)
		}

		got, err := r.signerSetFromL1(context.Background(), set.Nonce, set.Hash())
		if err != nil {
			require.False(t, thenGenuine, "a garbled log hides the genuine one: %v", err)
			require.ErrorIs(t, err, ErrNotFound)
		} else {
			require.Equal(t, set, got, "only the set asked for is returned")
		}

		e, err := r.contract.UnpackSignerSetUpdatedEvent(&log)
		if err != nil {
			return
		}
		require.Len(t, log.Topics, 3)
		require.Equal(t, ev.ID, log.Topics[0])
		require.Zero(t, new(big.Int).SetBytes(log.Topics[1][:24]).Sign(), "a nonce topic above 2^64 is refused")
		require.Equal(t, binary.BigEndian.Uint64(log.Topics[1][24:]), e.Nonce)
		require.Equal(t, [32]byte(log.Topics[2]), e.SignerSetHash)
		if len(data) == 0 {
			require.Empty(t, e.Signers)
			require.Empty(t, e.Powers)
			return
		}
		again := signerSetUpdatedLogFor(t, ev, log.Topics, e.Signers, e.Powers)
		e2, err := r.contract.UnpackSignerSetUpdatedEvent(&again)
		require.NoError(t, err)
		require.Equal(t, e.Signers, e2.Signers)
		require.Equal(t, e.Powers, e2.Powers)
	})
}

// signerSetUpdatedLogFor re-encodes a decoded event's members under the
// same topics.
func signerSetUpdatedLogFor(t *testing.T, ev abi.Event, topics []common.Hash, signers []common.Address, powers []uint64) ethtypes.Log {
	t.Helper()
	data, err := ev.Inputs.NonIndexed().Pack(signers, powers)
	require.NoError(t, err)
	return ethtypes.Log{Topics: topics, Data: data}
}

// contractReads are the selectors of the views the relayer reads and the
// genuine answers of a contract on checkpoint 5, signer set 1.
func contractReads(t testing.TB) (c *bindings.SocialchainSettlement, chainID, last, nonce, setHash []byte) {
	t.Helper()
	c = bindings.NewSocialchainSettlement()
	methods := c.GetABI().Methods
	pack := func(method string, v any) []byte {
		out, err := methods[method].Outputs.Pack(v)
		require.NoError(t, err)
		return out
	}
	set, _ := testSet(t)
	return c, pack("cosmosChainId", "socialchain-1"), pack("lastCheckpointNumber", uint64(5)),
		pack("signerSetNonce", set.Nonce), pack("signerSetHash", set.Hash())
}

// FuzzContractReads has an L1 node answer the relayer's reads of the
// contract (its cosmos chain id when it connects, then the last
// checkpoint number, the signer-set nonce and the signer-set hash) with
// arbitrary data. The relayer never panics, and it takes a value only
// from data that is that value's canonical ABI encoding (trailing words
// aside): empty, short, misaligned or out-of-range data is an error.
func FuzzContractReads(f *testing.F) {
	c, chainID, last, nonce, setHash := contractReads(f)
	f.Add(chainID, last, nonce, setHash)
	f.Add(chainID[:len(chainID)-1], last, nonce, setHash)
	f.Add(chainID, last[:31], nonce, setHash)
	f.Add(chainID, last, bytes.Repeat([]byte{0xff}, 32), setHash)
	f.Add(chainID, last, nonce, []byte{})
	f.Add(append(bytes.Clone(chainID[:32]), bytes.Repeat([]byte{0xff}, 32)...), last, nonce, setHash) // a string longer than the data
	f.Add([]byte{}, []byte{}, []byte{}, []byte{})
	methods := c.GetABI().Methods
	selector := func(data []byte) [4]byte { return [4]byte(data[:4]) }
	callsFor := func(chainID, last, nonce, setHash []byte) map[[4]byte][]byte {
		return map[[4]byte][]byte{
			selector(c.PackCosmosChainId()):        chainID,
			selector(c.PackLastCheckpointNumber()): last,
			selector(c.PackSignerSetNonce()):       nonce,
			selector(c.PackSignerSetHash()):        setHash,
		}
	}
	ctx := context.Background()
	genuine := newScriptedRelayer(f, &scriptedL1{calls: callsFor(chainID, last, nonce, setHash)})
	require.NoError(f, genuine.connect(ctx), "the genuine answers are read")
	require.Equal(f, "socialchain-1", genuine.domain.CosmosChainID)
	set, _ := testSet(f)
	st, err := genuine.readContract(ctx)
	require.NoError(f, err)
	require.Equal(f, contractState{head: 7, last: 5, nonce: set.Nonce, setHash: set.Hash()}, st)

	// One relayer for every input, back to its state before connecting
	// each time (see FuzzSignerSetFromL1 for why).
	node := &scriptedL1{}
	r := newScriptedRelayer(f, node)
	fresh := r.Status()
	f.Fuzz(func(t *testing.T, chainID, last, nonce, setHash []byte) {
		node.calls = callsFor(chainID, last, nonce, setHash)
		r.domain, r.chainID, r.status = nil, nil, fresh

		canonical := func(method string, out []byte, v any) {
			t.Helper()
			enc, err := methods[method].Outputs.Pack(v)
			require.NoError(t, err)
			require.Zero(t, len(out)%32, "%s: misaligned data is refused", method)
			require.LessOrEqual(t, len(enc), len(out))
			require.Equal(t, enc, out[:len(enc)], "%s: only the canonical encoding decodes", method)
		}

		if err := r.connect(ctx); err != nil {
			require.Nil(t, r.domain, "a failed connect learns nothing")
		} else {
			// A string's encoding has an offset the node chooses, so
			// decode what the canonical encoding of the value decodes to.
			enc, err := methods["cosmosChainId"].Outputs.Pack(r.domain.CosmosChainID)
			require.NoError(t, err)
			again, err := c.UnpackCosmosChainId(enc)
			require.NoError(t, err)
			require.Equal(t, r.domain.CosmosChainID, again)
			require.Zero(t, len(chainID)%32)
		}

		st, err := r.readContract(ctx)
		if err != nil {
			require.Equal(t, contractState{}, st)
			return
		}
		require.EqualValues(t, 7, st.head)
		canonical("lastCheckpointNumber", last, st.last)
		canonical("signerSetNonce", nonce, st.nonce)
		canonical("signerSetHash", setHash, st.setHash)
		require.Equal(t, Status{Contract: r.address, From: r.from, L1Head: 7, LastCheckpoint: st.last, SignerSetNonce: st.nonce, L1ChainID: r.Status().L1ChainID},
			r.Status(), "the status shows what was read")
	})
}
