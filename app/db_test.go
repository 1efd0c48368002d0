package app_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"

	"github.com/socialchain/socialchain/app"
)

func TestOpenAppDB(t *testing.T) {
	home := t.TempDir()
	db, err := app.OpenAppDB(home, dbm.GoLevelDBBackend)
	require.NoError(t, err)
	require.IsType(t, &dbm.GoLevelDB{}, db)
	require.NoError(t, db.Set([]byte("k"), []byte("v")))
	require.NoError(t, db.Close())
	_, err = os.Stat(filepath.Join(home, "data", "application.db"))
	require.NoError(t, err, "where the SDK's server keeps it")

	// Another opener (the SDK's export, snapshot and pruning commands
	// open it with cosmos-db's defaults) reads what the node wrote.
	db, err = dbm.NewGoLevelDB("application", filepath.Join(home, "data"), nil)
	require.NoError(t, err)
	v, err := db.Get([]byte("k"))
	require.NoError(t, err)
	require.Equal(t, []byte("v"), v)
	require.NoError(t, db.Close())

	o := app.AppDBOptions()
	require.Greater(t, o.WriteBuffer, 4<<20, "more than goleveldb's default memtable")
	require.NotNil(t, o.Filter, "bloom filter kept")

	mem, err := app.OpenAppDB(t.TempDir(), dbm.MemDBBackend)
	require.NoError(t, err)
	require.IsType(t, &dbm.MemDB{}, mem)
}
