//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// checkTxAnswer is the part of a broadcast answer the front door sets:
// the CLI's JSON and REST's tx_response share these fields.
type checkTxAnswer struct {
	Code      uint32 `json:"code"`
	Codespace string `json:"codespace"`
	RawLog    string `json:"raw_log"`
}

// restAnswer is the CheckTx part of a REST broadcast answer.
func restAnswer(res broadcastResult) checkTxAnswer {
	r := res.TxResponse
	return checkTxAnswer{Code: r.Code, Codespace: r.Codespace, RawLog: r.RawLog}
}

// requireRefusedWith checks that a broadcast was refused at CheckTx with
// the registered error the block gives for the same rule.
func requireRefusedWith(t *testing.T, want *errorsmod.Error, got checkTxAnswer) {
	t.Helper()
	require.Equal(t, want.ABCICode(), got.Code, "code: %+v", got)
	require.Equal(t, want.Codespace(), got.Codespace, "codespace: %+v", got)
	require.Contains(t, got.RawLog, want.Error(), "the rule's message")
	require.Contains(t, got.RawLog, "failed to execute message; message index: 0", "worded as the block words it")
}

// TestFrontDoorRefusesAtBroadcast is issue 14's acceptance test: every
// invalid social tx is refused at broadcast (CheckTx), over the CLI and
// over REST, with the registered error of the rule it breaks, and the
// chain state does not change.
func TestFrontDoorRefusesAtBroadcast(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	alice := newFundedKey(t, home, "alice")
	newFundedKey(t, home, "bob")
	newFundedKey(t, home, "carol") // never gets a profile
	mallory := newFundedKey(t, home, "mallory")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--from", "alice")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "bob", "--from", "bob")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "mallory", "--from", "mallory")
	mustDeliver(t, home, "tx", "posts", "create", "hello", "--from", "alice") // post 1
	mustDeliver(t, home, "tx", "posts", "react", "1", "like", "--from", "bob")
	mustDeliver(t, home, "tx", "profiles", "block", mallory, "--from", "alice")

	stateOf := func() string {
		return mustCLIValue(t, "query", "posts", "posts", "--output", "json", "--home", home) +
			mustCLIValue(t, "query", "posts", "reactions", "1", "--output", "json", "--home", home) +
			mustCLIValue(t, "query", "profiles", "profiles", "--output", "json", "--home", home) +
			mustCLIValue(t, "query", "profiles", "following", alice, "--output", "json", "--home", home)
	}
	before := stateOf()
	dir := t.TempDir()

	refused := []struct {
		name string
		args []string // a tx command without --from
		from string
		want *errorsmod.Error
	}{
		{"a short handle", []string{"profiles", "create-profile", "ab"}, "carol", profilestypes.ErrInvalidHandle},
		{"an uppercase handle", []string{"profiles", "create-profile", "Carol"}, "carol", profilestypes.ErrInvalidHandle},
		{"a reserved handle", []string{"profiles", "create-profile", "admin"}, "carol", profilestypes.ErrHandleReserved},
		{"a taken handle", []string{"profiles", "create-profile", "alice"}, "carol", profilestypes.ErrHandleTaken},
		{"a 501-character post", []string{"posts", "create", strings.Repeat("x", 501)}, "alice", poststypes.ErrTextTooLong},
		{"an empty post", []string{"posts", "create", ""}, "alice", poststypes.ErrEmptyPost},
		{"a reply to a post that does not exist", []string{"posts", "reply", "999", "hi"}, "bob", poststypes.ErrPostNotFound},
		{"reacting twice", []string{"posts", "react", "1", "like"}, "bob", poststypes.ErrAlreadyReacted},
		{"posting without a profile", []string{"posts", "create", "hi"}, "carol", poststypes.ErrProfileRequired},
		{"following yourself", []string{"profiles", "follow", alice}, "alice", profilestypes.ErrSelfRelation},
		{"a blocked user replying", []string{"posts", "reply", "1", "hi"}, "mallory", poststypes.ErrBlocked},
		{"editing someone else's post", []string{"posts", "edit", "1", "mine now"}, "bob", poststypes.ErrNotAuthor},
		{"a malformed body CID", []string{"posts", "create", "", "--body-cid", "not-a-cid"}, "alice", poststypes.ErrInvalidCID},
		{"a malformed avatar CID", []string{"profiles", "update-profile", "--avatar-cid", "not-a-cid"}, "alice", profilestypes.ErrInvalidCID},
	}
	for _, tc := range refused {
		t.Run(tc.name+" is refused at broadcast over the CLI", func(t *testing.T) {
			args := append([]string{"tx"}, tc.args...)
			args = append(args, "--from", tc.from, "--broadcast-mode", "sync", "--output", "json", "--yes", "--home", home)
			// A refused tx may exit non-zero; the answer is the JSON it prints.
			out, _ := cli(t, args...)
			var got checkTxAnswer
			require.NoError(t, json.Unmarshal([]byte(lastJSONLine(out)), &got), out)
			requireRefusedWith(t, tc.want, got)
		})
		t.Run(tc.name+" is refused at broadcast over REST", func(t *testing.T) {
			args := append([]string{"tx"}, tc.args...)
			unsigned := filepath.Join(dir, "unsigned.json")
			writeCLIJSON(t, unsigned, append(args, "--from", tc.from, "--generate-only", "--home", home)...)
			res := broadcastREST(t, signAndEncode(t, home, dir, unsigned, tc.from))
			requireRefusedWith(t, tc.want, restAnswer(res))
		})
	}

	// A correctly signed post of 600 KiB with gas for its size used to pass
	// CheckTx and land in blocks; the length rule now stops it at the door.
	t.Run("a 600 KiB post is refused at broadcast over REST", func(t *testing.T) {
		unsigned := filepath.Join(dir, "big.json")
		writeCLIJSON(t, unsigned, "tx", "posts", "create", "placeholder", "--from", "alice", "--gas", "20000000", "--generate-only", "--home", home)
		bz, err := os.ReadFile(unsigned)
		require.NoError(t, err)
		big := strings.Replace(string(bz), "placeholder", strings.Repeat("x", 600<<10), 1)
		require.NoError(t, os.WriteFile(unsigned, []byte(big), 0o600))
		res := broadcastREST(t, signAndEncode(t, home, dir, unsigned, "alice"))
		requireRefusedWith(t, poststypes.ErrTextTooLong, restAnswer(res))
	})

	// Nothing refused reached a block: two more blocks change nothing.
	h, err := height(devRPCPort)
	require.NoError(t, err)
	waitForHeight(t, devRPCPort, h+2, 30*time.Second)
	require.Equal(t, before, stateOf(), "refused txs changed the state")
}

// writeCLIJSON runs a --generate-only command and writes the tx it prints.
func writeCLIJSON(t *testing.T, path string, args ...string) {
	t.Helper()
	out := mustCLIValue(t, args...)
	require.NoError(t, os.WriteFile(path, []byte(lastJSONLine(out)), 0o600))
}

// signAndEncode signs the tx in unsigned with from's key and returns the
// base64 tx bytes REST broadcasts.
func signAndEncode(t *testing.T, home, dir, unsigned, from string) string {
	t.Helper()
	signed := filepath.Join(dir, "signed.json")
	writeCLIJSON(t, signed, "tx", "sign", unsigned, "--from", from, "--chain-id", "socialchain-dev-1", "--home", home)
	return mustCLIValue(t, "tx", "encode", signed, "--home", home)
}
