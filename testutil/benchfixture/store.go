// Package benchfixture holds what the keeper benchmarks of several modules
// share: a store laid out like a node's application.db (IAVL trees on one
// goleveldb database on disk), fixtures cached between runs under the
// repository's git-ignored .cache/bench-fixtures, the social graph every
// fixture starts from, and per-operation latency percentiles.
//
// It is imported by _test.go files only; nothing in the node links it.
package benchfixture

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	"github.com/cosmos/cosmos-sdk/store/v2/rootmulti"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Store is a commit multistore of IAVL trees on a goleveldb database in
// Dir/application.db, opened with the node's defaults: the app.toml IAVL
// cache size, fast nodes on, no pruning (a node's "default" strategy keeps
// the last 362880 heights, which prunes nothing on a fixture's few hundred).
type Store struct {
	Dir string
	DB  *dbm.GoLevelDB
	CMS *rootmulti.Store
}

// Open opens (or creates) the store in dir with an IAVL tree per key.
func Open(dir string, keys ...storetypes.StoreKey) (*Store, error) {
	db, err := dbm.NewGoLevelDB("application", dir, nil)
	if err != nil {
		return nil, err
	}
	cms := rootmulti.NewStore(db, log.NewNopLogger())
	cms.SetIAVLCacheSize(int(serverconfig.DefaultConfig().IAVLCacheSize))
	for _, k := range keys {
		cms.MountStoreWithDB(k, storetypes.StoreTypeIAVL, nil)
	}
	if err := cms.LoadLatestVersion(); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{Dir: dir, DB: db, CMS: cms}, nil
}

// Close closes the database; uncommitted writes are lost.
func (s *Store) Close() error {
	return s.DB.Close()
}

// BlockTime is the header time of block height: Genesis plus
// BlockInterval per height.
func BlockTime(height int64) time.Time {
	return Genesis.Add(time.Duration(height) * BlockInterval)
}

// WriteContext returns a context for the next block that writes straight
// into the IAVL trees; Commit saves what it wrote. Fixture builders use
// it: a block's cache layers change nothing that ends up on disk.
func (s *Store) WriteContext() sdk.Context {
	h := s.CMS.LatestVersion() + 1
	return sdk.NewContext(s.CMS, cmtproto.Header{Height: h, Time: BlockTime(h)}, false, log.NewNopLogger())
}

// Commit saves a new version of every tree, as a block's commit does.
func (s *Store) Commit() storetypes.CommitID {
	return s.CMS.Commit()
}

// BlockContext returns a context for the next block over a cache of the
// committed state, as a block's transactions run on; its writes are
// dropped with the context, so a benchmark can deliver messages without
// changing the cached fixture.
func (s *Store) BlockContext() sdk.Context {
	h := s.CMS.LatestVersion() + 1
	return sdk.NewContext(s.CMS.CacheMultiStore(), cmtproto.Header{Height: h, Time: BlockTime(h)}, false, log.NewNopLogger())
}

// QueryContext returns a context over the latest committed version, as a
// node serves gRPC and REST queries.
func (s *Store) QueryContext() (sdk.Context, error) {
	v := s.CMS.LatestVersion()
	cache, err := s.CMS.CacheMultiStoreWithVersion(v)
	if err != nil {
		return sdk.Context{}, err
	}
	return sdk.NewContext(cache, cmtproto.Header{Height: v, Time: BlockTime(v)}, true, log.NewNopLogger()), nil
}

// CompactedBytes opens the database of the fixture in dir, compacts all of
// it, closes it and returns its DirBytes. A node never asks for this:
// goleveldb compacts in the background as levels fill, which is what
// DirBytes sees right after a build.
func CompactedBytes(dir string) (int64, error) {
	db, err := dbm.NewGoLevelDB("application", dir, nil)
	if err != nil {
		return 0, err
	}
	if err := db.ForceCompact(nil, nil); err != nil {
		db.Close()
		return 0, err
	}
	if err := db.Close(); err != nil {
		return 0, err
	}
	// goleveldb deletes the tables a compaction replaced in the background
	// and may close before it gets to them; opening deletes the leftovers.
	if db, err = dbm.NewGoLevelDB("application", dir, nil); err != nil {
		return 0, err
	}
	if err := db.Close(); err != nil {
		return 0, err
	}
	return DirBytes(filepath.Join(dir, "application.db"))
}

// DirBytes is the apparent size of the files under dir, as `du -sb` counts.
func DirBytes(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed by a compaction meanwhile
		}
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	return n, err
}

// Meta is what a fixture records about its build, in fixture.json.
type Meta struct {
	Name         string  `json:"name"`
	BuildSeconds float64 `json:"build_seconds"`
	// Bytes is DirBytes of the fixture right after the build, before any
	// benchmark opened it.
	Bytes int64 `json:"bytes"`
}

const metaFile = "fixture.json"

// Cached returns the directory of the fixture called name and its build
// record, building it first with build when no complete copy exists under
// the repository's .cache/bench-fixtures. Name carries everything the
// content depends on (size, fixture version), so a changed generator gets
// a new directory rather than a stale copy. build gets an empty directory
// and must close whatever it opened there before returning.
func Cached(name string, build func(dir string) error) (string, Meta, error) {
	root, err := cacheRoot()
	if err != nil {
		return "", Meta{}, err
	}
	final := filepath.Join(root, name)
	if meta, err := readMeta(final); err == nil {
		return final, meta, nil
	}
	// Build beside the final directory and rename, so an interrupted build
	// never looks complete.
	removeAbandonedBuilds(final)
	tmp := fmt.Sprintf("%s.building-%d", final, os.Getpid())
	if err := os.RemoveAll(tmp); err != nil {
		return "", Meta{}, err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return "", Meta{}, err
	}
	start := time.Now()
	if err := build(tmp); err != nil {
		os.RemoveAll(tmp)
		return "", Meta{}, fmt.Errorf("build fixture %s: %w", name, err)
	}
	meta := Meta{Name: name, BuildSeconds: time.Since(start).Seconds()}
	if meta.Bytes, err = DirBytes(tmp); err != nil {
		return "", Meta{}, err
	}
	bz, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return "", Meta{}, err
	}
	if err := os.WriteFile(filepath.Join(tmp, metaFile), bz, 0o644); err != nil {
		return "", Meta{}, err
	}
	if err := os.Rename(tmp, final); err != nil {
		// Another process finished the same fixture first: use its copy.
		os.RemoveAll(tmp)
		if meta, merr := readMeta(final); merr == nil {
			return final, meta, nil
		}
		return "", Meta{}, err
	}
	return final, meta, nil
}

// CopyDir copies the files under src to dst, which a fixture built on
// another one starts from.
func CopyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// removeAbandonedBuilds deletes the build directories of final whose
// process is gone (an interrupted 1M-post build leaves over a gigabyte).
func removeAbandonedBuilds(final string) {
	dirs, _ := filepath.Glob(final + ".building-*")
	for _, dir := range dirs {
		pid, err := strconv.Atoi(strings.TrimPrefix(dir, final+".building-"))
		if err != nil || syscall.Kill(pid, 0) == syscall.ESRCH {
			os.RemoveAll(dir)
		}
	}
}

func readMeta(dir string) (Meta, error) {
	var meta Meta
	bz, err := os.ReadFile(filepath.Join(dir, metaFile))
	if err != nil {
		return meta, err
	}
	return meta, json.Unmarshal(bz, &meta)
}

// cacheRoot is .cache/bench-fixtures in the module root, found from the
// working directory, which `go test` sets to the package's directory.
func cacheRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, ".cache", "bench-fixtures"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("benchfixture: no go.mod above the working directory")
		}
		dir = parent
	}
}
