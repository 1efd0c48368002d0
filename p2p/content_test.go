package p2p

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The CIDs `ipfs add` (kubo, default settings: CIDv0, 256 KiB chunks,
// balanced layout) gives these inputs; documented in the IPFS docs.
func TestAddFileGivesKuboCIDs(t *testing.T) {
	n := newTestNode(t, nil)
	for _, tc := range []struct {
		name, data, cid string
	}{
		{"empty file", "", "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"},
		{"hello world with newline", "hello world\n", "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := addBytes(t, n, []byte(tc.data))
			require.Equal(t, tc.cid, c.String())
			require.Equal(t, tc.data, string(catBytes(t, n, c)))
		})
	}
}

func TestAddFileRoundTripsMultiChunkFiles(t *testing.T) {
	n := newTestNode(t, nil)
	// 5 chunks and a partial one: the root links leaves.
	data := randomBytes(t, 5*ChunkSize+123)
	c := addBytes(t, n, data)
	require.Equal(t, data, catBytes(t, n, c))
	// Same bytes, same CID; the blocks are not stored twice.
	before := blockCount(t, n)
	require.Equal(t, c, addBytes(t, n, data))
	require.Equal(t, before, blockCount(t, n))
}

func TestAddFileEnforcesMaxBlobSize(t *testing.T) {
	const limit = ChunkSize + 1000 // two chunks
	n := newTestNode(t, func(c *Config) { c.MaxBlobSize = limit })

	t.Run("a blob of exactly the limit is accepted", func(t *testing.T) {
		data := randomBytes(t, limit)
		c := addBytes(t, n, data)
		require.Equal(t, data, catBytes(t, n, c))
	})

	t.Run("one byte over the limit is refused and stores nothing", func(t *testing.T) {
		before := blockCount(t, n)
		_, size, err := n.AddFile(context.Background(), bytes.NewReader(randomBytes(t, limit+1)))
		require.ErrorIs(t, err, ErrBlobTooLarge)
		var tooLarge *BlobTooLargeError
		require.True(t, errors.As(err, &tooLarge))
		require.EqualValues(t, limit, tooLarge.Limit)
		require.Contains(t, err.Error(), "263144 bytes")
		require.EqualValues(t, limit, size)
		require.Equal(t, before, blockCount(t, n), "the first chunk's block must be removed")
	})

	t.Run("a stream far over the limit stops early", func(t *testing.T) {
		r := &countingReader{r: bytes.NewReader(make([]byte, 100*limit))}
		_, _, err := n.AddFile(context.Background(), r)
		require.ErrorIs(t, err, ErrBlobTooLarge)
		require.LessOrEqual(t, r.n, int64(limit+ChunkSize), "read past the limit")
	})
}

func TestHumanBytes(t *testing.T) {
	for in, want := range map[int64]string{
		10: "10 B", 1024: "1 KiB", 32 << 20: "32 MiB", 1536: "1.5 KiB",
	} {
		require.Equal(t, want, humanBytes(in))
	}
	require.True(t, strings.Contains((&BlobTooLargeError{Limit: 32 << 20}).Error(), "33554432 bytes (32 MiB)"))
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	return k, err
}
