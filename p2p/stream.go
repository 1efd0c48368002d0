package p2p

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// Event names on the stream.
const (
	// EventAnnounced carries an Announcement received (or published) on
	// gossip: the content or post is known but not final.
	EventAnnounced = "announced"
	// EventFinal is for committed posts; the application publishes it.
	EventFinal = "final"
)

// streamKeepAlive is how often an idle stream gets an SSE comment, so
// proxies and clients keep the connection open.
const streamKeepAlive = 15 * time.Second

// StreamEvent is one event of the stream: an increasing id, a name and a
// JSON payload.
type StreamEvent struct {
	ID    uint64
	Event string
	Data  json.RawMessage
}

// StreamHub fans named events out to server-sent-event clients. Publish
// never blocks: a client more than a buffer behind misses events (it can
// notice from the gap in ids).
type StreamHub struct {
	seq  atomic.Uint64
	subs *fanout[StreamEvent]
}

// NewStreamHub returns an empty hub.
func NewStreamHub() *StreamHub { return &StreamHub{subs: newFanout[StreamEvent](256)} }

// Publish sends data, encoded as JSON, to every client as event.
func (h *StreamHub) Publish(event string, data any) error {
	if event == "" || strings.ContainsAny(event, "\r\n") {
		return fmt.Errorf("stream: invalid event name %q", event)
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("stream: encode %s event: %w", event, err)
	}
	h.subs.publish(StreamEvent{ID: h.seq.Add(1), Event: event, Data: raw})
	return nil
}

// Subscribe returns a channel of events until ctx is done or the hub closes.
func (h *StreamHub) Subscribe(ctx context.Context) <-chan StreamEvent { return h.subs.subscribe(ctx) }

// Close ends every subscription.
func (h *StreamHub) Close() { h.subs.close() }

// ServeHTTP streams events as text/event-stream until the client leaves or
// the hub closes. `?events=announced,final` limits the stream to those
// names. Each event is
//
//	id: 42
//	event: announced
//	data: {"kind":"content","chain_id":"…","cids":["…"],"from":"12D3…"}
//
// followed by a blank line; idle streams get a ": keep-alive" comment.
func (h *StreamHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var only map[string]bool
	if q := r.URL.Query().Get("events"); q != "" {
		only = map[string]bool{}
		for _, e := range strings.Split(q, ",") {
			only[strings.TrimSpace(e)] = true
		}
	}
	rc := http.NewResponseController(w)
	// A stream outlives any server write timeout; lift it if the server has one.
	_ = rc.SetWriteDeadline(time.Time{})

	events := h.Subscribe(r.Context())
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Connection", "keep-alive")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, ": connected\n\n"); err != nil {
		return
	}
	if err := rc.Flush(); err != nil {
		return
	}

	tick := time.NewTicker(streamKeepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case ev, ok := <-events:
			if !ok {
				return
			}
			if only != nil && !only[ev.Event] {
				continue
			}
			_, err = fmt.Fprintf(w, "id: %d\nevent: %s\ndata: %s\n\n", ev.ID, ev.Event, ev.Data)
		case <-tick.C:
			_, err = fmt.Fprint(w, ": keep-alive\n\n")
		}
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			return
		}
	}
}
