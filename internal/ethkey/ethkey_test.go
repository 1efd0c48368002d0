package ethkey_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/internal/ethkey"
)

func TestGeneratedKeysLoadBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config", "settlement_key.json")
	key, err := ethkey.Generate(path)
	require.NoError(t, err)
	info, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, fs.FileMode(0o600), info.Mode().Perm(), "a private key is readable by its owner only")

	got, err := ethkey.Load(path)
	require.NoError(t, err)
	require.True(t, key.Equal(got))
}

func TestLoadRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("ethkey test")))
	require.NoError(t, err)
	other, err := crypto.ToECDSA(crypto.Keccak256([]byte("ethkey other")))
	require.NoError(t, err)
	keyHex := hexutil.Encode(crypto.FromECDSA(key))

	cases := []struct {
		name    string
		content string
		want    string
	}{
		{"a file that is not JSON is refused", `not json`, "invalid character"},
		{"a private key that is not hex is refused", `{"private_key": "0xzz"}`, "private_key"},
		{"a private key of the wrong length is refused", `{"private_key": "0x0102"}`, "private_key"},
		{"an address that is not the key's is refused", `{"address": "` + crypto.PubkeyToAddress(other.PublicKey).Hex() + `", "private_key": "` + keyHex + `"}`, "does not match the key's address"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, string(rune('a'+i))+".json")
			require.NoError(t, os.WriteFile(path, []byte(tc.content), 0o600))
			got, err := ethkey.Load(path)
			require.ErrorContains(t, err, tc.want)
			require.Nil(t, got)
		})
	}

	t.Run("a file without an address loads", func(t *testing.T) {
		path := filepath.Join(dir, "no-address.json")
		require.NoError(t, os.WriteFile(path, []byte(`{"private_key": "`+keyHex+`"}`), 0o600))
		got, err := ethkey.Load(path)
		require.NoError(t, err)
		require.True(t, key.Equal(got))
	})
	t.Run("a missing file is fs.ErrNotExist", func(t *testing.T) {
		_, err := ethkey.Load(filepath.Join(dir, "missing.json"))
		require.ErrorIs(t, err, fs.ErrNotExist)
	})
}
