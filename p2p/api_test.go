package p2p

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
)

const apiTestLimit = 1 << 20

// newAPIServer serves the content API of a fresh node with a 1 MiB limit.
func newAPIServer(t *testing.T) (*Node, *httptest.Server) {
	t.Helper()
	n := newTestNode(t, func(c *Config) { c.MaxBlobSize = apiTestLimit })
	api, err := NewContentAPI(n)
	require.NoError(t, err)
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	return n, srv
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func postRaw(t *testing.T, url string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+BlobsPath, body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/octet-stream")
	return do(t, req)
}

func postMultipart(t *testing.T, url string, data []byte) (*http.Response, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	require.NoError(t, mw.WriteField("note", "ignored"))
	fw, err := mw.CreateFormFile("file", "photo.jpg")
	require.NoError(t, err)
	_, err = fw.Write(data)
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	req, err := http.NewRequest(http.MethodPost, url+BlobsPath, &buf)
	require.NoError(t, err)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return do(t, req)
}

// hideLength hides a reader's length so the request goes out chunked and
// only streaming enforcement can catch it.
type hideLength struct{ r io.Reader }

func (h hideLength) Read(p []byte) (int, error) { return h.r.Read(p) }

func TestUploadReturnsCIDAndServesIt(t *testing.T) {
	n, srv := newAPIServer(t)
	for _, tc := range []struct {
		name   string
		upload func(*testing.T, string, []byte) (*http.Response, []byte)
	}{
		{"raw body", func(t *testing.T, url string, d []byte) (*http.Response, []byte) {
			return postRaw(t, url, bytes.NewReader(d))
		}},
		{"multipart file", postMultipart},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := randomBytes(t, apiTestLimit) // exactly the limit
			resp, body := tc.upload(t, srv.URL, data)
			require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
			var up UploadResponse
			require.NoError(t, json.Unmarshal(body, &up))
			require.EqualValues(t, len(data), up.Size)
			c, err := cid.Decode(up.CID)
			require.NoError(t, err)
			require.Equal(t, data, catBytes(t, n, c))

			got, resp := get(t, srv.URL+"/ipfs/"+up.CID, "")
			require.Equal(t, http.StatusOK, resp.StatusCode)
			require.Equal(t, data, got)
		})
	}
}

func TestOversizedUploadIs413NamingTheLimit(t *testing.T) {
	n, srv := newAPIServer(t)
	over := randomBytes(t, apiTestLimit+1)
	for _, tc := range []struct {
		name   string
		upload func() (*http.Response, []byte)
	}{
		{"raw body with a Content-Length over the limit", func() (*http.Response, []byte) {
			return postRaw(t, srv.URL, bytes.NewReader(over))
		}},
		{"chunked raw body that streams past the limit", func() (*http.Response, []byte) {
			return postRaw(t, srv.URL, hideLength{bytes.NewReader(over)})
		}},
		{"multipart file over the limit", func() (*http.Response, []byte) {
			return postMultipart(t, srv.URL, over)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := blockCount(t, n)
			resp, body := tc.upload()
			require.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, string(body))
			require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			var e ErrorResponse
			require.NoError(t, json.Unmarshal(body, &e))
			require.EqualValues(t, apiTestLimit, e.MaxBlobSize)
			require.Equal(t, codes.ResourceExhausted, e.Code)
			require.Contains(t, e.Message, "1048576 bytes (1 MiB)")
			require.Equal(t, before, blockCount(t, n), "nothing stored")
		})
	}
}

func TestErrorsHaveTheGatewayShape(t *testing.T) {
	_, srv := newAPIServer(t)
	for _, tc := range []struct {
		name, method, path string
		status             int
		code               codes.Code
		message            string
	}{
		{"unknown route is 404 NotFound", http.MethodGet, "/socialchain/content/v1/nope", http.StatusNotFound, codes.NotFound, "no content API route for GET /socialchain/content/v1/nope"},
		{"wrong method is 405 Unimplemented", http.MethodDelete, PinsPath, http.StatusMethodNotAllowed, codes.Unimplemented, "DELETE is not allowed"},
		{"bad pagination is 400 InvalidArgument", http.MethodGet, PinsPath + "?pagination.limit=-1", http.StatusBadRequest, codes.InvalidArgument, "pagination.limit must be a positive integer"},
		{"unpinned CID is 404 NotFound", http.MethodGet, PinsPath + "/bafkqaaa", http.StatusNotFound, codes.NotFound, "is not pinned"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			require.NoError(t, err)
			resp, body := do(t, req)
			require.Equal(t, tc.status, resp.StatusCode, string(body))
			require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			var raw map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(body, &raw))
			require.JSONEq(t, "[]", string(raw["details"]), "details is an empty list, not absent")
			var e ErrorResponse
			require.NoError(t, json.Unmarshal(body, &e))
			require.Equal(t, tc.code, e.Code)
			require.Contains(t, e.Message, tc.message)
		})
	}
}

func TestMalformedCIDIs400(t *testing.T) {
	_, srv := newAPIServer(t)
	for _, path := range []string{
		"/ipfs/not-a-cid",
		"/ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5",
		"/ipfs/bafy!!/file.txt",
		PinsPath + "/not-a-cid",
	} {
		t.Run(path, func(t *testing.T) {
			body, resp := get(t, srv.URL+path, "")
			require.Equal(t, http.StatusBadRequest, resp.StatusCode, string(body))
			var e ErrorResponse
			require.NoError(t, json.Unmarshal(body, &e))
			require.Equal(t, codes.InvalidArgument, e.Code)
			require.Contains(t, e.Message, "invalid CID")
		})
	}
}

func TestPinsEndpoints(t *testing.T) {
	n, srv := newAPIServer(t)
	ctx := context.Background()
	var cids []cid.Cid
	for i := range 3 {
		c := addBytes(t, n, []byte{byte(i), 1})
		require.NoError(t, n.Pin(ctx, c, 5))
		cids = append(cids, c)
	}

	var seen []string
	key := ""
	for range 4 {
		body, resp := get(t, srv.URL+PinsPath+"?pagination.limit=2&pagination.key="+url.QueryEscape(key), "")
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		var page PinsResponse
		require.NoError(t, json.Unmarshal(body, &page))
		for _, p := range page.Pins {
			require.EqualValues(t, 5, p.FirstSeenHeight)
			seen = append(seen, p.CID)
		}
		if page.Pagination.NextKey == "" {
			break
		}
		key = page.Pagination.NextKey
	}
	require.Len(t, seen, 3)

	eventually(t, func() bool {
		body, resp := get(t, srv.URL+PinsPath+"/"+cids[0].String(), "")
		return resp.StatusCode == http.StatusOK && strings.Contains(string(body), `"state":"pinned"`)
	}, "pin status never pinned")

	unknown := addBytes(t, n, []byte("not pinned"))
	body, resp := get(t, srv.URL+PinsPath+"/"+unknown.String(), "")
	require.Equal(t, http.StatusNotFound, resp.StatusCode, string(body))

	body, resp = get(t, srv.URL+PinsPath+"?pagination.limit=-1", "")
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, string(body))
}

func TestNodeInfoEndpoint(t *testing.T) {
	n, srv := newAPIServer(t)
	body, resp := get(t, srv.URL+NodePath, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var info NodeInfo
	require.NoError(t, json.Unmarshal(body, &info))
	require.Equal(t, n.ID().String(), info.PeerID)
	require.NotEmpty(t, info.Addrs)
	require.Contains(t, info.Addrs[0], "/p2p/"+n.ID().String())
}

// sseEvent is one parsed server-sent event.
type sseEvent struct{ id, event, data string }

// readSSE parses events from r into the returned channel.
func readSSE(r io.Reader) <-chan sseEvent {
	out := make(chan sseEvent, 16)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(r)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.event != "" {
					out <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "id: "):
				ev.id = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "event: "):
				ev.event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return out
}

func TestStreamSendsAnnouncedAndFinalEvents(t *testing.T) {
	n, srv := newAPIServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+StreamPath, nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	events := readSSE(resp.Body)

	next := func() sseEvent {
		select {
		case ev, ok := <-events:
			require.True(t, ok, "stream ended")
			return ev
		case <-time.After(deadline):
			t.Fatal("no event before the deadline")
			return sseEvent{}
		}
	}

	// An upload is announced on gossip; the node's own announcement reaches
	// its stream.
	r, body := postRaw(t, srv.URL, strings.NewReader("hello stream"))
	require.Equal(t, http.StatusOK, r.StatusCode, string(body))
	var up UploadResponse
	require.NoError(t, json.Unmarshal(body, &up))
	ev := next()
	require.Equal(t, EventAnnounced, ev.event)
	var ann struct {
		Kind string   `json:"kind"`
		CIDs []string `json:"cids"`
		From string   `json:"from"`
	}
	require.NoError(t, json.Unmarshal([]byte(ev.data), &ann))
	require.Equal(t, "content", ann.Kind)
	require.Equal(t, []string{up.CID}, ann.CIDs)
	require.Equal(t, n.ID().String(), ann.From)

	require.NoError(t, n.Stream().Publish(EventFinal, map[string]any{"post_id": 7, "height": 12}))
	ev = next()
	require.Equal(t, EventFinal, ev.event)
	require.JSONEq(t, `{"post_id":7,"height":12}`, ev.data)
	require.Error(t, n.Stream().Publish("bad\nname", 1))
}

// A CID no peer provides is answered with 504 once gateway-timeout passes,
// in the gateway shape, saying that no peer provided it; nothing waits for
// the much longer fetch-timeout.
func TestUnknownCIDIs504AfterGatewayTimeout(t *testing.T) {
	n := newTestNode(t, func(c *Config) {
		c.GatewayTimeout = 200 * time.Millisecond
		c.FetchTimeout = time.Hour
	})
	api, err := NewContentAPI(n)
	require.NoError(t, err)
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)

	unknown, err := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: 0x12 /* sha2-256 */, MhLength: -1}.Sum(randomBytes(t, 64))
	require.NoError(t, err)
	for _, accept := range []string{"", "application/vnd.ipld.raw"} {
		t.Run("accept "+accept, func(t *testing.T) {
			body, resp := get(t, srv.URL+IPFSPrefix+unknown.String(), accept)
			require.Equal(t, http.StatusGatewayTimeout, resp.StatusCode, string(body))
			require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			var e ErrorResponse
			require.NoError(t, json.Unmarshal(body, &e), string(body))
			require.Equal(t, codes.DeadlineExceeded, e.Code)
			require.Equal(t, "no peer provided "+unknown.String()+" within 200ms ([p2p] gateway-timeout): this node lacks the content and none of its peers sent it", e.Message)
		})
	}
}
