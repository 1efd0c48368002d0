package cmd

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
)

// testMnemonic is the first BIP-39 test vector: public, never a real wallet.
const testMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"

// testMnemonicPubKey is its ed25519 key at the default path, base64 (see
// internal/ed25519hd for the same key in hex).
const testMnemonicPubKey = "9GTJZYsl6jpvl/lmYASB1hNqV8hohrCZlKwfSArbDVg="

// TestKeysAddEd25519 runs `socialchaind keys add NAME --algo ed25519`
// through the real root command in the test and file keyring backends
// (the os backend is the same keyring code over the system's secret
// store, which a test must not touch), reads the key back in a new
// process-like run, and recovers the same key from its mnemonic.
func TestKeysAddEd25519(t *testing.T) {
	const passphrase = "a test passphrase"
	for _, tc := range []struct {
		backend string
		// create and unlock are what the user types at the keyring's
		// prompts: the file backend asks for a new passphrase twice, then
		// once per run.
		create, unlock string
	}{
		{backend: "test"},
		{backend: "file", create: passphrase + "\n" + passphrase + "\n", unlock: passphrase + "\n"},
	} {
		t.Run(tc.backend, func(t *testing.T) {
			home := t.TempDir()
			kb := []string{"--home", home, "--keyring-backend", tc.backend}

			out := runRoot(t, tc.create, append([]string{"keys", "add", "app", "--algo", "ed25519", "--output", "json"}, kb...)...)
			var added struct {
				Type, Address, PubKey, Mnemonic string
			}
			require.NoError(t, json.Unmarshal(out, &added), string(out))
			require.Equal(t, "local", added.Type)
			require.Contains(t, added.PubKey, "/cosmos.crypto.ed25519.PubKey")
			require.NotEmpty(t, added.Mnemonic)

			shown := runRoot(t, tc.unlock, append([]string{"keys", "show", "app", "--pubkey"}, kb...)...)
			var pub struct {
				Type string `json:"@type"`
				Key  string `json:"key"`
			}
			require.NoError(t, json.Unmarshal(shown, &pub), string(shown))
			require.Equal(t, "/cosmos.crypto.ed25519.PubKey", pub.Type)
			require.Contains(t, added.PubKey, pub.Key, "keys show reads back the key keys add made")

			// Recover a fixed mnemonic into a fresh home, twice: same key.
			mnemonicFile := filepath.Join(t.TempDir(), "mnemonic")
			// No newline: keys add reads the file verbatim.
			require.NoError(t, os.WriteFile(mnemonicFile, []byte(testMnemonic), 0o600))
			for i := range 2 {
				kb := []string{"--home", t.TempDir(), "--keyring-backend", tc.backend}
				runRoot(t, tc.create, append([]string{"keys", "add", "again", "--algo", "ed25519", "--recover", "--source", mnemonicFile}, kb...)...)
				shown := runRoot(t, tc.unlock, append([]string{"keys", "show", "again", "--pubkey"}, kb...)...)
				require.NoError(t, json.Unmarshal(shown, &pub), string(shown))
				require.Equal(t, testMnemonicPubKey, pub.Key, "recovery %d", i)
			}
		})
	}
}

// TestKeysAddDefaultStaysSecp256k1 checks that adding ed25519 did not
// change the default algorithm of account keys.
func TestKeysAddDefaultStaysSecp256k1(t *testing.T) {
	out := runRoot(t, "", "keys", "add", "acct", "--home", t.TempDir(), "--keyring-backend", "test", "--output", "json")
	require.Contains(t, string(out), "/cosmos.crypto.secp256k1.PubKey")
}

// runRoot runs the root command with args and stdin as what the user
// types, and returns what it printed on stdout. The client context reads
// os.Stdin when the root command is built, so stdin is swapped first.
func runRoot(t *testing.T, stdin string, args ...string) []byte {
	t.Helper()
	out, err := runRootErr(t, stdin, args...)
	require.NoError(t, err, "socialchaind %v", args)
	return out
}

// runRootErr is runRoot that returns the command's error.
func runRootErr(t *testing.T, stdin string, args ...string) ([]byte, error) {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	_, err = io.WriteString(w, stdin)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	defer r.Close()
	oldStdin := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = oldStdin }()

	root := NewRootCmd()
	var stdout bytes.Buffer
	root.SetOut(&stdout)
	root.SetErr(io.Discard)
	root.SetArgs(args)
	err = svrcmd.Execute(root, "SOCIALCHAIND", t.TempDir())
	return stdout.Bytes(), err
}
