package app

import (
	"context"
	"sync"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/ipfs/go-cid"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/p2p"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

const (
	testCIDv0 = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"
	testCIDv1 = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
)

// fakePeer records what the content service asks of the IPFS peer. With
// hold set, AnnouncePost reports on started and waits for release.
type fakePeer struct {
	stream   *p2p.StreamHub
	hold     bool
	started  chan uint64
	release  chan struct{}
	announce chan uint64

	mu   sync.Mutex
	pins map[int64][]cid.Cid
}

func newFakePeer() *fakePeer {
	return &fakePeer{
		stream:   p2p.NewStreamHub(),
		started:  make(chan uint64, 16),
		release:  make(chan struct{}),
		announce: make(chan uint64, 16),
		pins:     map[int64][]cid.Cid{},
	}
}

func (p *fakePeer) PinCIDs(_ context.Context, height int64, cids []cid.Cid) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pins[height] = append(p.pins[height], cids...)
	return nil
}

func (p *fakePeer) AnnouncePost(ctx context.Context, postID uint64, _ int64, _ ...cid.Cid) error {
	if p.hold {
		p.started <- postID
		select {
		case <-p.release:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	p.announce <- postID
	return nil
}

func (p *fakePeer) Stream() *p2p.StreamHub { return p.stream }

func (p *fakePeer) pinned(height int64) []cid.Cid {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.pins[height]
}

// nextAnnounced returns the id of the next announced post.
func (p *fakePeer) nextAnnounced(t *testing.T) uint64 {
	t.Helper()
	select {
	case id := <-p.announce:
		return id
	case <-time.After(5 * time.Second):
		t.Fatal("no post announced")
		return 0
	}
}

// typedEvent encodes ev as the SDK's event manager does.
func typedEvent(t *testing.T, ev proto.Message) abci.Event {
	t.Helper()
	e, err := sdk.TypedEventToEvent(ev)
	require.NoError(t, err)
	return abci.Event(e)
}

func postCreated(t *testing.T, id uint64, cids ...string) abci.Event {
	return typedEvent(t, &poststypes.EventPostCreated{ID: id, Author: "social1author", RootID: id, CIDs: cids})
}

// blockMode marks a block-level event as the SDK does.
func blockMode(ev abci.Event, mode string) abci.Event {
	ev.Attributes = append(ev.Attributes, abci.EventAttribute{Key: "mode", Value: mode})
	return ev
}

func mustCIDs(t *testing.T, strs ...string) []cid.Cid {
	out := make([]cid.Cid, len(strs))
	for i, s := range strs {
		c, err := cid.Decode(s)
		require.NoError(t, err)
		out[i] = c
	}
	return out
}

func startTestContentService(t *testing.T, peer contentPeer, queueSize int) *contentService {
	c := newContentService(log.NewNopLogger(), queueSize)
	c.attach(peer)
	t.Cleanup(c.close)
	return c
}

func finalize(t *testing.T, c *contentService, height int64, res abci.ResponseFinalizeBlock) {
	t.Helper()
	require.NoError(t, c.ListenFinalizeBlock(context.Background(), abci.RequestFinalizeBlock{Height: height}, res))
}

// TestCollectBlockContent checks which events of a finalized block are
// pinned and which posts are announced.
func TestCollectBlockContent(t *testing.T) {
	cases := []struct {
		name      string
		res       abci.ResponseFinalizeBlock
		wantPins  []string
		wantPosts []uint64
	}{
		{
			name:      "a post created in a block-level event is pinned and announced",
			res:       abci.ResponseFinalizeBlock{Events: []abci.Event{blockMode(postCreated(t, 7, testCIDv0), "PreBlock")}},
			wantPins:  []string{testCIDv0},
			wantPosts: []uint64{7},
		},
		{
			name: "a post created in a tx is pinned and announced",
			res: abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{
				{Events: []abci.Event{postCreated(t, 8, testCIDv0, testCIDv1)}},
			}},
			wantPins:  []string{testCIDv0, testCIDv1},
			wantPosts: []uint64{8},
		},
		{
			name: "posts without CIDs are neither pinned nor announced",
			res: abci.ResponseFinalizeBlock{
				Events:    []abci.Event{blockMode(postCreated(t, 9), "PreBlock")},
				TxResults: []*abci.ExecTxResult{{Events: []abci.Event{postCreated(t, 10)}}},
			},
		},
		{
			name: "a failed tx's posts are ignored",
			res: abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{
				{Code: 5, Events: []abci.Event{postCreated(t, 11, testCIDv0)}},
			}},
		},
		{
			name: "an edit's CIDs are pinned, and the edit is not announced",
			res: abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{
				{Events: []abci.Event{typedEvent(t, &poststypes.EventPostEdited{ID: 3, Version: 1, CIDs: []string{testCIDv1}})}},
			}},
			wantPins: []string{testCIDv1},
		},
		{
			name: "a profile's avatar and banner are pinned when it is created or updated, and not announced",
			res: abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{
				{Events: []abci.Event{typedEvent(t, &profilestypes.EventProfileCreated{Owner: "social1owner", Handle: "alice", CIDs: []string{testCIDv0, testCIDv1}})}},
				{Events: []abci.Event{typedEvent(t, &profilestypes.EventProfileUpdated{Owner: "social1owner", Handle: "alice", UpdatedFields: []string{"avatar_cid"}, CIDs: []string{testCIDv1}})}},
			}},
			wantPins: []string{testCIDv0, testCIDv1, testCIDv1},
		},
		{
			name: "events that reference no content pin nothing",
			res: abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{
				{Events: []abci.Event{typedEvent(t, &profilestypes.EventProfileCreated{Owner: "social1owner", Handle: "bob"})}},
				{Events: []abci.Event{typedEvent(t, &profilestypes.EventProfileDeleted{Owner: "social1owner", Handle: "bob"})}},
			}},
		},
		{
			name: "block-level and tx posts of one block are all collected",
			res: abci.ResponseFinalizeBlock{
				Events:    []abci.Event{blockMode(postCreated(t, 12, testCIDv0), "PreBlock"), blockMode(postCreated(t, 13), "PreBlock")},
				TxResults: []*abci.ExecTxResult{{Events: []abci.Event{postCreated(t, 14, testCIDv1)}}, nil},
			},
			wantPins:  []string{testCIDv0, testCIDv1},
			wantPosts: []uint64{12, 14},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := collectBlockContent(42, &tc.res)
			require.Equal(t, len(tc.wantPins), len(got.pins))
			if len(tc.wantPins) > 0 {
				require.Equal(t, mustCIDs(t, tc.wantPins...), got.pins)
			}
			var ids []uint64
			for _, p := range got.posts {
				require.Equal(t, int64(42), p.Height)
				require.NotEmpty(t, p.CIDs)
				ids = append(ids, p.ID)
			}
			require.Equal(t, tc.wantPosts, ids)
		})
	}
}

// TestListenFinalizeBlockAnnouncesOffTheBlockPath drives the service
// through blocks: block-level posts are pinned and announced, posts
// without CIDs are not announced, and the final event reaches the stream.
func TestListenFinalizeBlockAnnouncesOffTheBlockPath(t *testing.T) {
	peer := newFakePeer()
	c := startTestContentService(t, peer, 16)
	events := peer.stream.Subscribe(t.Context())

	finalize(t, c, 5, abci.ResponseFinalizeBlock{
		Events: []abci.Event{blockMode(postCreated(t, 1), "PreBlock"), blockMode(postCreated(t, 2, testCIDv0), "PreBlock")},
	})
	require.Equal(t, mustCIDs(t, testCIDv0), peer.pinned(5), "pins are recorded before ListenFinalizeBlock returns")
	// One goroutine announces in queue order, so post 2 coming first
	// shows that post 1, without CIDs, was never queued.
	require.Equal(t, uint64(2), peer.nextAnnounced(t))
	select {
	case ev := <-events:
		require.Equal(t, p2p.EventFinal, ev.Event)
		require.JSONEq(t, `{"post_id":2,"height":5,"cids":["`+testCIDv0+`"]}`, string(ev.Data))
	case <-time.After(5 * time.Second):
		t.Fatal("no final event on the stream")
	}

	finalize(t, c, 6, abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{
		{Events: []abci.Event{postCreated(t, 3)}},
		{Events: []abci.Event{postCreated(t, 4, testCIDv1)}},
	}})
	require.Equal(t, uint64(4), peer.nextAnnounced(t))
	require.Empty(t, peer.announce)
}

// TestFullAnnounceQueueDropsAnnouncementsNotPins fills the queue while the
// announcer is stuck: the overflow is dropped and counted, FinalizeBlock
// does not wait, and every CID is still pinned.
func TestFullAnnounceQueueDropsAnnouncementsNotPins(t *testing.T) {
	peer := newFakePeer()
	peer.hold = true
	c := startTestContentService(t, peer, 1)

	finalize(t, c, 7, abci.ResponseFinalizeBlock{Events: []abci.Event{postCreated(t, 1, testCIDv0)}})
	select {
	case id := <-peer.started:
		require.Equal(t, uint64(1), id)
	case <-time.After(5 * time.Second):
		t.Fatal("the announcer did not take post 1")
	}
	// Post 1 is being announced; post 2 fills the queue of one; 3 and 4 overflow.
	finalize(t, c, 8, abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{{Events: []abci.Event{
		postCreated(t, 2, testCIDv0), postCreated(t, 3, testCIDv1), postCreated(t, 4, testCIDv0, testCIDv1),
	}}}})
	require.Equal(t, uint64(2), c.announcer.Load().dropped.Load())
	require.Equal(t, mustCIDs(t, testCIDv0, testCIDv1, testCIDv0, testCIDv1), peer.pinned(8), "a full queue loses no pin")

	close(peer.release)
	require.Equal(t, uint64(1), peer.nextAnnounced(t))
	require.Equal(t, uint64(2), peer.nextAnnounced(t))
	c.close()
	require.Empty(t, peer.announce, "dropped posts are not announced")
}

// TestContentServiceCloseStopsTheAnnouncer checks that close ends the
// goroutine even while an announcement is in flight, and that later blocks
// are ignored.
func TestContentServiceCloseStopsTheAnnouncer(t *testing.T) {
	peer := newFakePeer()
	peer.hold = true
	c := startTestContentService(t, peer, 4)
	finalize(t, c, 9, abci.ResponseFinalizeBlock{Events: []abci.Event{postCreated(t, 1, testCIDv0)}})
	<-peer.started

	done := make(chan struct{})
	go func() {
		c.close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("close did not stop the announcer")
	}
	finalize(t, c, 10, abci.ResponseFinalizeBlock{Events: []abci.Event{postCreated(t, 2, testCIDv1)}})
	require.Empty(t, peer.pinned(10))
}

// discardPeer accepts everything and does nothing.
type discardPeer struct{ stream *p2p.StreamHub }

func (discardPeer) PinCIDs(context.Context, int64, []cid.Cid) error               { return nil }
func (discardPeer) AnnouncePost(context.Context, uint64, int64, ...cid.Cid) error { return nil }
func (p discardPeer) Stream() *p2p.StreamHub                                      { return p.stream }

// BenchmarkListenFinalizeBlock is the block-path cost of a block of 900
// posts in txs, one in ten with an attachment: what FinalizeBlock waits
// for.
func BenchmarkListenFinalizeBlock(b *testing.B) {
	c := newContentService(log.NewNopLogger(), announceQueueSize)
	c.attach(discardPeer{stream: p2p.NewStreamHub()})
	defer c.close()
	var res abci.ResponseFinalizeBlock
	for i := range 900 {
		ev := &poststypes.EventPostCreated{ID: uint64(i + 1), Author: "social1author", RootID: uint64(i + 1)}
		if i%10 == 0 {
			ev.CIDs = []string{testCIDv1}
		}
		e, err := sdk.TypedEventToEvent(ev)
		require.NoError(b, err)
		res.TxResults = append(res.TxResults, &abci.ExecTxResult{Events: []abci.Event{abci.Event(e)}})
	}
	req := abci.RequestFinalizeBlock{Height: 1}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.ListenFinalizeBlock(context.Background(), req, res); err != nil {
			b.Fatal(err)
		}
	}
}
