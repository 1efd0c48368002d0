//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestInclusionProofOnDevChain: a user's post and profile are proven from
// the dev L1 alone (settlement prove + verify), and tampered proofs fail.
func TestInclusionProofOnDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)
	banner := dev.output(t)
	i := strings.Index(banner, "settlement contract ")
	require.GreaterOrEqual(t, i, 0, banner)
	contract := strings.Fields(banner[i+len("settlement contract "):])[0]

	alice := newFundedKey(t, home, "alice")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--bio", "proven", "--from", "alice")
	mustDeliver(t, home, "tx", "posts", "create", "prove me #l1", "--from", "alice")

	// Wait until the record's checkpoint is on the L1.
	var rec struct {
		Checkpoint string `json:"checkpoint"`
	}
	require.Eventually(t, func() bool {
		getJSON(t, devRESTURL+"/socialchain/settlement/v1/records/post/1", &rec)
		return rec.Checkpoint != "0"
	}, time.Minute, time.Second)
	require.Eventually(t, func() bool {
		return l1LastCheckpoint(t, banner) >= parseUint(t, rec.Checkpoint)
	}, time.Minute, time.Second, "checkpoint %s never reached the L1", rec.Checkpoint)

	dir := t.TempDir()
	verify := func(file string) (string, error) {
		return cli(t, "settlement", "verify", file, "--contract", contract)
	}
	for _, target := range [][2]string{{"post", "1"}, {"profile", alice}} {
		file := filepath.Join(dir, target[0]+".json")
		mustCLI(t, "settlement", "prove", target[0], target[1], "--proof-file", file, "--home", home)
		out, err := verify(file)
		require.NoError(t, err, out)
		require.Contains(t, out, "valid: "+target[0])
	}

	// Tampering with the value, the store proof or the Merkle proof fails.
	bz, err := os.ReadFile(filepath.Join(dir, "post.json"))
	require.NoError(t, err)
	tamper := func(name string, edit func(p map[string]any)) {
		var p map[string]any
		require.NoError(t, json.Unmarshal(bz, &p))
		edit(p)
		out, err := json.Marshal(p)
		require.NoError(t, err)
		file := filepath.Join(dir, name+".json")
		require.NoError(t, os.WriteFile(file, out, 0o600))
		res, err := verify(file)
		require.Error(t, err, "%s: %s", name, res)
		require.Contains(t, res, "invalid:", name)
	}
	tamper("value", func(p map[string]any) {
		v := p["value"].(string)
		last := v[len(v)-1]
		repl := byte('0')
		if last == '0' {
			repl = '1'
		}
		p["value"] = v[:len(v)-1] + string(repl)
	})
	tamper("merkle", func(p map[string]any) {
		proof := p["merkle_proof"].([]any)
		if len(proof) == 0 {
			p["merkle_proof"] = []any{"0x" + strings.Repeat("11", 32)}
			return
		}
		proof[0] = "0x" + strings.Repeat("22", 32)
	})
	if parseUint(t, rec.Checkpoint) > 1 {
		tamper("older checkpoint", func(p map[string]any) { p["checkpoint"] = 1 })
	}

	// A checkpoint the L1 does not hold yet is "not on the L1 yet", exit
	// status 2, not "invalid".
	var p map[string]any
	require.NoError(t, json.Unmarshal(bz, &p))
	p["checkpoint"] = 999
	future, err := json.Marshal(p)
	require.NoError(t, err)
	file := filepath.Join(dir, "future.json")
	require.NoError(t, os.WriteFile(file, future, 0o600))
	res, err := verify(file)
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, res)
	require.Equal(t, 2, exit.ExitCode(), res)
	require.Contains(t, res, "not on the L1 yet: the proof is for checkpoint 999, the L1 holds up to checkpoint ")
	require.NotContains(t, res, "invalid")
}

func parseUint(t *testing.T, s string) uint64 {
	t.Helper()
	var n uint64
	for _, c := range s {
		require.True(t, c >= '0' && c <= '9', s)
		n = n*10 + uint64(c-'0')
	}
	return n
}
