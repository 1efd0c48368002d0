package app

import (
	"context"
	"sync"
	"sync/atomic"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ipfs/go-cid"

	"cosmossdk.io/log/v2"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/socialchain/socialchain/p2p"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// eventContent are the social modules' readers of the CIDs their typed
// events reference: what a committed block asks its nodes to pin.
var eventContent = []func(abci.Event) ([]string, error){poststypes.EventCIDs, profilestypes.EventCIDs}

// announceQueueSize bounds the post announcements waiting for the
// announcer: about 4.5 s of a 900 posts/s load if every post referenced
// content.
const announceQueueSize = 4096

// contentService connects the chain to the node's IPFS peer: after each
// block, it pins the CIDs the block's posts and profiles reference and
// announces the new posts that reference content. The peer is attached once
// `start` has brought it up (its API is served by rest.ContentRoutes); until
// then, and on nodes with [p2p] enable = false, blocks pin nothing.
type contentService struct {
	announcer atomic.Pointer[postAnnouncer]
	logger    log.Logger
	queueSize int

	mu sync.Mutex // serialises attach and close
}

var _ storetypes.ABCIListener = (*contentService)(nil)

// contentPeer is what the content service needs from the node's IPFS peer
// after a block; *p2p.Node is one.
type contentPeer interface {
	PinCIDs(ctx context.Context, height int64, cids []cid.Cid) error
	AnnouncePost(ctx context.Context, postID uint64, height int64, cids ...cid.Cid) error
	Stream() *p2p.StreamHub
}

func newContentService(logger log.Logger, queueSize int) *contentService {
	return &contentService{logger: logger, queueSize: queueSize}
}

// AttachContentNode makes node the app's content peer.
func (app *SocialApp) AttachContentNode(node *p2p.Node) error {
	api, err := p2p.NewContentAPI(node)
	if err != nil {
		return err
	}
	app.contentRoutes.Attach(api)
	app.content.attach(node)
	app.attachLaneGossip(node)
	return nil
}

// attach sends block content to peer, with an announcer of its own; an
// announcer of an earlier peer is stopped first.
func (c *contentService) attach(peer contentPeer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.announcer.Swap(nil); old != nil {
		old.stop()
	}
	c.announcer.Store(startPostAnnouncer(peer, c.queueSize, c.logger))
}

// close stops the announcer and waits for it; blocks then pin nothing.
// Announcements still queued are not sent.
func (c *contentService) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if a := c.announcer.Swap(nil); a != nil {
		a.stop()
	}
}

// ListenFinalizeBlock pins the content of a finalized block and queues
// the announcements of its new posts; it does no network work. Pins are
// recorded here, before the block commits, because a pin record is what
// survives a restart (p2p.PinQueue resumes pending records; the fetches run
// in its workers). Announcements are best effort: the announcer sends them
// from its own goroutine, and when its queue is full they are dropped,
// counted and logged, so gossip never slows the chain.
func (c *contentService) ListenFinalizeBlock(ctx context.Context, req abci.RequestFinalizeBlock, res abci.ResponseFinalizeBlock) error {
	a := c.announcer.Load()
	if a == nil {
		return nil
	}
	block := collectBlockContent(req.Height, &res)
	if len(block.pins) > 0 {
		if err := a.peer.PinCIDs(ctx, req.Height, block.pins); err != nil {
			c.logger.Error("queueing pins", "height", req.Height, "err", err)
		}
	}
	if dropped := a.enqueue(block.posts); dropped > 0 {
		c.logger.Warn("post announcement queue full; announcements dropped, pins kept",
			"height", req.Height, "dropped", dropped, "dropped_total", a.dropped.Load(), "queue_size", cap(a.queue))
	}
	return nil
}

// ListenCommit is not needed: pins are queued at FinalizeBlock.
func (c *contentService) ListenCommit(context.Context, abci.ResponseCommit, []*storetypes.StoreKVPair) error {
	return nil
}

// blockContent is what a finalized block hands the content peer.
type blockContent struct {
	// pins are the CIDs the block's posts and profiles reference.
	pins []cid.Cid
	// posts are the block's new posts that reference content.
	posts []postAnnouncement
}

// postAnnouncement is a committed post to announce.
type postAnnouncement struct {
	ID     uint64
	Height int64
	CIDs   []cid.Cid
}

// collectBlockContent reads the pins and the posts to announce from the
// block-level events of res (those of the PreBlocker, where the message
// lane applies its messages, and of Begin/EndBlock) and from the events of
// its successful txs. A post that references no CID is neither pinned nor
// announced.
func collectBlockContent(height int64, res *abci.ResponseFinalizeBlock) blockContent {
	var bc blockContent
	bc.add(height, res.Events)
	for _, result := range res.TxResults {
		if result == nil || result.Code != abci.CodeTypeOK {
			continue
		}
		bc.add(height, result.Events)
	}
	return bc
}

func (bc *blockContent) add(height int64, events []abci.Event) {
	for _, ev := range events {
		cids := referencedCIDs(ev)
		if len(cids) == 0 {
			continue
		}
		bc.pins = append(bc.pins, cids...)
		if id, ok := poststypes.CreatedPostID(ev); ok {
			bc.posts = append(bc.posts, postAnnouncement{ID: id, Height: height, CIDs: cids})
		}
	}
}

// referencedCIDs are the CIDs ev references, skipping any that do not
// parse (the chain already validated them).
func referencedCIDs(ev abci.Event) []cid.Cid {
	var out []cid.Cid
	for _, read := range eventContent {
		strs, err := read(ev)
		if err != nil {
			return nil
		}
		for _, s := range strs {
			if c, err := cid.Decode(s); err == nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// postAnnouncer publishes committed posts from a goroutine of its own,
// in the order they were queued: the "final" event on the node's stream
// and the post announcement on gossip. It also holds the peer the blocks'
// pins go to.
type postAnnouncer struct {
	peer   contentPeer
	queue  chan postAnnouncement // never closed: ListenFinalizeBlock may send after stop
	logger log.Logger
	// dropped counts the announcements refused by a full queue.
	dropped atomic.Uint64

	cancel context.CancelFunc
	done   chan struct{}
}

// startPostAnnouncer starts an announcer to peer with a queue of
// queueSize announcements; stop ends it.
func startPostAnnouncer(peer contentPeer, queueSize int, logger log.Logger) *postAnnouncer {
	ctx, cancel := context.WithCancel(context.Background())
	a := &postAnnouncer{
		peer:   peer,
		queue:  make(chan postAnnouncement, queueSize),
		logger: logger,
		cancel: cancel,
		done:   make(chan struct{}),
	}
	go a.run(ctx)
	return a
}

// enqueue queues posts without blocking and returns how many it dropped
// because the queue was full.
func (a *postAnnouncer) enqueue(posts []postAnnouncement) (dropped uint64) {
	for _, p := range posts {
		select {
		case a.queue <- p:
		default:
			dropped++
		}
	}
	if dropped > 0 {
		a.dropped.Add(dropped)
	}
	return dropped
}

// stop ends the goroutine and waits for it.
func (a *postAnnouncer) stop() {
	a.cancel()
	<-a.done
	if n := len(a.queue); n > 0 {
		a.logger.Info("content announcer stopped; queued post announcements not sent", "count", n)
	}
}

func (a *postAnnouncer) run(ctx context.Context) {
	defer close(a.done)
	for {
		select {
		case <-ctx.Done():
			return
		case p := <-a.queue:
			a.announce(ctx, p)
		}
	}
}

func (a *postAnnouncer) announce(ctx context.Context, p postAnnouncement) {
	if err := a.peer.Stream().Publish(p2p.EventFinal, map[string]any{"post_id": p.ID, "height": p.Height, "cids": cidStrings(p.CIDs)}); err != nil {
		a.logger.Debug("publishing final post", "post_id", p.ID, "err", err)
	}
	if err := a.peer.AnnouncePost(ctx, p.ID, p.Height, p.CIDs...); err != nil {
		a.logger.Debug("announcing post", "post_id", p.ID, "err", err)
	}
}

func cidStrings(cids []cid.Cid) []string {
	out := make([]string, len(cids))
	for i, c := range cids {
		out[i] = c.String()
	}
	return out
}
