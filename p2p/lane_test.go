package p2p

import (
	"bytes"
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// laneRecorder is a LaneHandler double: bundles starting with "forged"
// are forged, those starting with "stale" refused by state, others accepted.
type laneRecorder struct {
	mu  sync.Mutex
	got [][]byte
}

func (r *laneRecorder) handle(bundle []byte) LaneVerdict {
	r.mu.Lock()
	r.got = append(r.got, bytes.Clone(bundle))
	r.mu.Unlock()
	switch {
	case bytes.HasPrefix(bundle, []byte("forged")):
		return LaneVerdict{Forged: true}
	case bytes.HasPrefix(bundle, []byte("stale")):
		return LaneVerdict{Refused: 2}
	default:
		return LaneVerdict{Accepted: 3}
	}
}

func (r *laneRecorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.got)
}

func TestLaneGossipValidatesAndCounts(t *testing.T) {
	a := newTestNode(t, nil)
	b := newTestNode(t, nil)
	var rec laneRecorder
	b.SetLaneHandler(rec.handle)
	connect(t, a, b.AddrInfo())
	eventually(t, func() bool { return slices.Contains(a.gossip.lane.topic.ListPeers(), b.ID()) }, "b never joined the lane topic")

	ctx := context.Background()
	require.NoError(t, a.PublishLane(ctx, []byte("honest bundle")))
	eventually(t, func() bool { return b.LaneStats().Accepted == 3 }, "b never accepted the honest bundle")
	require.EqualValues(t, 1, a.LaneStats().Published)

	// A hostile peer's forged and oversize bundles are rejected and counted.
	evil := newRawPublisher(t)
	require.NoError(t, evil.host.Connect(ctx, b.AddrInfo()))
	evil.publishTo(t, b.ID(), LaneTopic(testChainID), []byte("forged bundle"))
	eventually(t, func() bool { return b.LaneStats().Forged == 1 }, "forged bundle not counted")
	evil.publishTo(t, b.ID(), LaneTopic(testChainID), []byte("stale bundle"))
	eventually(t, func() bool { return b.LaneStats().Refused == 2 }, "refused messages not counted")
	require.EqualValues(t, 3, b.LaneStats().Accepted, "nothing else accepted")
	require.Equal(t, 3, rec.count())

	require.Error(t, a.PublishLane(ctx, make([]byte, MaxLaneBundleSize+1)), "oversize bundles are not published")
}
