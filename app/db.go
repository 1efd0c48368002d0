package app

import (
	"path/filepath"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/syndtr/goleveldb/leveldb/filter"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

// The application database's goleveldb settings. Under lane load a node
// writes tens of thousands of tree nodes a block, and with goleveldb's
// defaults (4 MiB memtable, 2 MiB tables, snappy blocks) compacting them
// took over a quarter of the node's CPU (docs/benchmarks.md): a larger
// memtable and larger tables compact less often and rewrite fewer files.
const (
	appDBWriteBuffer   = 64 << 20
	appDBTableSize     = 8 << 20
	appDBBlockCache    = 64 << 20
	appDBBloomBitsEach = 10 // as cosmos-db's default
)

// AppDBOptions are the goleveldb options of the application database.
func AppDBOptions() *opt.Options {
	return &opt.Options{
		Filter:              filter.NewBloomFilter(appDBBloomBitsEach),
		WriteBuffer:         appDBWriteBuffer,
		CompactionTableSize: appDBTableSize,
		BlockCacheCapacity:  appDBBlockCache,
	}
}

// OpenAppDB opens the application database under rootDir/data, as the
// SDK's server does, with AppDBOptions when the backend is goleveldb.
func OpenAppDB(rootDir string, backend dbm.BackendType) (dbm.DB, error) {
	dataDir := filepath.Join(rootDir, "data")
	if backend != dbm.GoLevelDBBackend {
		return dbm.NewDB("application", backend, dataDir)
	}
	return dbm.NewGoLevelDBWithOpts("application", dataDir, AppDBOptions())
}
