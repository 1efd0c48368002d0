package l1_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/bindings"
)

// rpcDataError is a JSON-RPC error as go-ethereum's rpc client returns
// it: ErrorData is whatever the node put in the error's "data" field, as
// encoding/json decoded it (a hex string for a revert, from geth). Any
// node can send anything there.
type rpcDataError struct{ data any }

func (e rpcDataError) Error() string  { return "execution reverted" }
func (e rpcDataError) ErrorData() any { return e.data }

// revertForms are the ways revertError hands data over: as geth sends
// it, as raw bytes, and as an arbitrary string (not necessarily hex).
const (
	revertHex = iota
	revertBytes
	revertString
	revertForms
)

// revertError wraps data in an RPC error of the given form, itself
// wrapped as the relayer wraps a failed simulation.
func revertError(data []byte, form uint8) error {
	var d any
	switch form % revertForms {
	case revertHex:
		d = hexutil.Encode(data)
	case revertBytes:
		d = data
	default:
		d = string(data)
	}
	return fmt.Errorf("simulating checkpoint 1: %w", rpcDataError{d})
}

// errorsBySelector are the contract's custom errors by their 4-byte
// selector, built once: a map lookup keeps the fuzz targets' coverage the
// same from run to run, which ranging over the ABI's map would not.
var errorsBySelector = func() map[[4]byte]abi.Error {
	out := map[[4]byte]abi.Error{}
	for _, e := range bindings.NewSocialchainSettlement().GetABI().Errors {
		out[[4]byte(e.ID[:4])] = e
	}
	return out
}()

// abiErrorFor is the contract error whose selector starts data.
func abiErrorFor(data []byte) (abi.Error, bool) {
	if len(data) < 4 {
		return abi.Error{}, false
	}
	e, ok := errorsBySelector[[4]byte(data[:4])]
	return e, ok
}

// encodeRevert is the canonical revert data of v, a pointer to one of the
// bindings' error structs (whose fields are the error's inputs, in order).
func encodeRevert(t testing.TB, e abi.Error, v any) []byte {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	args := make([]any, rv.NumField())
	for i := range args {
		args[i] = rv.Field(i).Interface()
	}
	packed, err := e.Inputs.Pack(args...)
	require.NoError(t, err)
	return append(bytes.Clone(e.ID[:4]), packed...)
}

// realReverts are revert data the contract itself returned on the
// simulated L1, taken through RevertData as the relayer takes them.
func realReverts(t testing.TB) [][]byte {
	t.Helper()
	g, c, cp := chainWithOneCheckpoint(t)
	var out [][]byte
	for _, refused := range []func() error{
		func() error { _, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2)); return err }, // StaleCheckpoint
		func() error {
			next := checkpointFor(2, g.set)
			_, err := c.submit(next, g.set, g.sign(t, c.domain, next, 0, 1)) // InsufficientPower
			return err
		},
		func() error { _, err := c.checkpointAt(9); return err }, // UnknownCheckpoint
	} {
		data, ok := l1.RevertData(refused())
		require.True(t, ok, "the simulated L1 sends revert data")
		out = append(out, data)
	}
	return out
}

// FuzzUnpackRevert feeds arbitrary revert data, in an RPC error's data
// field as hex, as bytes or as any string, to RevertData and UnpackRevert:
// they never panic; RevertData hands back exactly the bytes the error
// carries (nothing for a string that is not 0x-hex); and UnpackRevert
// decodes only data that starts with one of the contract's error
// selectors and is that error's canonical encoding (trailing bytes
// aside), into the value the canonical encoding decodes to again.
func FuzzUnpackRevert(f *testing.F) {
	for _, data := range realReverts(f) {
		f.Add(data, uint8(revertHex))
		f.Add(data, uint8(revertBytes))
		f.Add(data[:len(data)-1], uint8(revertHex))
	}
	stale := bindings.SocialchainSettlementStaleCheckpointErrorID()
	f.Add(stale[:4], uint8(revertHex))
	f.Add(append(bytes.Clone(stale[:4]), bytes.Repeat([]byte{0xff}, 64)...), uint8(revertHex))
	f.Add([]byte{0x08, 0xc3, 0x79, 0xa0}, uint8(revertBytes)) // Error(string), not the contract's
	f.Add([]byte("0x0"), uint8(revertString))
	f.Add([]byte("e4ecc214"), uint8(revertString))
	f.Add([]byte{}, uint8(revertHex))
	f.Fuzz(func(t *testing.T, data []byte, form uint8) {
		err := revertError(data, form)
		raw, ok := l1.RevertData(err)
		if form%revertForms == revertString {
			want, derr := hexutil.Decode(string(data))
			require.Equal(t, derr == nil, ok, "a string is revert data exactly when it is 0x-hex")
			if ok {
				require.Equal(t, want, raw)
			}
			data = want
		} else {
			require.True(t, ok)
			require.True(t, bytes.Equal(data, raw), "RevertData returns the bytes carried")
		}

		v, ok := l1.UnpackRevert(err)
		e, known := abiErrorFor(data)
		if !ok {
			require.Nil(t, v)
			return
		}
		require.True(t, known, "only the contract's own error selectors decode")
		rv := reflect.ValueOf(v)
		require.Equal(t, reflect.Pointer, rv.Kind())
		require.Equal(t, "SocialchainSettlement"+e.Name, rv.Elem().Type().Name(), "decoded as the error its selector names")
		canonical := encodeRevert(t, e, v)
		require.LessOrEqual(t, len(canonical), len(data))
		require.Equal(t, canonical, data[:len(canonical)], "only the canonical encoding decodes")
		again, ok := l1.UnpackRevert(revertError(canonical, revertHex))
		require.True(t, ok)
		require.Equal(t, v, again)
	})
}

// TestUnpackRevertRoundTripsEveryError encodes every custom error of the
// contract's ABI and checks UnpackRevert returns the same value, and that
// the same data one byte short is refused.
func TestUnpackRevertRoundTripsEveryError(t *testing.T) {
	errs := bindings.NewSocialchainSettlement().GetABI().Errors
	require.NotEmpty(t, errs)
	for name, e := range errs {
		t.Run(name, func(t *testing.T) {
			args := make([]any, len(e.Inputs))
			for i, in := range e.Inputs {
				// A distinct, non-zero value per field, of the field's Go type.
				args[i] = sampleValue(t, in.Type, byte(i+1))
			}
			packed, err := e.Inputs.Pack(args...)
			require.NoError(t, err)
			data := append(bytes.Clone(e.ID[:4]), packed...)

			v, ok := l1.UnpackRevert(revertError(data, revertHex))
			require.True(t, ok)
			require.Equal(t, "SocialchainSettlement"+name, reflect.TypeOf(v).Elem().Name())
			require.Equal(t, data, encodeRevert(t, e, v))
			fields := reflect.ValueOf(v).Elem()
			for i := range args {
				require.Equal(t, args[i], fields.Field(i).Interface(), "field %s", e.Inputs[i].Name)
			}

			if len(packed) > 0 {
				_, ok = l1.UnpackRevert(revertError(data[:len(data)-1], revertHex))
				require.False(t, ok, "truncated revert data is refused")
			}
		})
	}
}

// sampleValue is a value of ABI type typ (the static types the contract's
// errors use) built from b.
func sampleValue(t *testing.T, typ abi.Type, b byte) any {
	t.Helper()
	switch {
	case typ.T == abi.UintTy && typ.Size == 64:
		return uint64(b) << 40
	case typ.T == abi.UintTy && typ.Size == 256:
		return u256(uint64(b) << 50)
	case typ.T == abi.FixedBytesTy && typ.Size == 32:
		var h [32]byte
		h[0], h[31] = b, b
		return h
	default:
		t.Fatalf("no sample value for ABI type %s", typ)
		return nil
	}
}
