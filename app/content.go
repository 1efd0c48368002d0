package app

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"sync/atomic"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ipfs/go-cid"
	"google.golang.org/grpc/codes"

	"cosmossdk.io/log/v2"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/socialchain/socialchain/internal/resterr"
	"github.com/socialchain/socialchain/p2p"
)

// Event types whose "cids" attribute lists content a committed tx references.
var pinnedEventTypes = map[string]bool{
	"socialchain.posts.v1.EventPostCreated":       true,
	"socialchain.posts.v1.EventPostEdited":        true,
	"socialchain.profiles.v1.EventProfileCreated": true,
	"socialchain.profiles.v1.EventProfileUpdated": true,
}

const postCreatedEvent = "socialchain.posts.v1.EventPostCreated"

// contentService connects the chain to the node's IPFS peer: it serves the
// content API on the REST server and, after each block, pins the CIDs the
// block's posts and profiles reference and announces new posts. The peer is
// attached once `start` has brought it up; until then (and on nodes with
// [p2p] enable = false) the content routes answer 503.
type contentService struct {
	node   atomic.Pointer[p2p.Node]
	api    atomic.Pointer[p2p.ContentAPI]
	logger log.Logger
}

var _ storetypes.ABCIListener = (*contentService)(nil)

// AttachContentNode makes node the app's content peer.
func (app *SocialApp) AttachContentNode(node *p2p.Node) error {
	api, err := p2p.NewContentAPI(node)
	if err != nil {
		return err
	}
	app.content.api.Store(api)
	app.content.node.Store(node)
	return nil
}

// ServeHTTP routes content requests to the attached node's API.
func (c *contentService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	api := c.api.Load()
	if api == nil {
		resterr.Error(w, http.StatusServiceUnavailable, codes.Unavailable, "the content node is not running: enable [p2p] in app.toml and restart")
		return
	}
	api.Handler().ServeHTTP(unwrappable(w), r)
}

// unwrappable lets http.ResponseController reach the connection's real
// ResponseWriter. CometBFT's RPC server, which the SDK's REST server runs
// on, wraps every writer in a type that can neither Flush nor Unwrap, so
// the event stream could never flush; its exported embedded ResponseWriter
// field is the writer underneath.
func unwrappable(w http.ResponseWriter) http.ResponseWriter {
	if _, ok := w.(http.Flusher); ok {
		return w
	}
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return w
	}
	field := v.Elem().FieldByName("ResponseWriter")
	if !field.IsValid() || !field.CanInterface() {
		return w
	}
	inner, ok := field.Interface().(http.ResponseWriter)
	if !ok {
		return w
	}
	return unwrapWriter{ResponseWriter: w, inner: inner}
}

type unwrapWriter struct {
	http.ResponseWriter
	inner http.ResponseWriter
}

// Unwrap implements the interface http.ResponseController looks for.
func (u unwrapWriter) Unwrap() http.ResponseWriter { return u.inner }

// ListenFinalizeBlock pins and announces the content of a finalized
// block. It only enqueues work: fetching happens in the node's workers, so
// a slow IPFS network never slows the chain.
func (c *contentService) ListenFinalizeBlock(ctx context.Context, req abci.RequestFinalizeBlock, res abci.ResponseFinalizeBlock) error {
	node := c.node.Load()
	if node == nil {
		return nil
	}
	var all []cid.Cid
	for _, result := range res.TxResults {
		if result.Code != 0 {
			continue
		}
		for _, ev := range result.Events {
			if !pinnedEventTypes[ev.Type] {
				continue
			}
			cids := eventCIDs(ev)
			all = append(all, cids...)
			if ev.Type == postCreatedEvent {
				c.announcePost(ctx, node, ev, req.Height, cids)
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	if err := node.PinCIDs(ctx, req.Height, all); err != nil {
		c.logger.Error("queueing pins", "height", req.Height, "err", err)
	}
	return nil
}

// ListenCommit is not needed: pins are queued at FinalizeBlock.
func (c *contentService) ListenCommit(context.Context, abci.ResponseCommit, []*storetypes.StoreKVPair) error {
	return nil
}

func (c *contentService) announcePost(ctx context.Context, node *p2p.Node, ev abci.Event, height int64, cids []cid.Cid) {
	id, ok := eventUint(ev, "id")
	if !ok {
		return
	}
	if err := node.Stream().Publish(p2p.EventFinal, map[string]any{"post_id": id, "height": height, "cids": cidStrings(cids)}); err != nil {
		c.logger.Debug("publishing final post", "post_id", id, "err", err)
	}
	if err := node.AnnouncePost(ctx, id, height, cids...); err != nil {
		c.logger.Debug("announcing post", "post_id", id, "err", err)
	}
}

// eventCIDs decodes the JSON "cids" attribute of a typed event, skipping
// anything that does not parse (the chain already validated them).
func eventCIDs(ev abci.Event) []cid.Cid {
	var out []cid.Cid
	for _, attr := range ev.Attributes {
		if attr.Key != "cids" {
			continue
		}
		var strs []string
		if err := json.Unmarshal([]byte(attr.Value), &strs); err != nil {
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

// eventUint decodes a uint64 attribute; typed events encode it as a JSON string.
func eventUint(ev abci.Event, key string) (uint64, bool) {
	for _, attr := range ev.Attributes {
		if attr.Key != key {
			continue
		}
		var s string
		if err := json.Unmarshal([]byte(attr.Value), &s); err != nil {
			return 0, false
		}
		n, err := strconv.ParseUint(s, 10, 64)
		return n, err == nil
	}
	return 0, false
}

func cidStrings(cids []cid.Cid) []string {
	out := make([]string, len(cids))
	for i, c := range cids {
		out[i] = c.String()
	}
	return out
}

// relayerStatus serves GET /socialchain/settlement/v1/l1-status: what
// this node's embedded relayer last saw on the L1. It is node-local (each
// relayer reports its own view), not chain state.
type relayerStatus struct {
	status atomic.Pointer[func() any]
}

// SetRelayerStatus installs the embedded relayer's status reader.
func (app *SocialApp) SetRelayerStatus(f func() any) { app.relayer.status.Store(&f) }

func (rs *relayerStatus) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	f := rs.status.Load()
	if f == nil {
		resterr.Error(w, http.StatusNotFound, codes.NotFound, "this node runs no relayer: set [settlement] relay = true in app.toml")
		return
	}
	resterr.Write(w, http.StatusOK, (*f)())
}
