package p2p

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/p2p/types"
)

// waitTopicPeer waits until n's gossip sees p subscribed to the topic of kind,
// so a message published next is sent to p.
func waitTopicPeer(t *testing.T, n *Node, kind types.AnnouncementKind, p peer.ID) {
	t.Helper()
	eventually(t, func() bool { return slices.Contains(n.gossip.topics[kind].ListPeers(), p) },
		"%s never saw %s on the %s topic", n.ID(), p, KindName(kind))
}

// receive waits for the next announcement on ch.
func receive(t *testing.T, ch <-chan Announcement) Announcement {
	t.Helper()
	select {
	case a, ok := <-ch:
		require.True(t, ok, "subscription closed")
		return a
	case <-time.After(deadline):
		t.Fatal("no announcement before the deadline")
		return Announcement{}
	}
}

func TestGossipReachesPeerAndTriggersPrefetch(t *testing.T) {
	a := newTestNode(t, nil)
	b := newTestNode(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fromB := b.Subscribe(ctx)
	connect(t, a, b.AddrInfo())
	waitTopicPeer(t, a, types.KindContent, b.ID())
	waitTopicPeer(t, a, types.KindPost, b.ID())

	data := randomBytes(t, 2*ChunkSize+5)
	c := addBytes(t, a, data)
	require.NoError(t, a.AnnounceContent(ctx, c))

	got := receive(t, fromB)
	require.Equal(t, types.KindContent, got.Kind)
	require.Equal(t, a.ID(), got.From)
	require.Equal(t, []cid.Cid{c}, got.CIDs)

	// Pin policy all: B prefetches announced content in the background.
	eventually(t, func() bool { return b.Stats().Prefetches == 1 }, "no prefetch started")
	eventually(t, func() bool {
		has, err := b.Has(ctx, c)
		return err == nil && has
	}, "announced content never prefetched")

	require.NoError(t, a.AnnouncePost(ctx, 42, 9, c))
	got = receive(t, fromB)
	require.Equal(t, types.KindPost, got.Kind)
	require.EqualValues(t, 42, got.PostID)
	require.EqualValues(t, 9, got.Height)
	require.Equal(t, []cid.Cid{c}, got.CIDs)

	require.EqualValues(t, 2, a.Stats().Published)
	require.EqualValues(t, 2, b.Stats().Received)
	for r, count := range b.Stats().Rejected {
		require.Zero(t, count, "rejected as %s", r)
	}
}

// rawPublisher is a libp2p host with a plain gossipsub router and no
// validators: it publishes whatever bytes a test gives it, as a faulty or
// hostile peer would.
type rawPublisher struct {
	host   host.Host
	topics map[string]*pubsub.Topic
	ps     *pubsub.PubSub
}

func newRawPublisher(t *testing.T) *rawPublisher {
	t.Helper()
	h, err := libp2p.New(libp2p.ListenAddrStrings("/ip4/127.0.0.1/tcp/0"))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() {
		cancel()
		require.NoError(t, h.Close())
	})
	ps, err := pubsub.NewGossipSub(ctx, h)
	require.NoError(t, err)
	return &rawPublisher{host: h, ps: ps, topics: map[string]*pubsub.Topic{}}
}

func (r *rawPublisher) join(t *testing.T, topic string) *pubsub.Topic {
	t.Helper()
	tp, ok := r.topics[topic]
	if !ok {
		var err error
		tp, err = r.ps.Join(topic)
		require.NoError(t, err)
		r.topics[topic] = tp
	}
	return tp
}

// publishTo publishes data on topic once p is known to be subscribed to it.
func (r *rawPublisher) publishTo(t *testing.T, p peer.ID, topic string, data []byte) {
	t.Helper()
	tp := r.join(t, topic)
	eventually(t, func() bool { return slices.Contains(tp.ListPeers(), p) }, "%s never joined %s", p, topic)
	require.NoError(t, tp.Publish(context.Background(), data))
}

func mustMarshal(t *testing.T, m types.Announcement) []byte {
	t.Helper()
	b, err := m.Marshal()
	require.NoError(t, err)
	return b
}

func TestInvalidGossipIsRejectedAndCounted(t *testing.T) {
	b := newTestNode(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fromB := b.Subscribe(ctx)

	evil := newRawPublisher(t)
	require.NoError(t, evil.host.Connect(ctx, b.AddrInfo()))

	someCID := cid.MustParse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o")
	content, posts := ContentTopic(testChainID), PostsTopic(testChainID)
	for _, tc := range []struct {
		name   string
		topic  string
		data   []byte
		reason RejectReason
	}{
		{"garbage bytes are malformed", content, []byte("\xff\xff\xff not protobuf"), RejectMalformed},
		{"a message over 64 KiB is oversize", content, make([]byte, MaxAnnouncementSize+1), RejectOversize},
		{"another chain's message is refused", content, mustMarshal(t, types.Announcement{
			ChainID: "other-chain", Kind: types.KindContent, CIDs: [][]byte{someCID.Bytes()},
		}), RejectWrongChain},
		{"a post announcement on the content topic is refused", content, mustMarshal(t, types.Announcement{
			ChainID: testChainID, Kind: types.KindPost, CIDs: [][]byte{someCID.Bytes()}, PostID: 1, Height: 1,
		}), RejectWrongKind},
		{"a CID that does not parse is refused", content, mustMarshal(t, types.Announcement{
			ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{[]byte("not a cid")},
		}), RejectBadCID},
		{"a post announcement without a height is refused", posts, mustMarshal(t, types.Announcement{
			ChainID: testChainID, Kind: types.KindPost, PostID: 3,
		}), RejectBadFields},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := b.Stats().Rejected[tc.reason]
			evil.publishTo(t, b.ID(), tc.topic, tc.data)
			eventually(t, func() bool { return b.Stats().Rejected[tc.reason] == before+1 },
				"B never counted a %s rejection", tc.reason)
		})
	}

	// A valid message from the same peer still gets through, and it is the
	// only thing B's subscribers ever saw.
	evil.publishTo(t, b.ID(), content, mustMarshal(t, types.Announcement{
		ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{someCID.Bytes()},
	}))
	got := receive(t, fromB)
	require.Equal(t, evil.host.ID(), got.From)
	require.Equal(t, []cid.Cid{someCID}, got.CIDs)
	require.EqualValues(t, 1, b.Stats().Received)
}

func TestGossipIsRateLimitedPerPeer(t *testing.T) {
	b := newTestNode(t, func(c *Config) {
		c.GossipRateLimit = 0.001 // no refill during the test
		c.GossipBurst = 3
	})
	flood := newRawPublisher(t)
	require.NoError(t, flood.host.Connect(context.Background(), b.AddrInfo()))

	for i := range 10 {
		c, err := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: 0x12, MhLength: -1}.Sum([]byte{byte(i)})
		require.NoError(t, err)
		flood.publishTo(t, b.ID(), ContentTopic(testChainID), mustMarshal(t, types.Announcement{
			ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{c.Bytes()},
		}))
	}
	eventually(t, func() bool {
		s := b.Stats()
		return s.Received+s.Rejected[RejectRateLimited] == 10
	}, "B did not see all 10 messages")
	s := b.Stats()
	require.EqualValues(t, 3, s.Received, "the burst gets through")
	require.EqualValues(t, 7, s.Rejected[RejectRateLimited])
}
