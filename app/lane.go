package app

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"cosmossdk.io/log/v2"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/p2p"
	messagesabci "github.com/socialchain/socialchain/x/messages/abci"
	messageskeeper "github.com/socialchain/socialchain/x/messages/keeper"
	messagespool "github.com/socialchain/socialchain/x/messages/pool"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	settlementabci "github.com/socialchain/socialchain/x/settlement/abci"
)

// LanePoolDir is where a node keeps its message pool, under its data dir.
const LanePoolDir = "lane-pool"

// openLanePool opens the node's message pool in <home>/data, or in memory
// when the app has no home (codec-only and in-process test apps).
func openLanePool(homePath, chainID string) *messagespool.Pool {
	dir := ""
	if homePath != "" {
		dir = filepath.Join(homePath, "data", LanePoolDir)
	}
	p, err := messagespool.Open(dir, chainID, messagestypes.MessageBytesCeiling, messagespool.DefaultLimit)
	if err != nil {
		panic(err)
	}
	return p
}

// laneListener takes each committed block's lane messages out of the pool.
type laneListener struct{ handler *messagesabci.Handler }

var _ storetypes.ABCIListener = (*laneListener)(nil)

func (l *laneListener) ListenFinalizeBlock(ctx context.Context, req abci.RequestFinalizeBlock, _ abci.ResponseFinalizeBlock) error {
	_, rest, err := settlementabci.SplitInjected(req.Txs)
	if err != nil {
		return nil
	}
	l.handler.Finalized(sdk.UnwrapSDKContext(ctx), &req, rest)
	return nil
}

func (l *laneListener) ListenCommit(context.Context, abci.ResponseCommit, []*storetypes.StoreKVPair) error {
	l.handler.Committed()
	return nil
}

// Gossip of accepted lane messages: bundled, so a saturated node publishes
// tens of gossip messages per second instead of thousands.
const (
	laneGossipFlushEvery = 50 * time.Millisecond
	laneGossipMaxBundle  = 512
	laneGossipMaxBytes   = 512 << 10
)

// laneGossip bundles accepted messages and publishes them on the lane topic.
// It owns one goroutine, stopped by Close.
type laneGossip struct {
	node   *p2p.Node
	logger log.Logger

	mu      sync.Mutex
	pending [][]byte
	size    int
	kick    chan struct{}
	stop    chan struct{}
	done    chan struct{}
}

func newLaneGossip(node *p2p.Node, logger log.Logger) *laneGossip {
	g := &laneGossip{node: node, logger: logger, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go g.run()
	return g
}

// BroadcastMessages queues raw messages for the next bundle; it never blocks
// on the network.
func (g *laneGossip) BroadcastMessages(raw [][]byte) {
	g.mu.Lock()
	for _, r := range raw {
		g.pending = append(g.pending, r)
		g.size += len(r)
	}
	full := len(g.pending) >= laneGossipMaxBundle || g.size >= laneGossipMaxBytes
	g.mu.Unlock()
	if full {
		select {
		case g.kick <- struct{}{}:
		default:
		}
	}
}

func (g *laneGossip) run() {
	defer close(g.done)
	tick := time.NewTicker(laneGossipFlushEvery)
	defer tick.Stop()
	for {
		select {
		case <-g.stop:
			return
		case <-tick.C:
		case <-g.kick:
		}
		g.flush()
	}
}

func (g *laneGossip) flush() {
	g.mu.Lock()
	pending := g.pending
	g.pending, g.size = nil, 0
	g.mu.Unlock()
	for len(pending) > 0 {
		n, size := 0, 0
		for n < len(pending) && n < laneGossipMaxBundle && size < laneGossipMaxBytes {
			size += len(pending[n])
			n++
		}
		// The bundle is a MessageBatch without the block prefix.
		bundle := messagesabci.AppendMessageBatch(nil, pending[:n])
		if err := g.node.PublishLane(context.Background(), bundle); err != nil {
			g.logger.Debug("publishing lane messages", "count", n, "err", err)
		}
		pending = pending[n:]
	}
}

// Close stops the bundling goroutine; queued messages are dropped (they are
// in the pool, and the proposer includes them without gossip).
func (g *laneGossip) Close() {
	close(g.stop)
	<-g.done
}

// attachLaneGossip connects the lane to the content node's gossip: accepted
// messages are published, and messages from peers are validated against
// the latest state like a submit before gossipsub forwards them.
func (app *SocialApp) attachLaneGossip(node *p2p.Node) {
	g := newLaneGossip(node, app.Logger().With("module", "lane-gossip"))
	app.laneGossip = g
	app.lane.SetBroadcaster(g)
	node.SetLaneHandler(func(bundle []byte) p2p.LaneVerdict {
		var batch messagestypes.MessageBatch
		if err := batch.Unmarshal(bundle); err != nil || len(batch.Messages) == 0 {
			return p2p.LaneVerdict{Forged: true}
		}
		raw := make([][]byte, len(batch.Messages))
		for i := range batch.Messages {
			bz, err := batch.Messages[i].Marshal()
			if err != nil {
				return p2p.LaneVerdict{Forged: true}
			}
			raw[i] = bz
		}
		ctx, err := app.CreateQueryContext(0, false)
		if err != nil {
			return p2p.LaneVerdict{Refused: len(raw)}
		}
		results, forged := app.lane.Accept(ctx, raw, true)
		var v p2p.LaneVerdict
		v.Forged = forged
		for _, r := range results {
			if r.Accepted {
				v.Accepted++
			} else {
				v.Refused++
			}
		}
		return v
	})
}

var _ messageskeeper.Broadcaster = (*laneGossip)(nil)

// Close stops the content announcer and the lane's gossip, closes the
// BaseApp's stores and then the message pool.
func (app *SocialApp) Close() error {
	app.content.close()
	if app.laneGossip != nil {
		app.laneGossip.Close()
	}
	err := app.BaseApp.Close()
	return errors.Join(err, app.lane.Pool().Close())
}

// LanePool returns the node's message pool.
func (app *SocialApp) LanePool() *messagespool.Pool { return app.lane.Pool() }

// LaneHandler returns the lane's proposal handler.
func (app *SocialApp) LaneHandler() *messagesabci.Handler { return app.messagesABCI }

// l1Settlement tells the lane's status query which checkpoint on the L1
// covers a height. What the L1 holds comes from this node's relayer (none:
// nothing reads as settled); which heights a checkpoint covers comes from
// the chain's checkpoints.
type l1Settlement struct {
	app *SocialApp
	// lastOnL1 returns the newest checkpoint number the L1 holds.
	lastOnL1 atomic.Pointer[func() uint64]
}

var _ messageskeeper.SettlementView = (*l1Settlement)(nil)

// SetL1LastCheckpoint installs the relayer's reading of the newest
// checkpoint on the L1, which makes included lane messages settle.
func (app *SocialApp) SetL1LastCheckpoint(f func() uint64) { app.settled.lastOnL1.Store(&f) }

// SettledCheckpoint returns the first checkpoint on the L1 whose height is
// at or after height: its app hash covers every state written by then.
func (s *l1Settlement) SettledCheckpoint(ctx context.Context, height int64) (uint64, bool) {
	f := s.lastOnL1.Load()
	if f == nil {
		return 0, false
	}
	last := (*f)()
	if last == 0 {
		return 0, false
	}
	heightOf := func(n uint64) (int64, bool) {
		cp, err := s.app.SettlementKeeper.GetCheckpoint(ctx, n)
		if err != nil {
			return 0, false
		}
		return cp.Checkpoint.Height, true
	}
	if h, ok := heightOf(last); !ok || h < height {
		return 0, false
	}
	// Checkpoint heights grow with their numbers: binary search.
	lo, hi := uint64(1), last
	for lo < hi {
		mid := lo + (hi-lo)/2
		if h, ok := heightOf(mid); ok && h >= height {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, true
}

// FinalizeBlock adds the block's lane events to the response, ahead of
// the other block-level events, and pins the block's content. A full
// block carries tens of thousands of lane events: the SDK would copy each
// to mark it for indexing (formatting every attribute's name) and
// CometBFT's block indexer would then index every attribute, together
// more than a tenth of the node's CPU. So the lane emits them on its own
// event manager and they reach CometBFT unindexed: receipts in state
// answer lookups by hash (messages status), and websocket subscribers
// still receive every event. Transaction events are untouched.
func (app *SocialApp) FinalizeBlock(req *abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error) {
	app.laneEvents = nil
	res, err := app.BaseApp.FinalizeBlock(req)
	lane := app.laneEvents
	app.laneEvents = nil
	if err != nil || res == nil {
		return res, err
	}
	res.Events = append(lane, res.Events...)
	if err := app.content.ListenFinalizeBlock(context.Background(), *req, *res); err != nil {
		app.Logger().Error("pinning the block's content", "height", req.Height, "err", err)
	}
	return res, nil
}
