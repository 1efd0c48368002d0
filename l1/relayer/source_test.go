package relayer_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/socialchain/socialchain/l1/relayer"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// fakeQuery serves the settlement Query service from memory, with the
// status codes the chain returns. With legacy set, it answers SignerSet
// with Unimplemented, as a node that predates that query does.
type fakeQuery struct {
	types.QueryClient // methods not served here are nil: calling one panics

	legacy      bool
	mu          sync.Mutex
	checkpoints map[uint64]types.SignedCheckpoint
	sets        map[uint64]types.SignerSet
	latestSet   *types.SignerSet
	err         error
}

func newFakeQuery(legacy bool) *fakeQuery {
	return &fakeQuery{legacy: legacy, checkpoints: map[uint64]types.SignedCheckpoint{}, sets: map[uint64]types.SignerSet{}}
}

func (q *fakeQuery) put(cp types.SignedCheckpoint) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.checkpoints[cp.Checkpoint.Number] = cp
}

// setLatest stores set, as the chain's latest.
func (q *fakeQuery) setLatest(set types.SignerSet) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.latestSet = &set
	q.sets[set.Nonce] = set
}

func (q *fakeQuery) SignerSet(_ context.Context, req *types.QuerySignerSetRequest, _ ...grpc.CallOption) (*types.QueryLatestSignerSetResponse, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.legacy {
		return nil, status.Error(codes.Unimplemented, "unknown method SignerSet for service socialchain.settlement.v1.Query")
	}
	if q.err != nil {
		return nil, q.err
	}
	set, ok := q.sets[req.Nonce]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "signer set %d: not found: signer not found", req.Nonce)
	}
	return &types.QueryLatestSignerSetResponse{SignerSet: set}, nil
}

func (q *fakeQuery) LatestCheckpoint(context.Context, *types.QueryLatestCheckpointRequest, ...grpc.CallOption) (*types.QueryCheckpointResponse, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return nil, q.err
	}
	var latest *types.SignedCheckpoint
	for n, cp := range q.checkpoints {
		if latest == nil || n > latest.Checkpoint.Number {
			latest = &cp
		}
	}
	if latest == nil {
		return nil, status.Error(codes.NotFound, "no checkpoint yet: checkpoint not found")
	}
	return &types.QueryCheckpointResponse{Checkpoint: *latest}, nil
}

func (q *fakeQuery) Checkpoint(_ context.Context, req *types.QueryCheckpointRequest, _ ...grpc.CallOption) (*types.QueryCheckpointResponse, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return nil, q.err
	}
	cp, ok := q.checkpoints[req.Epoch]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "checkpoint %d: checkpoint not found", req.Epoch)
	}
	return &types.QueryCheckpointResponse{Checkpoint: cp}, nil
}

func (q *fakeQuery) LatestSignerSet(context.Context, *types.QueryLatestSignerSetRequest, ...grpc.CallOption) (*types.QueryLatestSignerSetResponse, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return nil, q.err
	}
	if q.latestSet == nil {
		return nil, status.Error(codes.NotFound, "no signer set yet: signer not found")
	}
	return &types.QueryLatestSignerSetResponse{SignerSet: *q.latestSet}, nil
}

func TestGRPCSourceCheckpoints(t *testing.T) {
	ctx := context.Background()
	q := newFakeQuery(false)
	src := relayer.NewGRPCSource(q)

	n, err := src.LatestCheckpointNumber(ctx)
	require.NoError(t, err, "no checkpoint yet is not an error")
	require.Zero(t, n)

	q.put(types.SignedCheckpoint{Checkpoint: types.Checkpoint{Number: 1}})
	q.put(types.SignedCheckpoint{Checkpoint: types.Checkpoint{Number: 2}, Final: true})
	n, err = src.LatestCheckpointNumber(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), n)
	cp, err := src.Checkpoint(ctx, 2)
	require.NoError(t, err)
	require.True(t, cp.Final)

	_, err = src.Checkpoint(ctx, 3)
	require.ErrorIs(t, err, relayer.ErrNotFound)

	q.err = status.Error(codes.Unavailable, "connection refused")
	_, err = src.LatestCheckpointNumber(ctx)
	require.ErrorContains(t, err, "connection refused", "an unreachable chain is an error, not checkpoint 0")
	_, err = src.Checkpoint(ctx, 1)
	require.Error(t, err)
	require.False(t, errors.Is(err, relayer.ErrNotFound))
}

func TestGRPCSourceSignerSetsByNonce(t *testing.T) {
	ctx := context.Background()
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	setB := newSignerGroup(t, "B", 1, 50, 50)
	q := newFakeQuery(false)
	src := relayer.NewGRPCSource(q)

	_, err := src.SignerSet(ctx, 0)
	require.ErrorIs(t, err, relayer.ErrNotFound, "the chain has no set yet")

	q.setLatest(setA.set)
	q.setLatest(setB.set)
	for _, g := range []signerGroup{setA, setB} {
		got, err := src.SignerSet(ctx, g.set.Nonce)
		require.NoError(t, err)
		require.Equal(t, g.set, got, "any stored set, not only the latest")
	}
	_, err = src.SignerSet(ctx, 2)
	require.ErrorIs(t, err, relayer.ErrNotFound)

	bad := setB.set
	bad.Members = append([]types.SignerSetMember(nil), bad.Members...)
	bad.Members[0].Power++
	q.setLatest(bad)
	_, err = src.SignerSet(ctx, 1)
	require.ErrorContains(t, err, "stated hash", "a set whose members do not hash to its stated hash is refused")

	q.err = status.Error(codes.Unavailable, "connection refused")
	_, err = src.SignerSet(ctx, 0)
	require.ErrorContains(t, err, "connection refused")
	require.False(t, errors.Is(err, relayer.ErrNotFound))
}

func TestGRPCSourceSignerSetsFromLatest(t *testing.T) {
	ctx := context.Background()
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	setB := newSignerGroup(t, "B", 1, 50, 50)
	setC := newSignerGroup(t, "C", 2, 60, 40)
	q := newFakeQuery(true)
	src := relayer.NewGRPCSource(q)

	_, err := src.SignerSet(ctx, 0)
	require.ErrorIs(t, err, relayer.ErrNotFound, "the chain has no set yet")

	q.setLatest(setA.set)
	got, err := src.SignerSet(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, setA.set, got)

	// After a handover the latest is B; A is still served, having been
	// seen, and the next nonce is not there yet.
	q.setLatest(setB.set)
	got, err = src.SignerSet(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, setA.set, got)
	got, err = src.SignerSet(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, setB.set, got)
	_, err = src.SignerSet(ctx, 2)
	require.ErrorIs(t, err, relayer.ErrNotFound)

	// A fresh source that never saw B cannot serve it.
	q.setLatest(setC.set)
	_, err = relayer.NewGRPCSource(q).SignerSet(ctx, 1)
	require.ErrorIs(t, err, relayer.ErrSignerSetUnavailable)

	bad := setC.set
	bad.Members = append([]types.SignerSetMember(nil), bad.Members...)
	bad.Members[0].Power++
	q.setLatest(bad)
	_, err = relayer.NewGRPCSource(q).SignerSet(ctx, 2)
	require.ErrorContains(t, err, "stated hash", "a latest set whose members do not hash to its stated hash is refused")
}

// TestGRPCSourceHandover relays, through a node without the SignerSet
// query, a handover that the chain made before the relayer started: the
// chain's latest set is already the new one, so the old one comes from the
// contract's events.
func TestGRPCSourceHandover(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	setB := newSignerGroup(t, "B", 1, 50, 30, 20)
	setC := newSignerGroup(t, "C", 2, 60, 40)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	chain.addSet(setB)
	chain.addSet(setC)
	q := newFakeQuery(true)
	for _, cp := range []types.SignedCheckpoint{
		chain.checkpoint(0, nil, true),
		chain.checkpoint(0, &setB, true),
		chain.checkpoint(1, nil, true),
		chain.checkpoint(1, &setC, true),
	} {
		q.put(cp)
	}
	q.setLatest(setB.set)
	conn := newL1Conn(l1)
	r := newRelayer(t, relayer.NewGRPCSource(q), conn, l1.address, key)

	n, err := relayOnce(t, r)
	require.Equal(t, 3, n, "1, the handover to B, and B's first")
	require.ErrorIs(t, err, relayer.ErrNotFound, "the chain does not serve C yet")
	require.ErrorContains(t, err, "hands over to signer set 2")

	q.setLatest(setC.set)
	n, err = relayOnce(t, r)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, upTo(4), l1.submitted())
	nonce, hash := l1.signerSet()
	require.Equal(t, uint64(2), nonce)
	require.Equal(t, setC.hash(), hash)
}

// TestGRPCSourceTwoHandoversBehind: a relayer two handovers behind the
// chain needs a set that is no longer the latest. A node with the SignerSet
// query serves it; an older node cannot, and the relayer says so instead of
// sending.
func TestGRPCSourceTwoHandoversBehind(t *testing.T) {
	for _, tc := range []struct {
		name    string
		legacy  bool
		relayed int
		wantErr error
	}{
		{"a node with the query by nonce", false, 2, nil},
		{"a node without it", true, 0, relayer.ErrSignerSetUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
			setB := newSignerGroup(t, "B", 1, 50, 30, 20)
			setC := newSignerGroup(t, "C", 2, 60, 40)
			key := testKey(t, "relayer")
			l1 := newTestL1(t, setA, key)
			chain := newTestChain(t, l1.domain, setA)
			chain.addSet(setB)
			chain.addSet(setC)
			q := newFakeQuery(tc.legacy)
			q.put(chain.checkpoint(0, &setB, true))
			q.put(chain.checkpoint(1, &setC, true))
			q.setLatest(setA.set)
			q.setLatest(setB.set)
			q.setLatest(setC.set)
			conn := newL1Conn(l1)

			n, err := relayOnce(t, newRelayer(t, relayer.NewGRPCSource(q), conn, l1.address, key))
			require.Equal(t, tc.relayed, n)
			if tc.wantErr == nil {
				require.NoError(t, err)
				require.Equal(t, upTo(2), l1.submitted())
				nonce, hash := l1.signerSet()
				require.Equal(t, uint64(2), nonce)
				require.Equal(t, setC.hash(), hash)
				return
			}
			require.ErrorIs(t, err, tc.wantErr)
			require.ErrorContains(t, err, "hands over to signer set 1")
			require.Empty(t, conn.sends())
			require.Zero(t, l1.last())
		})
	}
}
