package p2p

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"github.com/ipfs/boxo/gateway"
	"github.com/ipfs/go-cid"
	"google.golang.org/grpc/codes"

	"github.com/socialchain/socialchain/internal/resterr"
	"github.com/socialchain/socialchain/internal/textrules"
)

// Routes of the content API.
const (
	BlobsPath  = "/socialchain/content/v1/blobs"
	PinsPath   = "/socialchain/content/v1/pins"
	StreamPath = "/socialchain/content/v1/stream"
	NodePath   = "/socialchain/content/v1/node"
	IPFSPrefix = "/ipfs/"
)

// Pagination of the pins listing.
const (
	DefaultPinsPageSize = 100
	MaxPinsPageSize     = 1000
)

// multipartOverhead is what a multipart upload may carry besides the file
// (boundaries, part headers, small form fields).
const multipartOverhead = 1 << 20

// ContentAPI serves a Node over HTTP: uploads, pins, the event stream and the
// IPFS gateway. Mount it on the node's REST router with Register.
type ContentAPI struct {
	node    *Node
	gateway http.Handler
}

// NewContentAPI builds the API of node, with boxo's gateway handler over the
// node's block service (raw blocks, CAR, and deserialized UnixFS files).
func NewContentAPI(node *Node) (*ContentAPI, error) {
	backend, err := gateway.NewBlocksBackend(node.blockService)
	if err != nil {
		return nil, fmt.Errorf("gateway backend: %w", err)
	}
	gw := gateway.NewHandler(gateway.Config{
		DeserializedResponses: true,
		NoDNSLink:             true,
		DisableHTMLErrors:     true,
		RetrievalTimeout:      node.cfg.GatewayTimeout,
		MaxConcurrentRequests: 1024,
	}, backend)
	return &ContentAPI{node: node, gateway: gw}, nil
}

// Register mounts the routes on r:
//
//	POST /socialchain/content/v1/blobs        upload (raw body or multipart "file")
//	GET  /socialchain/content/v1/pins         pins, ?pagination.key=&pagination.limit=
//	GET  /socialchain/content/v1/pins/{cid}   one pin
//	GET  /socialchain/content/v1/stream       server-sent events
//	GET  /socialchain/content/v1/node         peer id, addresses, peers, gossip counters
//	GET  /ipfs/{cid}[/path]                   IPFS gateway
//
// Register them before any catch-all route (the SDK's grpc-gateway mounts
// one on "/" when the API server starts).
func (a *ContentAPI) Register(r *mux.Router) {
	r.HandleFunc(BlobsPath, a.upload).Methods(http.MethodPost)
	r.HandleFunc(PinsPath, a.listPins).Methods(http.MethodGet)
	r.HandleFunc(PinsPath+"/{cid}", a.pinStatus).Methods(http.MethodGet)
	r.Handle(StreamPath, a.node.stream).Methods(http.MethodGet)
	r.HandleFunc(NodePath, a.nodeInfo).Methods(http.MethodGet)
	r.PathPrefix(IPFSPrefix).HandlerFunc(a.ipfs).Methods(http.MethodGet, http.MethodHead)
}

// Handler returns a router with only the content API, for serving it alone.
func (a *ContentAPI) Handler() http.Handler {
	r := mux.NewRouter()
	a.Register(r)
	// gorilla's defaults answer plain text.
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no content API route for %s %s", r.Method, r.URL.Path)
	})
	r.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusMethodNotAllowed, "%s is not allowed on %s", r.Method, r.URL.Path)
	})
	return r
}

// Stream is the hub the stream endpoint serves (the node's).
func (a *ContentAPI) Stream() *StreamHub { return a.node.stream }

// UploadResponse is the body of a successful upload.
type UploadResponse struct {
	CID  string `json:"cid"`
	Size int64  `json:"size"`
}

// ErrorResponse is the body of every error of the content API: the
// gRPC-gateway error shape the node's other REST routes answer with (the
// IPFS gateway keeps its own plain-text errors past CID validation).
type ErrorResponse struct {
	resterr.Body
	// MaxBlobSize is set on 413 responses.
	MaxBlobSize int64 `json:"max_blob_size,omitempty"`
}

func (a *ContentAPI) upload(w http.ResponseWriter, r *http.Request) {
	limit := a.node.cfg.MaxBlobSize
	tooLarge := func() {
		resterr.Write(w, http.StatusRequestEntityTooLarge, ErrorResponse{
			Body:        resterr.New(codes.ResourceExhausted, (&BlobTooLargeError{Limit: limit}).Error()),
			MaxBlobSize: limit,
		})
	}

	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	body := &readErrRecorder{}
	if strings.HasPrefix(mediaType, "multipart/") {
		r.Body = http.MaxBytesReader(w, r.Body, limit+multipartOverhead)
		mr, err := r.MultipartReader()
		if err != nil {
			writeError(w, http.StatusBadRequest, "multipart upload: %v", err)
			return
		}
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				writeError(w, http.StatusBadRequest, "multipart upload has no file part (use the form field \"file\")")
				return
			}
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				tooLarge()
				return
			}
			if err != nil {
				writeError(w, http.StatusBadRequest, "multipart upload: %v", err)
				return
			}
			if part.FormName() == "file" || part.FileName() != "" {
				body.r = part
				break
			}
			part.Close()
		}
	} else {
		if r.ContentLength > limit {
			tooLarge()
			return
		}
		body.r = r.Body
	}

	c, size, err := a.node.AddFile(r.Context(), body)
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, ErrBlobTooLarge), errors.As(err, &mbe):
		tooLarge()
		return
	case err != nil && body.err != nil:
		writeError(w, http.StatusBadRequest, "reading upload: %v", body.err)
		return
	case err != nil:
		a.node.logger.Error("import upload", "err", err)
		writeError(w, http.StatusInternalServerError, "import upload: %v", err)
		return
	}
	if err := a.node.AnnounceContent(r.Context(), c); err != nil {
		a.node.logger.Info("announce upload", "cid", c.String(), "err", err)
	}
	writeJSON(w, http.StatusOK, UploadResponse{CID: c.String(), Size: size})
}

// readErrRecorder remembers a read error of the request body, to tell a
// client's broken upload (400) from a storage failure (500).
type readErrRecorder struct {
	r   io.Reader
	err error
}

func (b *readErrRecorder) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

// PinJSON is a pin record in API responses.
type PinJSON struct {
	CID             string    `json:"cid"`
	State           PinState  `json:"state"`
	Attempts        int       `json:"attempts"`
	LastError       string    `json:"last_error,omitempty"`
	FirstSeenHeight int64     `json:"first_seen_height"`
	UpdatedAt       time.Time `json:"updated_at"`
}

func pinJSON(r PinRecord) PinJSON {
	return PinJSON{
		CID: r.CID.String(), State: r.State, Attempts: r.Attempts, LastError: r.LastError,
		FirstSeenHeight: r.FirstSeenHeight, UpdatedAt: r.UpdatedAt,
	}
}

// PinsResponse is a page of pins. NextKey (base64, like the SDK's
// pagination) goes in pagination.key to get the next page; it is empty on
// the last one.
type PinsResponse struct {
	Pins       []PinJSON `json:"pins"`
	Pagination struct {
		NextKey string `json:"next_key"`
	} `json:"pagination"`
}

func (a *ContentAPI) listPins(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := DefaultPinsPageSize
	if s := q.Get("pagination.limit"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			writeError(w, http.StatusBadRequest, "pagination.limit must be a positive integer, got %q", s)
			return
		}
		limit = min(v, MaxPinsPageSize)
	}
	var cursor string
	if s := q.Get("pagination.key"); s != "" {
		raw, err := decodeBase64(s)
		if err != nil {
			writeError(w, http.StatusBadRequest, "pagination.key is not base64: %v", err)
			return
		}
		cursor = string(raw)
	}
	recs, next, err := a.node.Pins(r.Context(), cursor, limit)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "list pins: %v", err)
		return
	}
	var resp PinsResponse
	resp.Pins = make([]PinJSON, len(recs))
	for i, rec := range recs {
		resp.Pins[i] = pinJSON(rec)
	}
	if next != "" {
		resp.Pagination.NextKey = base64.StdEncoding.EncodeToString([]byte(next))
	}
	writeJSON(w, http.StatusOK, resp)
}

func (a *ContentAPI) pinStatus(w http.ResponseWriter, r *http.Request) {
	c, ok := parseCIDParam(w, mux.Vars(r)["cid"])
	if !ok {
		return
	}
	rec, err := a.node.PinStatus(r.Context(), c)
	if errors.Is(err, ErrPinNotFound) {
		writeError(w, http.StatusNotFound, "%s is not pinned", c)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "pin status: %v", err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Pin PinJSON `json:"pin"`
	}{pinJSON(rec)})
}

// NodeInfo is the body of GET /socialchain/content/v1/node.
type NodeInfo struct {
	PeerID      string     `json:"peer_id"`
	Addrs       []string   `json:"addrs"`
	Peers       []PeerJSON `json:"peers"`
	PinPolicy   PinPolicy  `json:"pin_policy"`
	MaxBlobSize int64      `json:"max_blob_size"`
	Gossip      Stats      `json:"gossip"`
	// Lane counts the lane message bundles gossiped and what came of them.
	Lane LaneStats `json:"lane"`
}

// PeerJSON is a connected peer in NodeInfo.
type PeerJSON struct {
	ID    string   `json:"id"`
	Addrs []string `json:"addrs"`
}

func (a *ContentAPI) nodeInfo(w http.ResponseWriter, _ *http.Request) {
	n := a.node
	info := NodeInfo{
		PeerID:      n.ID().String(),
		Addrs:       []string{},
		Peers:       []PeerJSON{},
		PinPolicy:   n.cfg.PinPolicy,
		MaxBlobSize: n.cfg.MaxBlobSize,
		Gossip:      n.Stats(),
		Lane:        n.LaneStats(),
	}
	for _, m := range n.P2PAddrs() {
		info.Addrs = append(info.Addrs, m.String())
	}
	for _, p := range n.Peers() {
		pj := PeerJSON{ID: p.ID.String()}
		for _, m := range p.Addrs {
			pj.Addrs = append(pj.Addrs, m.String())
		}
		info.Peers = append(info.Peers, pj)
	}
	writeJSON(w, http.StatusOK, info)
}

// ipfs checks the CID of an /ipfs/ path and hands the request to the gateway.
func (a *ContentAPI) ipfs(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, IPFSPrefix)
	first, _, _ := strings.Cut(rest, "/")
	c, ok := parseCIDParam(w, first)
	if !ok {
		return
	}
	a.gateway.ServeHTTP(&gatewayTimeoutWriter{ResponseWriter: w, cid: c, timeout: a.node.cfg.GatewayTimeout}, r)
}

// gatewayTimeoutWriter turns the gateway's 504, which it sends when no
// block arrived within Config.GatewayTimeout (its RetrievalTimeout), into
// the REST error shape with a message that says so; the gateway's own
// plain-text body is dropped.
type gatewayTimeoutWriter struct {
	http.ResponseWriter
	cid      cid.Cid
	timeout  time.Duration
	replaced bool
}

func (w *gatewayTimeoutWriter) WriteHeader(code int) {
	if code != http.StatusGatewayTimeout {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.replaced = true
	resterr.Error(w.ResponseWriter, http.StatusGatewayTimeout, codes.DeadlineExceeded, fmt.Sprintf(
		"no peer provided %s within %s ([p2p] gateway-timeout): this node lacks the content and none of its peers sent it", w.cid, w.timeout))
}

func (w *gatewayTimeoutWriter) Write(b []byte) (int, error) {
	if w.replaced {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (flush, hijack).
func (w *gatewayTimeoutWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush passes the gateway's streaming flushes through.
func (w *gatewayTimeoutWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func parseCIDParam(w http.ResponseWriter, s string) (cid.Cid, bool) {
	if s == "" {
		writeError(w, http.StatusBadRequest, "missing CID")
		return cid.Undef, false
	}
	c, err := cid.Decode(s)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid CID %q: %v", textrules.Truncate(s, 128), err)
		return cid.Undef, false
	}
	return c, true
}

func decodeBase64(s string) ([]byte, error) {
	// An unescaped "+" in a query string arrives as a space.
	s = strings.ReplaceAll(s, " ", "+")
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("%q", textrules.Truncate(s, 128))
}

func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	resterr.Error(w, status, grpcCode(status), fmt.Sprintf(format, args...))
}

// grpcCode is the gRPC code of the HTTP statuses the content API answers,
// the inverse of the gateway's mapping.
func grpcCode(httpStatus int) codes.Code {
	switch httpStatus {
	case http.StatusBadRequest:
		return codes.InvalidArgument
	case http.StatusNotFound:
		return codes.NotFound
	case http.StatusMethodNotAllowed:
		return codes.Unimplemented
	case http.StatusRequestEntityTooLarge:
		return codes.ResourceExhausted
	case http.StatusServiceUnavailable:
		return codes.Unavailable
	default:
		return codes.Internal
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	resterr.Write(w, status, v)
}
