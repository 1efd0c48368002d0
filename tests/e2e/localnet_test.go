//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// localnetBasePort keeps the localnet clear of the dev chain's ports.
// Every fixed port of the suite sits below Linux's ephemeral range
// (32768-60999): there a port could already be the source port of some
// outgoing connection when a node binds it, and the node would exit with
// "address already in use".
const localnetBasePort = 21000

func localnetRPCPort(i int) int { return localnetBasePort + 10*i + 1 }

// localnet runs scripts/localnet.sh with this test's directory and binary.
func localnet(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return localnetAt(t, dir, localnetBasePort, args...)
}

// localnetAt is localnet with the given base port.
func localnetAt(t *testing.T, dir string, basePort int, args ...string) string {
	t.Helper()
	cmd := exec.Command("bash", append([]string{filepath.Join(repoRoot, "scripts", "localnet.sh")}, args...)...)
	cmd.Env = append(os.Environ(),
		"LOCALNET_DIR="+dir,
		"SOCIALCHAIND="+binary,
		"LOCALNET_BASE_PORT="+strconv.Itoa(basePort),
	)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "localnet.sh %s:\n%s", strings.Join(args, " "), out)
	if len(args) == 2 && args[0] == "start" { // the first start, which writes the homes
		t.Cleanup(func() {
			if !t.Failed() {
				return
			}
			logs, _ := filepath.Glob(filepath.Join(dir, "node*", "node.log"))
			for _, log := range logs {
				logLines(t, log, 30)
			}
		})
	}
	return string(out)
}

func nodePID(t *testing.T, dir string, i int) int {
	t.Helper()
	bz, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("node%d", i), "node.pid"))
	require.NoError(t, err)
	pid, err := strconv.Atoi(strings.TrimSpace(string(bz)))
	require.NoError(t, err)
	return pid
}

// TestLocalnetSurvivesValidatorCrash starts four validators as separate
// processes, kills one with SIGKILL, checks the other three keep making
// blocks (3/4 of the power is above 2/3), restarts it and checks it
// catches up; then stops the net by PID.
func TestLocalnetSurvivesValidatorCrash(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "localnet")
	t.Cleanup(func() {
		out, _ := exec.Command("bash", filepath.Join(repoRoot, "scripts", "localnet.sh"), "stop").CombinedOutput()
		_ = out
	})
	t.Setenv("LOCALNET_DIR", dir) // for the cleanup's stop

	localnet(t, dir, "start", "4")
	for i := range 4 {
		waitForHeight(t, localnetRPCPort(i), 3, 2*time.Minute)
	}

	victim := 3
	pid := nodePID(t, dir, victim)
	require.NoError(t, syscall.Kill(pid, syscall.SIGKILL))
	_, err := height(localnetRPCPort(victim))
	for i := 0; err == nil && i < 20; i++ {
		time.Sleep(100 * time.Millisecond)
		_, err = height(localnetRPCPort(victim))
	}
	require.Error(t, err, "killed node still answers")

	h, err := height(localnetRPCPort(0))
	require.NoError(t, err)
	afterCrash := waitForHeight(t, localnetRPCPort(0), h+3, time.Minute)
	t.Logf("network went on to height %d without node%d", afterCrash, victim)

	out := localnet(t, dir, "start")
	require.Contains(t, out, fmt.Sprintf("node%d started", victim))
	require.Contains(t, out, "node0 already running")
	target, err := height(localnetRPCPort(0))
	require.NoError(t, err)
	caughtUp := waitForHeight(t, localnetRPCPort(victim), target, 2*time.Minute)
	t.Logf("node%d caught up to height %d", victim, caughtUp)

	// Validators sign checkpoints in their vote extensions: with the
	// default 10-block epochs one is final by now, with at least 3 of 4
	// signatures (one node was down for a while).
	var cp struct {
		Checkpoint struct {
			Checkpoint struct {
				Number string `json:"number"`
			} `json:"checkpoint"`
			Signatures []json.RawMessage `json:"signatures"`
			Final      bool              `json:"final"`
		} `json:"checkpoint"`
	}
	waitForHeight(t, localnetRPCPort(0), 24, 2*time.Minute)
	getJSON(t, fmt.Sprintf("http://127.0.0.1:%d/socialchain/settlement/v1/checkpoints/1", localnetBasePort+2), &cp)
	require.True(t, cp.Checkpoint.Final, "checkpoint 1 is final")
	require.GreaterOrEqual(t, len(cp.Checkpoint.Signatures), 3)

	status := localnet(t, dir, "status")
	require.Equal(t, 4, strings.Count(status, "running"), status)

	pids := make([]int, 4)
	for i := range pids {
		pids[i] = nodePID(t, dir, i)
	}
	localnet(t, dir, "stop")
	for i, pid := range pids {
		require.ErrorIs(t, syscall.Kill(pid, 0), syscall.ESRCH, "node%d (pid %d) still alive after stop", i, pid)
	}
}
