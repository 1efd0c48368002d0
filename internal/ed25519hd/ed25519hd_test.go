package ed25519hd_test

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdked25519 "github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"

	"github.com/socialchain/socialchain/internal/ed25519hd"
)

// testMnemonic is the first BIP-39 test vector (all-zero entropy): public,
// never a real wallet.
const testMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"

// defaultPath is the keyring's default path for coin type 118.
const defaultPath = "m/44'/118'/0'/0/0"

// testMnemonicPubKey is the ed25519 public key of testMnemonic at
// defaultPath; a change here means every user's app keys would change.
const testMnemonicPubKey = "f464c9658b25ea3a6f97f966600481d6136a57c86886b09994ac1f480adb0d58"

// TestDerivePathMatchesSLIP0010Vectors checks the derivation against the
// test vectors 1 and 2 for ed25519 of SLIP-0010.
func TestDerivePathMatchesSLIP0010Vectors(t *testing.T) {
	const seed1 = "000102030405060708090a0b0c0d0e0f"
	const seed2 = "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542"
	cases := []struct {
		seed, path, chainCode, key string
	}{
		{seed1, "m", "90046a93de5380a72b5e45010748567d5ea02bbf6522f979e05c0d8d8ca9fffb", "2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7"},
		{seed1, "m/0'", "8b59aa11380b624e81507a27fedda59fea6d0b779a778918a2fd3590e16e9c69", "68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3"},
		{seed1, "m/0'/1'", "a320425f77d1b5c2505a6b1b27382b37368ee640e3557c315416801243552f14", "b1d0bad404bf35da785a64ca1ac54b2617211d2777696fbffaf208f746ae84f2"},
		{seed1, "m/0'/1'/2'", "2e69929e00b5ab250f49c3fb1c12f252de4fed2c1db88387094a0f8c4c9ccd6c", "92a5b23c0b8a99e37d07df3fb9966917f5d06e02ddbd909c7e184371463e9fc9"},
		{seed1, "m/0'/1'/2'/2'", "8f6d87f93d750e0efccda017d662a1b31a266e4a6f5993b15f5c1f07f74dd5cc", "30d1dc7e5fc04c31219ab25a27ae00b50f6fd66622f6e9c913253d6511d1e662"},
		{seed1, "m/0'/1'/2'/2'/1000000000'", "68789923a0cac2cd5a29172a475fe9e0fb14cd6adb5ad98a3fa70333e7afa230", "8f94d394a8e8fd6b1bc2f3f49f5c47e385281d5c17e65324b0f62483e37e8793"},
		{seed2, "m", "ef70a74db9c3a5af931b5fe73ed8e1a53464133654fd55e7a66f8570b8e33c3b", "171cb88b1b3c1db25add599712e36245d75bc65a1a5c9e18d76f9f2b1eab4012"},
		{seed2, "m/0'", "0b78a3226f915c082bf118f83618a618ab6dec793752624cbeb622acb562862d", "1559eb2bbec5790b0c65d8693e4d0875b1747f4970ae8b650486ed7470845635"},
		{seed2, "m/0'/2147483647'", "138f0b2551bcafeca6ff2aa88ba8ed0ed8de070841f0c4ef0165df8181eaad7f", "ea4f5bfe8694d8bb74b7b59404632fd5968b774ed545e810de9c32a4fb4192f4"},
		{seed2, "m/0'/2147483647'/1'", "73bd9fff1cfbde33a1b846c27085f711c0fe2d66fd32e139d3ebc28e5a4a6b90", "3757c7577170179c7868353ada796c839135b3d30554bbb74a4b1e4a5a58505c"},
		{seed2, "m/0'/2147483647'/1'/2147483646'", "0902fe8a29f9140480a00ef244bd183e8a13288e4412d8389d140aac1794825a", "5837736c89570de861ebc173b1086da4f505d4adb387c6a1b1342d5e4ac9ec72"},
		{seed2, "m/0'/2147483647'/1'/2147483646'/2'", "5d70af781f3a37b829f0d060924d5e960bdc02e85423494afc0b1a41bbe196d4", "551d333177df541ad876a60ea71f00447931c0a9da16f227c11ea080d7391b8d"},
	}
	for _, tc := range cases {
		seed, err := hex.DecodeString(tc.seed)
		require.NoError(t, err)
		key, chainCode, err := ed25519hd.DerivePath(seed, tc.path)
		require.NoError(t, err, tc.path)
		require.Equal(t, tc.key, hex.EncodeToString(key[:]), "key at %s of seed %s…", tc.path, tc.seed[:8])
		require.Equal(t, tc.chainCode, hex.EncodeToString(chainCode[:]), "chain code at %s of seed %s…", tc.path, tc.seed[:8])
	}
}

func TestDerivePathHardensEveryLevel(t *testing.T) {
	seed := make([]byte, 64)
	want, _, err := ed25519hd.DerivePath(seed, "m/44'/118'/0'/0'/0'")
	require.NoError(t, err)
	for _, path := range []string{defaultPath, "m/44h/118h/0h/0h/0h", "m/44/118/0/0/0", "m/44H/118'/0/0h/0"} {
		got, _, err := ed25519hd.DerivePath(seed, path)
		require.NoError(t, err, path)
		require.Equal(t, want, got, path)
	}
	other, _, err := ed25519hd.DerivePath(seed, "m/44'/118'/0'/0'/1'")
	require.NoError(t, err)
	require.NotEqual(t, want, other, "another index gives another key")
}

func TestDerivePathRefusesMalformedPaths(t *testing.T) {
	seed := make([]byte, 64)
	for _, tc := range []struct{ name, path string }{
		{"a path without m/ is refused", "44'/118'/0'/0/0"},
		{"a non-numeric level is refused", "m/44'/x/0"},
		{"an index of 2^31 or more is refused", "m/2147483648"},
		{"a level marked hardened twice is refused", "m/44''/0"},
		{"an empty level is refused", "m/44'//0"},
		{"a trailing slash is refused", "m/44'/"},
		{"a negative index is refused", "m/-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ed25519hd.DerivePath(seed, tc.path)
			require.Error(t, err)
		})
	}
}

func TestGenerateAcceptsSeedOrFullKey(t *testing.T) {
	seed := make([]byte, 32)
	seed[0] = 7
	fromSeed := ed25519hd.Algo.Generate()(seed)
	require.IsType(t, &sdked25519.PrivKey{}, fromSeed)
	full := fromSeed.Bytes()
	require.Len(t, full, 64)
	require.True(t, fromSeed.Equals(ed25519hd.Algo.Generate()(full)))
	require.Panics(t, func() { ed25519hd.Algo.Generate()(make([]byte, 31)) })
}

func TestKeyringWithoutTheOptionRefusesEd25519(t *testing.T) {
	kr := keyring.NewInMemory(testCodec())
	_, err := kr.NewAccount("app", testMnemonic, "", defaultPath, ed25519hd.Algo)
	require.ErrorIs(t, err, keyring.ErrUnsupportedSigningAlgo)

	kr = keyring.NewInMemory(testCodec(), ed25519hd.KeyringOption())
	algos, ledgerAlgos := kr.SupportedAlgorithms()
	require.True(t, algos.Contains(ed25519hd.Algo))
	require.True(t, algos.Contains(hd.Secp256k1), "the SDK's algorithms stay")
	require.False(t, ledgerAlgos.Contains(ed25519hd.Algo), "Ledger signs secp256k1 only")
	algo, err := keyring.NewSigningAlgoFromString("ed25519", algos)
	require.NoError(t, err)
	require.Equal(t, ed25519hd.Type, algo.Name())
}

// TestKeyringBackends creates an ed25519 key in each on-disk backend,
// reads it back from a new keyring instance, signs and verifies, and
// recovers the same key from the mnemonic in another directory.
func TestKeyringBackends(t *testing.T) {
	const passphrase = "correct horse battery"
	cases := []struct {
		backend string
		// input returns what the user types when the keyring opens; the
		// file backend asks for its passphrase twice the first time.
		input func(first bool) *strings.Reader
	}{
		{keyring.BackendTest, func(bool) *strings.Reader { return strings.NewReader("") }},
		{keyring.BackendFile, func(first bool) *strings.Reader {
			if first {
				return strings.NewReader(passphrase + "\n" + passphrase + "\n")
			}
			return strings.NewReader(passphrase + "\n")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.backend, func(t *testing.T) {
			cdc := testCodec()
			dir := t.TempDir()
			open := func(dir string, first bool) keyring.Keyring {
				kr, err := keyring.New("socialchain-test", tc.backend, dir, tc.input(first), cdc, ed25519hd.KeyringOption())
				require.NoError(t, err)
				return kr
			}

			rec, err := open(dir, true).NewAccount("app", testMnemonic, "", defaultPath, ed25519hd.Algo)
			require.NoError(t, err)
			pub, err := rec.GetPubKey()
			require.NoError(t, err)
			require.IsType(t, &sdked25519.PubKey{}, pub)
			require.Equal(t, testMnemonicPubKey, hex.EncodeToString(pub.Bytes()))

			kr := open(dir, false)
			back, err := kr.Key("app")
			require.NoError(t, err)
			backPub, err := back.GetPubKey()
			require.NoError(t, err)
			require.True(t, pub.Equals(backPub))
			msg := []byte("socialchain/message/v1\x00hello")
			sig, signer, err := kr.Sign("app", msg, signing.SignMode_SIGN_MODE_DIRECT)
			require.NoError(t, err)
			require.True(t, signer.Equals(pub))
			require.Len(t, sig, 64)
			require.True(t, pub.VerifySignature(msg, sig))
			require.False(t, pub.VerifySignature([]byte("another message"), sig))

			recovered, err := open(t.TempDir(), true).NewAccount("again", testMnemonic, "", defaultPath, ed25519hd.Algo)
			require.NoError(t, err)
			recoveredPub, err := recovered.GetPubKey()
			require.NoError(t, err)
			require.True(t, pub.Equals(recoveredPub), "the same mnemonic recovers the same key")
		})
	}
}

func testCodec() codec.Codec {
	return moduletestutil.MakeTestEncodingConfig().Codec
}
