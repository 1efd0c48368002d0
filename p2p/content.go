package p2p

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/ipfs/boxo/blockstore"
	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	"github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	ufsio "github.com/ipfs/boxo/ipld/unixfs/io"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
)

// Import settings. They are kubo's `ipfs add` defaults (CIDv0, dag-pb leaves,
// fixed 256 KiB chunks, balanced layout, 174 links per node), so the same
// bytes get the same CID here and in `ipfs add`.
const (
	ChunkSize     = 256 << 10
	LinksPerBlock = 174
)

// ErrBlobTooLarge is returned (wrapped, with the limit) for uploads over
// Config.MaxBlobSize.
var ErrBlobTooLarge = errors.New("blob too large")

// BlobTooLargeError says which limit an upload went over.
type BlobTooLargeError struct{ Limit int64 }

func (e *BlobTooLargeError) Error() string {
	return fmt.Sprintf("blob exceeds the max blob size of %d bytes (%s)", e.Limit, humanBytes(e.Limit))
}

// Is makes errors.Is(err, ErrBlobTooLarge) true.
func (e *BlobTooLargeError) Is(target error) bool { return target == ErrBlobTooLarge }

// AddFile imports the bytes of r as a UnixFS file into the blockstore and
// returns its root CID and the number of bytes read. It reads r as a stream
// and stops with a *BlobTooLargeError as soon as more than
// Config.MaxBlobSize bytes arrive, removing the blocks this import wrote.
// AddFile does not announce or pin; see AnnounceContent and Pin.
func (n *Node) AddFile(ctx context.Context, r io.Reader) (cid.Cid, int64, error) {
	lr := &limitReader{r: r, limit: n.cfg.MaxBlobSize}
	dag := &importDAG{DAGService: n.dag, blocks: n.blocks}
	params := helpers.DagBuilderParams{
		Dagserv:  dag,
		Maxlinks: LinksPerBlock,
	}
	db, err := params.New(chunker.NewSizeSplitter(&ctxReader{ctx: ctx, r: lr}, ChunkSize))
	if err != nil {
		return cid.Undef, 0, err
	}
	root, err := balanced.Layout(db)
	if err != nil {
		// Drop what this import wrote: nothing references it. Blocks that
		// were in the store before the import are not in dag.added.
		rmCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), n.cfg.FetchTimeout)
		defer cancel()
		if rmErr := n.dag.RemoveMany(rmCtx, dag.added); rmErr != nil {
			n.logger.Error("remove blocks of failed import", "err", rmErr)
		}
		return cid.Undef, lr.n, err
	}
	return root.Cid(), lr.n, nil
}

// Cat returns a reader of the UnixFS file (or raw block) at c, fetching
// missing blocks over bitswap from connected peers as it reads. ctx bounds
// the whole read.
func (n *Node) Cat(ctx context.Context, c cid.Cid) (io.ReadCloser, error) {
	getter := merkledag.NewSession(ctx, n.dag)
	root, err := getter.Get(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", c, err)
	}
	r, err := ufsio.NewDagReader(ctx, root, getter)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", c, err)
	}
	return r, nil
}

// Has reports whether the block c is in the local blockstore (it does not
// look at the rest of the DAG or ask the network).
func (n *Node) Has(ctx context.Context, c cid.Cid) (bool, error) {
	return n.blocks.Has(ctx, c)
}

// importDAG records the blocks an import adds that were not stored before,
// so a failed import can remove exactly those.
type importDAG struct {
	ipld.DAGService
	blocks blockstore.Blockstore
	added  []cid.Cid
}

func (d *importDAG) Add(ctx context.Context, nd ipld.Node) error {
	d.record(ctx, nd)
	return d.DAGService.Add(ctx, nd)
}

func (d *importDAG) AddMany(ctx context.Context, nds []ipld.Node) error {
	for _, nd := range nds {
		d.record(ctx, nd)
	}
	return d.DAGService.AddMany(ctx, nds)
}

func (d *importDAG) record(ctx context.Context, nd ipld.Node) {
	if has, err := d.blocks.Has(ctx, nd.Cid()); err == nil && !has {
		d.added = append(d.added, nd.Cid())
	}
}

// limitReader fails with a *BlobTooLargeError once more than limit bytes
// have been read, so an oversized upload is refused while it streams rather
// than after it has been stored.
type limitReader struct {
	r     io.Reader
	limit int64
	n     int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	// Allow one byte past the limit to tell "exactly limit" from "more".
	if max := l.limit + 1 - l.n; int64(len(p)) > max {
		p = p[:max]
	}
	k, err := l.r.Read(p)
	l.n += int64(k)
	if l.n > l.limit {
		l.n = l.limit
		return 0, &BlobTooLargeError{Limit: l.limit}
	}
	return k, err
}

// ctxReader stops a read as soon as ctx is done (a client that went away).
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func humanBytes(b int64) string {
	const unit = 1024
	if b < unit {
		return fmt.Sprintf("%d B", b)
	}
	div, exp := int64(unit), 0
	for x := b / unit; x >= unit; x /= unit {
		div *= unit
		exp++
	}
	v := float64(b) / float64(div)
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %ciB", int64(v), "KMGTPE"[exp])
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTPE"[exp])
}
