package p2p

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/ipfs/go-cid"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/peer"
	"golang.org/x/time/rate"

	"github.com/socialchain/socialchain/p2p/types"
)

// pubsubMaxMessageSize is the transport cap of gossipsub (its default). It is
// above MaxAnnouncementSize on purpose: messages between the two reach the
// validator and are counted as oversize instead of vanishing in the RPC layer.
const pubsubMaxMessageSize = 1 << 20

// relayRateFactor scales the per-author rate limit into the limit for one
// forwarding peer, which relays the messages of many authors.
const relayRateFactor = 8

// Stats are the gossip counters of a node since it started.
type Stats struct {
	// Published counts messages this node published.
	Published uint64 `json:"published"`
	// Received counts messages from other peers that passed validation.
	Received uint64 `json:"received"`
	// Rejected counts dropped incoming messages by reason.
	Rejected map[RejectReason]uint64 `json:"rejected"`
	// SubscriberDrops counts announcements a slow Subscribe reader missed.
	SubscriberDrops uint64 `json:"subscriber_drops"`
	// Prefetches counts prefetches started for announced content; skipped
	// ones (already running, recently done, or all workers busy) are
	// PrefetchesSkipped.
	Prefetches        uint64 `json:"prefetches"`
	PrefetchesSkipped uint64 `json:"prefetches_skipped"`
}

type gossipCounters struct {
	published, received           atomic.Uint64
	rejected                      [rejectReasonsCount]atomic.Uint64
	prefetches, prefetchesSkipped atomic.Uint64
}

func (g *gossipCounters) reject(r RejectReason) {
	for i, rr := range RejectReasons {
		if rr == r {
			g.rejected[i].Add(1)
			return
		}
	}
}

// Stats returns the gossip counters.
func (n *Node) Stats() Stats {
	s := Stats{
		Rejected:          make(map[RejectReason]uint64, rejectReasonsCount),
		SubscriberDrops:   n.subs.drops.Load(),
		Prefetches:        n.counters.prefetches.Load(),
		PrefetchesSkipped: n.counters.prefetchesSkipped.Load(),
		Published:         n.counters.published.Load(),
		Received:          n.counters.received.Load(),
	}
	for i, r := range RejectReasons {
		s.Rejected[r] = n.counters.rejected[i].Load()
	}
	return s
}

// gossip is the node's gossipsub router with its two topics.
type gossip struct {
	n      *Node
	ps     *pubsub.PubSub
	topics map[types.AnnouncementKind]*pubsub.Topic
	subs   []*pubsub.Subscription
	lane   *laneGossip

	authors *peerLimiter // per signing peer
	relays  *peerLimiter // per forwarding peer
}

func newGossip(n *Node) (*gossip, error) {
	ps, err := pubsub.NewGossipSub(n.ctx, n.host,
		pubsub.WithMessageSignaturePolicy(pubsub.StrictSign),
		pubsub.WithMaxMessageSize(pubsubMaxMessageSize),
		// Send our own announcements to every subscribed peer, not only the
		// mesh: the mesh forms on heartbeats, and announcements are few.
		pubsub.WithFloodPublish(true),
	)
	if err != nil {
		return nil, fmt.Errorf("start gossipsub: %w", err)
	}
	cfg := n.cfg
	g := &gossip{
		n:       n,
		ps:      ps,
		topics:  map[types.AnnouncementKind]*pubsub.Topic{},
		authors: newPeerLimiter(rate.Limit(cfg.GossipRateLimit), cfg.GossipBurst),
		relays:  newPeerLimiter(rate.Limit(cfg.GossipRateLimit*relayRateFactor), cfg.GossipBurst*relayRateFactor),
	}
	for kind, name := range map[types.AnnouncementKind]string{
		types.KindContent: ContentTopic(cfg.ChainID),
		types.KindPost:    PostsTopic(cfg.ChainID),
	} {
		// Inline: validation is cheap and bounded, so no goroutine per message.
		if err := ps.RegisterTopicValidator(name, g.validator(kind), pubsub.WithValidatorInline(true)); err != nil {
			g.close()
			return nil, fmt.Errorf("register validator of %s: %w", name, err)
		}
		t, err := ps.Join(name)
		if err != nil {
			g.close()
			return nil, fmt.Errorf("join %s: %w", name, err)
		}
		g.topics[kind] = t
		sub, err := t.Subscribe(pubsub.WithBufferSize(256))
		if err != nil {
			g.close()
			return nil, fmt.Errorf("subscribe %s: %w", name, err)
		}
		g.subs = append(g.subs, sub)
		n.goroutine(func() { g.read(sub) })
	}
	if err := g.joinLane(); err != nil {
		g.close()
		return nil, err
	}
	return g, nil
}

func (g *gossip) close() {
	if g.lane != nil {
		g.lane.close()
	}
	for _, s := range g.subs {
		s.Cancel()
	}
	for _, t := range g.topics {
		_ = t.Close()
	}
}

// validator is the topic validator of kind: rate limits first (cheapest),
// then ValidateAnnouncement. Rate-limited messages are ignored, not
// rejected, so an honest relay of a noisy author is not penalised by
// gossipsub's peer scoring; malformed ones are rejected.
func (g *gossip) validator(kind types.AnnouncementKind) pubsub.ValidatorEx {
	return func(_ context.Context, src peer.ID, msg *pubsub.Message) pubsub.ValidationResult {
		local := src == g.n.host.ID()
		if !local {
			if !g.relays.allow(src) || !g.authors.allow(msg.GetFrom()) {
				g.n.counters.reject(RejectRateLimited)
				return pubsub.ValidationIgnore
			}
		}
		ann, err := ValidateAnnouncement(g.n.cfg.ChainID, kind, msg.Data)
		if err != nil {
			if !local {
				var rej *RejectError
				if errors.As(err, &rej) {
					g.n.counters.reject(rej.Reason)
				}
				g.n.logger.Debug("gossip message rejected", "from", msg.GetFrom().String(), "via", src.String(), "err", err)
			}
			return pubsub.ValidationReject
		}
		ann.From = msg.GetFrom()
		msg.ValidatorData = ann
		if !local {
			g.n.counters.received.Add(1)
		}
		return pubsub.ValidationAccept
	}
}

// read delivers the validated messages of one subscription until it ends.
func (g *gossip) read(sub *pubsub.Subscription) {
	for {
		msg, err := sub.Next(g.n.ctx)
		if err != nil {
			return
		}
		ann, ok := msg.ValidatorData.(Announcement)
		if !ok {
			continue
		}
		g.n.deliver(ann, msg.ReceivedFrom == g.n.host.ID())
	}
}

func (g *gossip) publish(ctx context.Context, kind types.AnnouncementKind, postID uint64, height int64, cids []cid.Cid) error {
	msgs, err := encodeAnnouncements(g.n.cfg.ChainID, kind, postID, height, cids)
	if err != nil {
		return err
	}
	for _, m := range msgs {
		if err := g.topics[kind].Publish(ctx, m); err != nil {
			return fmt.Errorf("publish on %s: %w", g.topics[kind].String(), err)
		}
		g.n.counters.published.Add(1)
	}
	return nil
}

// deliver hands an announcement to Subscribe readers and to the event
// stream, and prefetches announced content from others under pin policy all.
func (n *Node) deliver(ann Announcement, local bool) {
	n.subs.publish(ann)
	_ = n.stream.Publish(EventAnnounced, ann)
	if !local && n.cfg.PinPolicy == PinPolicyAll {
		n.prefetch.fetch(ann.CIDs)
	}
}

// AnnounceContent publishes cids on the content topic so peers prefetch them
// before a post references them. With gossip disabled it does nothing.
func (n *Node) AnnounceContent(ctx context.Context, cids ...cid.Cid) error {
	if n.gossip == nil || len(cids) == 0 {
		return nil
	}
	return n.gossip.publish(ctx, types.KindContent, 0, 0, cids)
}

// AnnouncePost publishes a committed post, its height and the CIDs it
// references on the posts topic. With gossip disabled it does nothing.
func (n *Node) AnnouncePost(ctx context.Context, postID uint64, height int64, cids ...cid.Cid) error {
	if n.gossip == nil {
		return nil
	}
	if postID == 0 || height <= 0 {
		return fmt.Errorf("announce post: need a post id and a positive height, got %d at %d", postID, height)
	}
	return n.gossip.publish(ctx, types.KindPost, postID, height, cids)
}

// Subscribe returns a channel of every validated announcement this node
// receives or publishes, until ctx is done or the node closes (the channel is
// then closed). A reader that falls more than a buffer behind misses
// announcements; Stats counts them as SubscriberDrops.
func (n *Node) Subscribe(ctx context.Context) <-chan Announcement {
	return n.subs.subscribe(ctx)
}

// announcementHub fans announcements out to Subscribe channels.
type announcementHub = fanout[Announcement]

func newAnnouncementHub() *announcementHub { return newFanout[Announcement](64) }

// fanout sends values to many subscriber channels without ever blocking the
// sender: a full channel misses the value, and drops counts it.
type fanout[T any] struct {
	buf    int
	mu     sync.Mutex
	subs   map[chan T]struct{}
	closed bool
	drops  atomic.Uint64
}

func newFanout[T any](buf int) *fanout[T] {
	return &fanout[T]{buf: buf, subs: map[chan T]struct{}{}}
}

func (f *fanout[T]) subscribe(ctx context.Context) <-chan T {
	ch := make(chan T, f.buf)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		close(ch)
		return ch
	}
	f.subs[ch] = struct{}{}
	context.AfterFunc(ctx, func() { f.remove(ch) })
	return ch
}

func (f *fanout[T]) remove(ch chan T) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.subs[ch]; ok {
		delete(f.subs, ch)
		close(ch)
	}
}

func (f *fanout[T]) publish(v T) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch := range f.subs {
		select {
		case ch <- v:
		default:
			f.drops.Add(1)
		}
	}
}

func (f *fanout[T]) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.closed = true
	for ch := range f.subs {
		close(ch)
	}
	f.subs = nil
}

// peerLimiter is a token bucket per peer. It remembers a bounded number of
// peers (least recently seen forgotten first), so a flood of new peer ids
// cannot grow it without bound.
type peerLimiter struct {
	limit rate.Limit
	burst int
	mu    sync.Mutex
	peers *lru.Cache[peer.ID, *rate.Limiter]
}

const maxLimitedPeers = 4096

func newPeerLimiter(limit rate.Limit, burst int) *peerLimiter {
	c, _ := lru.New[peer.ID, *rate.Limiter](maxLimitedPeers) // errors only for size <= 0
	return &peerLimiter{limit: limit, burst: burst, peers: c}
}

func (l *peerLimiter) allow(p peer.ID) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.peers.Get(p)
	if !ok {
		lim = rate.NewLimiter(l.limit, l.burst)
		l.peers.Add(p, lim)
	}
	return lim.AllowN(time.Now(), 1)
}

// prefetcher fetches announced content in the background, at most
// Config.FetchConcurrency DAGs at once; announcements beyond that are
// skipped rather than queued, since the pin queue fetches what gets pinned.
type prefetcher struct {
	n      *Node
	slots  chan struct{}
	mu     sync.Mutex
	recent *lru.Cache[cid.Cid, struct{}] // started recently: not again
}

func newPrefetcher(n *Node) *prefetcher {
	recent, _ := lru.New[cid.Cid, struct{}](4096)
	return &prefetcher{n: n, slots: make(chan struct{}, n.cfg.FetchConcurrency), recent: recent}
}

func (p *prefetcher) fetch(cids []cid.Cid) {
	for _, c := range cids {
		p.mu.Lock()
		seen := p.recent.Contains(c)
		if !seen {
			p.recent.Add(c, struct{}{})
		}
		p.mu.Unlock()
		if seen {
			p.n.counters.prefetchesSkipped.Add(1)
			continue
		}
		select {
		case p.slots <- struct{}{}:
		default:
			p.n.counters.prefetchesSkipped.Add(1)
			p.mu.Lock()
			p.recent.Remove(c) // not started: a later announcement may try again
			p.mu.Unlock()
			continue
		}
		started := p.n.goroutine(func() {
			defer func() { <-p.slots }()
			if err := p.n.fetchDAG(p.n.ctx, c); err != nil && p.n.ctx.Err() == nil {
				p.n.logger.Debug("prefetch failed", "cid", c.String(), "err", err)
			}
		})
		if !started {
			<-p.slots
			return
		}
		p.n.counters.prefetches.Add(1)
	}
}
