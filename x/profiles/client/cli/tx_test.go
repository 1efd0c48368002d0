package cli_test

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	clitestutil "github.com/cosmos/cosmos-sdk/testutil/cli"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"

	"github.com/socialchain/socialchain/internal/ed25519hd"
	"github.com/socialchain/socialchain/x/profiles"
	"github.com/socialchain/socialchain/x/profiles/client/cli"
)

// testMnemonic is the first BIP-39 test vector: public, never a real wallet.
const testMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"

// cliFixture is a client context over an in-memory keyring holding an
// ed25519 key "app" and a secp256k1 key "owner".
type cliFixture struct {
	clientCtx client.Context
	kr        keyring.Keyring
	appPub    []byte // the public key of "app"
	owner     string // the bech32 address of "owner"
}

func newCLIFixture(t *testing.T) cliFixture {
	t.Helper()
	encCfg := moduletestutil.MakeTestEncodingConfig(profiles.AppModule{})
	kr := keyring.NewInMemory(encCfg.Codec, ed25519hd.KeyringOption())
	app, err := kr.NewAccount("app", testMnemonic, "", "m/44'/118'/0'/0/0", ed25519hd.Algo)
	require.NoError(t, err)
	appPub, err := app.GetPubKey()
	require.NoError(t, err)
	owner, err := kr.NewAccount("owner", testMnemonic, "", "m/44'/118'/0'/0/0", hd.Secp256k1)
	require.NoError(t, err)
	ownerAddr, err := owner.GetAddress()
	require.NoError(t, err)
	ownerStr, err := encCfg.TxConfig.SigningContext().AddressCodec().BytesToString(ownerAddr)
	require.NoError(t, err)
	clientCtx := client.Context{}.
		WithCodec(encCfg.Codec).
		WithInterfaceRegistry(encCfg.InterfaceRegistry).
		WithTxConfig(encCfg.TxConfig).
		WithLegacyAmino(encCfg.Amino).
		WithKeyring(kr).
		WithChainID("socialchain-test-1")
	return cliFixture{clientCtx: clientCtx, kr: kr, appPub: appPub.Bytes(), owner: ownerStr}
}

func TestParseAppKey(t *testing.T) {
	f := newCLIFixture(t)
	hexKey := hex.EncodeToString(f.appPub)
	cases := []struct {
		name    string
		kr      keyring.Keyring
		arg     string
		wantErr string // a part of the error; empty when the key is f.appPub
	}{
		{name: "an ed25519 key name gives its public key", kr: f.kr, arg: "app"},
		{name: "64 hex characters are the key", kr: f.kr, arg: hexKey},
		{name: "uppercase hex is the key", kr: f.kr, arg: strings.ToUpper(hexKey)},
		{name: "hex with 0x is the key", kr: f.kr, arg: "0x" + hexKey},
		{name: "padded base64 is the key", kr: f.kr, arg: base64.StdEncoding.EncodeToString(f.appPub)},
		{name: "unpadded URL-safe base64 is the key", kr: f.kr, arg: base64.RawURLEncoding.EncodeToString(f.appPub)},
		{name: "a literal key needs no keyring", kr: nil, arg: hexKey},
		{name: "a secp256k1 key name is refused", kr: f.kr, arg: "owner", wantErr: "--algo ed25519"},
		{name: "an unknown key name is refused", kr: f.kr, arg: "nobody", wantErr: "no key of that name"},
		{name: "hex of 31 bytes is refused", kr: f.kr, arg: hexKey[:62], wantErr: "no key of that name"},
		{name: "hex of 33 bytes is refused", kr: f.kr, arg: hexKey + "00", wantErr: "no key of that name"},
		{name: "base64 of 31 bytes is refused", kr: f.kr, arg: base64.StdEncoding.EncodeToString(f.appPub[:31]), wantErr: "no key of that name"},
		{name: "a key name without a keyring is refused", kr: nil, arg: "app", wantErr: "no keyring"},
		{name: "an empty argument is refused", kr: f.kr, arg: "", wantErr: "empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cli.ParseAppKey(tc.kr, tc.arg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, f.appPub, got)
		})
	}
}

func TestParseExpiresAt(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	none, err := cli.ParseExpiresAt("", now)
	require.NoError(t, err)
	require.Nil(t, none, "no flag, no expiry")
	got, err := cli.ParseExpiresAt("2027-01-01T02:00:00+02:00", now)
	require.NoError(t, err)
	require.Equal(t, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), *got)
	for _, bad := range []string{"2027-01-01", "tomorrow", "2026-06-01T00:00:00Z", "2020-01-01T00:00:00Z"} {
		_, err := cli.ParseExpiresAt(bad, now)
		require.Error(t, err, bad)
	}
}

// TestAddAppKeyCmd runs the command with --generate-only and reads the
// message it would send.
func TestAddAppKeyCmd(t *testing.T) {
	f := newCLIFixture(t)
	out, err := clitestutil.ExecTestCLICmd(f.clientCtx, cli.NewAddAppKeyCmd(), []string{
		"app", "--scopes", "posts,follows", "--expires-at", "2099-01-01T00:00:00Z",
		"--from", "owner", "--" + flags.FlagGenerateOnly,
	})
	require.NoError(t, err)
	msg := onlyMsg(t, out.Bytes())
	require.Equal(t, "/socialchain.profiles.v1.MsgAddAppKey", msg["@type"])
	require.Equal(t, f.owner, msg["owner"])
	require.Equal(t, base64.StdEncoding.EncodeToString(f.appPub), msg["pub_key"])
	require.Equal(t, []any{"posts", "follows"}, msg["scopes"])
	require.Equal(t, "2099-01-01T00:00:00Z", msg["expires_at"])

	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"missing --scopes is refused", []string{"app", "--from", "owner"}, "scopes"},
		{"an unknown scope is refused", []string{"app", "--scopes", "posts,likes", "--from", "owner"}, "likes"},
		{"a past --expires-at is refused", []string{"app", "--scopes", "posts", "--expires-at", "2001-01-01T00:00:00Z", "--from", "owner"}, "not in the future"},
		{"a secp256k1 key is refused", []string{"owner", "--scopes", "posts", "--from", "owner"}, "ed25519"},
		{"no argument is refused", []string{"--scopes", "posts", "--from", "owner"}, "accepts 1 arg"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := clitestutil.ExecTestCLICmd(f.clientCtx, cli.NewAddAppKeyCmd(), append(tc.args, "--"+flags.FlagGenerateOnly))
			require.ErrorContains(t, err, tc.wantErr)
		})
	}
}

func TestRevokeAppKeyCmd(t *testing.T) {
	f := newCLIFixture(t)
	out, err := clitestutil.ExecTestCLICmd(f.clientCtx, cli.NewRevokeAppKeyCmd(), []string{
		hex.EncodeToString(f.appPub), "--from", "owner", "--" + flags.FlagGenerateOnly,
	})
	require.NoError(t, err)
	msg := onlyMsg(t, out.Bytes())
	require.Equal(t, "/socialchain.profiles.v1.MsgRevokeAppKey", msg["@type"])
	require.Equal(t, f.owner, msg["owner"])
	require.Equal(t, base64.StdEncoding.EncodeToString(f.appPub), msg["pub_key"])
}

// TestCommandFlagsHaveHelp checks every flag of the app-key commands
// explains itself.
func TestCommandFlagsHaveHelp(t *testing.T) {
	for _, cmd := range []*cobra.Command{cli.NewAddAppKeyCmd(), cli.NewRevokeAppKeyCmd()} {
		require.NotEmpty(t, cmd.Short, cmd.Use)
		require.NotEmpty(t, cmd.Example, cmd.Use)
		require.Contains(t, cmd.Long, "KEY_NAME_OR_PUBKEY", cmd.Use)
		cmd.Flags().VisitAll(func(fl *pflag.Flag) {
			require.NotEmpty(t, fl.Usage, "%s --%s has no help", cmd.Use, fl.Name)
		})
	}
}

// onlyMsg decodes the generated tx JSON and returns its one message.
func onlyMsg(t *testing.T, txJSON []byte) map[string]any {
	t.Helper()
	var tx struct {
		Body struct {
			Messages []map[string]any `json:"messages"`
		} `json:"body"`
	}
	require.NoError(t, json.Unmarshal(txJSON, &tx), string(txJSON))
	require.Len(t, tx.Body.Messages, 1, string(txJSON))
	return tx.Body.Messages[0]
}
