package testutil

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// protoMsg is a gogoproto message behind a pointer, as every Msg is.
type protoMsg[M any] interface {
	*M
	Marshal() ([]byte, error)
	Unmarshal([]byte) error
}

// MsgCase is one Msg kind of a module's Msg server fuzz target: Run decodes
// bz as the Msg and hands it to the server. decoded is false for bytes that
// are not the Msg (nothing ran).
type MsgCase struct {
	Name string
	Run  func(t *testing.T, ctx context.Context, bz []byte) (decoded bool, err error)
}

// Msg is the MsgCase of one Msg server method. Run also checks that the
// decoded Msg re-encodes to bytes that decode to the same encoding (what a
// node relaying or re-signing it relies on).
func Msg[M any, PM protoMsg[M], R any](name string, handle func(context.Context, PM) (R, error)) MsgCase {
	return MsgCase{Name: name, Run: func(t *testing.T, ctx context.Context, bz []byte) (bool, error) {
		msg := PM(new(M))
		if msg.Unmarshal(bz) != nil {
			return false, nil
		}
		once, err := msg.Marshal()
		require.NoError(t, err, "%s re-encodes", name)
		again := PM(new(M))
		require.NoError(t, again.Unmarshal(once), "%s decodes its own encoding", name)
		twice, err := again.Marshal()
		require.NoError(t, err)
		require.Equal(t, once, twice, "%s round-trips", name)
		_, err = handle(ctx, msg)
		return true, err
	}}
}

// FuzzMsgServer is the body of a module's Msg server fuzz target: each
// input is a case index and Msg bytes (what a tx's Any carries), run on a
// branch of ctx. It asserts, beyond "no panic", that a refused Msg leaves
// the module's store (key) exactly as it was, and that after an accepted
// one valid reports no error (the module's exported genesis validates:
// the state stays one the chain could restart from).
func FuzzMsgServer(f *testing.F, ctx sdk.Context, key storetypes.StoreKey, cases []MsgCase, valid func(sdk.Context) error) {
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) {
		c := cases[int(kind)%len(cases)]
		branch, _ := ctx.CacheContext()
		before := StoreDigest(branch, key)
		decoded, err := c.Run(t, branch, bz)
		if !decoded {
			return
		}
		if err != nil {
			require.Equal(t, before, StoreDigest(branch, key), "a refused %s writes nothing (%v)", c.Name, err)
			return
		}
		require.NoError(t, valid(branch), "state after an accepted %s", c.Name)
	})
}

// MsgSeed adds the seed input of case index kind with msg's encoding.
func MsgSeed(f *testing.F, kind int, msg interface{ Marshal() ([]byte, error) }) {
	bz, err := msg.Marshal()
	require.NoError(f, err)
	f.Add(uint8(kind), bz)
}

// StoreDigest is a hash of every key and value of key's store in ctx:
// equal digests mean equal contents.
func StoreDigest(ctx sdk.Context, key storetypes.StoreKey) [32]byte {
	it := ctx.KVStore(key).Iterator(nil, nil)
	defer it.Close()
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	for ; it.Valid(); it.Next() {
		for _, b := range [][]byte{it.Key(), it.Value()} {
			h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
			h.Write(b)
		}
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}
