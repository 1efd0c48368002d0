package p2p

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"

	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/peer"
)

// LaneTopic is the gossipsub topic of lane messages: bundles of signed
// social messages that nodes accepted into their pools.
func LaneTopic(chainID string) string { return "/socialchain/" + chainID + "/lane/1" }

// MaxLaneBundleSize bounds one lane gossip message; it is also the transport
// cap of gossipsub (pubsubMaxMessageSize).
const MaxLaneBundleSize = pubsubMaxMessageSize

// LaneVerdict is what the app's lane made of a gossiped bundle.
type LaneVerdict struct {
	// Accepted and Refused count the bundle's messages the pool took and
	// refused by a rule of the state (an honest peer may see other state).
	Accepted, Refused int
	// Forged says the bundle held bytes no honest peer forwards: undecodable
	// or badly signed messages. The bundle is rejected, which gossipsub
	// holds against the peer.
	Forged bool
}

// LaneHandler validates a gossiped bundle of lane messages and takes the
// valid ones into the pool.
type LaneHandler func(bundle []byte) LaneVerdict

// LaneStats are the lane gossip counters of a node since it started.
type LaneStats struct {
	// Published counts bundles this node published.
	Published uint64 `json:"published"`
	// Accepted and Refused count messages from peers, by outcome.
	Accepted uint64 `json:"accepted"`
	Refused  uint64 `json:"refused"`
	// Forged counts rejected bundles; Oversize those over MaxLaneBundleSize.
	Forged   uint64 `json:"forged"`
	Oversize uint64 `json:"oversize"`
}

type laneGossip struct {
	topic   *pubsub.Topic
	sub     *pubsub.Subscription
	handler atomic.Pointer[LaneHandler]

	published, accepted, refused, forged, oversize atomic.Uint64
}

func (g *gossip) joinLane() error {
	name := LaneTopic(g.n.cfg.ChainID)
	lane := &laneGossip{}
	// Not inline: a bundle takes milliseconds to validate against the state,
	// so bundles are validated in parallel, one per core.
	if err := g.ps.RegisterTopicValidator(name, lane.validator(g.n), pubsub.WithValidatorConcurrency(runtime.GOMAXPROCS(0))); err != nil {
		return fmt.Errorf("register validator of %s: %w", name, err)
	}
	t, err := g.ps.Join(name)
	if err != nil {
		return fmt.Errorf("join %s: %w", name, err)
	}
	// Subscribing makes this node part of the topic's mesh; the messages
	// themselves reach the pool in the validator.
	sub, err := t.Subscribe(pubsub.WithBufferSize(64))
	if err != nil {
		_ = t.Close()
		return fmt.Errorf("subscribe %s: %w", name, err)
	}
	lane.topic, lane.sub = t, sub
	g.lane = lane
	g.n.goroutine(func() {
		for {
			if _, err := sub.Next(g.n.ctx); err != nil {
				return
			}
		}
	})
	return nil
}

func (l *laneGossip) validator(n *Node) pubsub.ValidatorEx {
	return func(_ context.Context, src peer.ID, msg *pubsub.Message) pubsub.ValidationResult {
		if src == n.host.ID() {
			return pubsub.ValidationAccept // our own bundle: validated at submit
		}
		if len(msg.Data) > MaxLaneBundleSize {
			l.oversize.Add(1)
			return pubsub.ValidationReject
		}
		h := l.handler.Load()
		if h == nil {
			return pubsub.ValidationIgnore // the app has not attached its lane yet
		}
		v := (*h)(msg.Data)
		l.accepted.Add(uint64(v.Accepted))
		l.refused.Add(uint64(v.Refused))
		switch {
		case v.Forged:
			l.forged.Add(1)
			n.logger.Debug("lane bundle rejected", "from", msg.GetFrom().String(), "via", src.String())
			return pubsub.ValidationReject
		case v.Accepted == 0:
			// Nothing new for us (already pending, or refused by our state):
			// not worth forwarding, not the peer's fault.
			return pubsub.ValidationIgnore
		default:
			return pubsub.ValidationAccept
		}
	}
}

// SetLaneHandler installs the app's validation of gossiped lane bundles.
func (n *Node) SetLaneHandler(h LaneHandler) {
	if n.gossip == nil || n.gossip.lane == nil {
		return
	}
	n.gossip.lane.handler.Store(&h)
}

// PublishLane publishes a bundle of lane messages (a MessageBatch). With
// gossip disabled it does nothing.
func (n *Node) PublishLane(ctx context.Context, bundle []byte) error {
	if n.gossip == nil || n.gossip.lane == nil {
		return nil
	}
	if len(bundle) > MaxLaneBundleSize {
		return fmt.Errorf("lane bundle of %d bytes, limit %d", len(bundle), MaxLaneBundleSize)
	}
	if err := n.gossip.lane.topic.Publish(ctx, bundle); err != nil {
		return fmt.Errorf("publish on %s: %w", n.gossip.lane.topic.String(), err)
	}
	n.gossip.lane.published.Add(1)
	return nil
}

// LaneStats returns the lane gossip counters.
func (n *Node) LaneStats() LaneStats {
	if n.gossip == nil || n.gossip.lane == nil {
		return LaneStats{}
	}
	l := n.gossip.lane
	return LaneStats{
		Published: l.published.Load(), Accepted: l.accepted.Load(), Refused: l.refused.Load(),
		Forged: l.forged.Load(), Oversize: l.oversize.Load(),
	}
}

func (l *laneGossip) close() {
	l.sub.Cancel()
	_ = l.topic.Close()
}
