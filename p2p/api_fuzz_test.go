package p2p

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/stretchr/testify/require"
)

// fuzzBlobLimit keeps uploads small, so fuzzing also reaches the 413 path.
const fuzzBlobLimit = 4 << 10

// newFuzzAPI is the content API of a fresh node with a 4 KiB blob limit,
// served in-process (no listener: each request is a ServeHTTP call).
func newFuzzAPI(f *testing.F) (*Node, http.Handler) {
	n := newTestNode(f, func(c *Config) { c.MaxBlobSize = fuzzBlobLimit })
	api, err := NewContentAPI(n)
	require.NoError(f, err)
	return n, api.Handler()
}

// requireAPIError asserts the content API's error shape: JSON with a gRPC
// code and a message.
func requireAPIError(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"), rec.Body.String())
	var e ErrorResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e), rec.Body.String())
	require.NotZero(t, e.Code, rec.Body.String())
	require.NotEmpty(t, e.Message)
}

// multipartBody is a form with a text field and the file data, and its
// Content-Type.
func multipartBody(tb testing.TB, data []byte) (string, []byte) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	require.NoError(tb, mw.WriteField("note", "ignored"))
	fw, err := mw.CreateFormFile("file", "photo.jpg")
	require.NoError(tb, err)
	_, err = fw.Write(data)
	require.NoError(tb, err)
	require.NoError(tb, mw.Close())
	return mw.FormDataContentType(), buf.Bytes()
}

// FuzzContentUpload posts arbitrary bodies with arbitrary Content-Types to
// the upload route, as any HTTP client may: the answer is 200, 400 or 413,
// errors have the API's JSON shape, and an accepted upload is stored
// whole: the node serves Size bytes at the returned CID, the body itself
// when it was not multipart.
func FuzzContentUpload(f *testing.F) {
	n, h := newFuzzAPI(f)
	f.Add("application/octet-stream", []byte("hello, content"))
	f.Add("", []byte{})
	f.Add("application/octet-stream", bytes.Repeat([]byte{0xab}, fuzzBlobLimit+1))
	ct, body := multipartBody(f, []byte("a small photo"))
	f.Add(ct, body)
	f.Add(ct, body[:len(body)/2])
	f.Add("multipart/form-data", body)
	f.Add("multipart/form-data; boundary=x", []byte("--x\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--x--\r\n"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		req := httptest.NewRequest(http.MethodPost, BlobsPath, bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			requireAPIError(t, rec)
			return
		default:
			t.Fatalf("upload answered %d: %s", rec.Code, rec.Body)
		}
		var up UploadResponse
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &up))
		c, err := cid.Decode(up.CID)
		require.NoError(t, err)
		stored := catBytes(t, n, c)
		require.EqualValues(t, up.Size, len(stored))
		require.LessOrEqual(t, up.Size, int64(fuzzBlobLimit))
		if mediaType, _, _ := mime.ParseMediaType(contentType); !strings.HasPrefix(mediaType, "multipart/") {
			require.Equal(t, body, stored)
		}
	})
}

// FuzzContentPinsRequest sends arbitrary pin CIDs and pins-listing query
// strings, as any HTTP client may: a pin status is 200 only for the pinned
// CID, 404 for a valid unpinned one, otherwise 400; a listing is 200 or
// 400; errors have the API's JSON shape, and a listed page holds valid
// CIDs within the page limit and a next_key that decodes.
func FuzzContentPinsRequest(f *testing.F) {
	n, h := newFuzzAPI(f)
	pinned := addBytes(f, n, []byte("pinned content"))
	require.NoError(f, n.Pin(context.Background(), pinned, 1))
	unpinned := addBytes(f, n, []byte("unpinned content"))
	f.Add(pinned.String(), "")
	f.Add(unpinned.String(), "pagination.limit=1")
	f.Add("not-a-cid", "pagination.limit=0")
	f.Add("", "pagination.limit=-5&pagination.key=%%")
	f.Add("bafkqaaa", "pagination.key="+base64.StdEncoding.EncodeToString([]byte(pinned.KeyString())))
	f.Add("Qm", "pagination.key=a+b/c==&pagination.limit=99999999999999999999")
	f.Fuzz(func(t *testing.T, cidParam, query string) {
		// Pin status.
		req, err := http.NewRequest(http.MethodGet, PinsPath+"/"+url.PathEscape(cidParam), nil)
		require.NoError(t, err)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			var got struct{ Pin PinJSON }
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
			require.Equal(t, pinned.String(), got.Pin.CID)
		case http.StatusNotFound:
			requireAPIError(t, rec)
			// A "/" in the CID makes the path match no route at all.
			if cidParam != "" && !strings.Contains(cidParam, "/") {
				c, err := cid.Decode(cidParam)
				require.NoError(t, err, "404 only for a valid CID")
				require.NotEqual(t, pinned, c)
			}
		case http.StatusBadRequest:
			requireAPIError(t, rec)
			_, err := cid.Decode(cidParam)
			require.Error(t, err, "400 only for an invalid CID")
		case http.StatusMovedPermanently:
			// gorilla/mux cleans paths with dot segments by redirecting.
		default:
			t.Fatalf("pin status of %q answered %d: %s", cidParam, rec.Code, rec.Body)
		}

		// Listing.
		req, err = http.NewRequest(http.MethodGet, PinsPath+"?"+query, nil)
		if err != nil {
			return // not a URL any client could send
		}
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			var page PinsResponse
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &page))
			require.LessOrEqual(t, len(page.Pins), MaxPinsPageSize)
			for _, p := range page.Pins {
				_, err := cid.Decode(p.CID)
				require.NoError(t, err)
			}
			if page.Pagination.NextKey != "" {
				_, err := decodeBase64(page.Pagination.NextKey)
				require.NoError(t, err)
			}
		case http.StatusBadRequest:
			requireAPIError(t, rec)
		default:
			t.Fatalf("pins listing ?%s answered %d: %s", query, rec.Code, rec.Body)
		}
	})
}
