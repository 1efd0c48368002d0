package p2p

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/stretchr/testify/require"
)

// Upload to A; B, connected to A only, serves the bytes through its gateway,
// fetching them over bitswap.
func TestTwoNodesFetchThroughGatewayOverBitswap(t *testing.T) {
	a := newTestNode(t, nil)
	b := newTestNode(t, func(c *Config) { c.GossipEnabled = false }) // no prefetch: the gateway fetches
	connect(t, b, a.AddrInfo())

	data := randomBytes(t, 3*ChunkSize+17)
	c := addBytes(t, a, data)
	has, err := b.Has(context.Background(), c)
	require.NoError(t, err)
	require.False(t, has)

	api, err := NewContentAPI(b)
	require.NoError(t, err)
	srv := httptest.NewServer(api.Handler())
	defer srv.Close()

	t.Run("deserialized file", func(t *testing.T) {
		body, resp := get(t, srv.URL+"/ipfs/"+c.String(), "")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Equal(t, data, body)
	})
	t.Run("raw block", func(t *testing.T) {
		body, resp := get(t, srv.URL+"/ipfs/"+c.String(), "application/vnd.ipld.raw")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Equal(t, "application/vnd.ipld.raw", resp.Header.Get("Content-Type"))
		got, err := c.Prefix().Sum(body)
		require.NoError(t, err)
		require.Equal(t, c, got, "the raw block hashes to its CID")
	})
	t.Run("CAR", func(t *testing.T) {
		body, resp := get(t, srv.URL+"/ipfs/"+c.String()+"?format=car", "")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Contains(t, resp.Header.Get("Content-Type"), "application/vnd.ipld.car")
		require.Greater(t, len(body), len(data))
	})

	has, err = b.Has(context.Background(), c)
	require.NoError(t, err)
	require.True(t, has, "fetched blocks are kept")
}

func get(t *testing.T, url, accept string) ([]byte, *http.Response) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return body, resp
}

// A pin that could not be fetched before the node stopped is still pending
// after a restart on the same data dir, and completes once a provider is
// connected.
func TestPendingPinsResumeAfterRestart(t *testing.T) {
	provider := newTestNode(t, func(c *Config) { c.GossipEnabled = false })
	data := randomBytes(t, 2*ChunkSize)
	c := addBytes(t, provider, data)

	cfg := testConfig(t.TempDir())
	cfg.GossipEnabled = false
	first, err := New(context.Background(), cfg)
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, first.Pin(ctx, c, 7))
	rec, err := first.PinStatus(ctx, c)
	require.NoError(t, err)
	require.Equal(t, PinPending, rec.State, "nobody has the content yet")
	require.NoError(t, first.Close())

	second := startNode(t, cfg)
	rec, err = second.PinStatus(ctx, c)
	require.NoError(t, err)
	require.Equal(t, PinPending, rec.State)
	require.EqualValues(t, 7, rec.FirstSeenHeight)

	connect(t, second, provider.AddrInfo())
	eventually(t, func() bool {
		rec, err := second.PinStatus(ctx, c)
		return err == nil && rec.State == PinPinned
	}, "resumed pin of %s never completed", c)
	require.Equal(t, data, catBytes(t, second, c))
}

func TestPinFetchesTheWholeDAGFromAPeer(t *testing.T) {
	a := newTestNode(t, func(c *Config) { c.GossipEnabled = false })
	b := newTestNode(t, func(c *Config) { c.GossipEnabled = false })
	connect(t, b, a.AddrInfo())
	data := randomBytes(t, 4*ChunkSize)
	c := addBytes(t, a, data)

	ctx := context.Background()
	require.NoError(t, b.PinCIDs(ctx, 3, []cid.Cid{c}))
	eventually(t, func() bool {
		rec, err := b.PinStatus(ctx, c)
		return err == nil && rec.State == PinPinned
	}, "pin never completed")
	require.NoError(t, a.Close()) // B must not need A any more
	require.Equal(t, data, catBytes(t, b, c))

	require.NoError(t, b.Unpin(ctx, c))
	_, err := b.PinStatus(ctx, c)
	require.ErrorIs(t, err, ErrPinNotFound)
}

func TestPinOfOversizedFileFailsWithoutRetry(t *testing.T) {
	a := newTestNode(t, func(c *Config) { c.GossipEnabled = false })
	b := newTestNode(t, func(c *Config) {
		c.GossipEnabled = false
		c.MaxBlobSize = ChunkSize
	})
	connect(t, b, a.AddrInfo())
	c := addBytes(t, a, randomBytes(t, 3*ChunkSize))

	ctx := context.Background()
	require.NoError(t, b.Pin(ctx, c, 1))
	eventually(t, func() bool {
		rec, err := b.PinStatus(ctx, c)
		return err == nil && rec.State == PinFailed
	}, "oversized pin never failed")
	rec, err := b.PinStatus(ctx, c)
	require.NoError(t, err)
	require.Equal(t, 1, rec.Attempts)
	require.Contains(t, rec.LastError, "over the max blob size")
	require.Equal(t, 1, blockCount(t, b), "only the root was fetched")
}

func TestPinPolicyNoneRecordsNothing(t *testing.T) {
	n := newTestNode(t, func(c *Config) { c.PinPolicy = PinPolicyNone })
	c := addBytes(t, n, []byte("x"))
	require.NoError(t, n.Pin(context.Background(), c, 1))
	_, err := n.PinStatus(context.Background(), c)
	require.ErrorIs(t, err, ErrPinNotFound)
	pins, next, err := n.Pins(context.Background(), "", 10)
	require.NoError(t, err)
	require.Empty(t, pins)
	require.Empty(t, next)
}

func TestPinsArePaginatedInCIDOrder(t *testing.T) {
	n := newTestNode(t, nil)
	ctx := context.Background()
	var want []string
	for i := range 5 {
		c := addBytes(t, n, []byte{byte(i)})
		require.NoError(t, n.Pin(ctx, c, int64(i+1)))
		want = append(want, c.String())
	}
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 5)
		recs, next, err := n.Pins(ctx, cursor, 2)
		require.NoError(t, err)
		require.LessOrEqual(t, len(recs), 2)
		for _, r := range recs {
			got = append(got, r.CID.String())
		}
		if next == "" {
			break
		}
		cursor = next
	}
	require.ElementsMatch(t, want, got)
	require.IsIncreasing(t, got)
}

func TestCloseStopsEverythingAndIsIdempotent(t *testing.T) {
	n, err := New(context.Background(), testConfig(t.TempDir()))
	require.NoError(t, err)
	ch := n.Subscribe(context.Background())
	events := n.Stream().Subscribe(context.Background())
	require.NoError(t, n.Close())
	require.NoError(t, n.Close())
	_, open := <-ch
	require.False(t, open, "Subscribe channels close with the node")
	_, open = <-events
	require.False(t, open, "stream subscriptions close with the node")
}
