//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/cmd/socialchaind/cmd"
)

// TestTypeScriptClient runs the npm tests of clients/ts against a fresh dev
// chain: the cosmjs client library (profiles, posts, follows, reactions, the
// REST feed, new posts over the websocket, a refused tx), the message lane
// (an app key added and revoked, posts, a reply, a follow and a batch
// through the lane read back over REST, refused messages with their
// codespace and code), the quickstart and lane examples, the lane's test
// vector, a cosmjs Registry built from the proto bundle alone, and the
// committed browser bundle web/app/social.js, after
// checking that the bundle is current.
func TestTypeScriptClient(t *testing.T) {
	npm, err := exec.LookPath("npm")
	require.NoError(t, err, "the TypeScript client tests need node and npm on PATH")
	dir := filepath.Join(repoRoot, "clients", "ts")
	if nodeModulesStale(t, dir) {
		runNPM(t, npm, dir, nil, 5*time.Minute, "ci", "--no-audit", "--no-fund")
	}

	// The committed bundle is what scripts/web-bundle.sh builds from the
	// sources (esbuild's output does not depend on the checkout's path).
	fresh := filepath.Join(t.TempDir(), "social.js")
	bundle := exec.Command("bash", filepath.Join(repoRoot, "scripts", "web-bundle.sh"))
	bundle.Env = append(os.Environ(), "WEB_BUNDLE_OUT="+fresh)
	bout, err := bundle.CombinedOutput()
	require.NoError(t, err, "scripts/web-bundle.sh:\n%s", bout)
	want, err := os.ReadFile(fresh)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(repoRoot, "web", "app", "social.js"))
	require.NoError(t, err)
	require.True(t, bytes.Equal(want, got), "web/app/social.js is not what clients/ts/src builds; run make web-bundle")

	// The proto bundle's image, for the registry built from it
	// (test/protobundle.unit.test.ts).
	protoBundle := filepath.Join(t.TempDir(), "proto-bundle")
	pb := exec.Command("bash", filepath.Join(repoRoot, "scripts", "proto-bundle.sh"), protoBundle)
	pbout, err := pb.CombinedOutput()
	require.NoError(t, err, "scripts/proto-bundle.sh:\n%s", pbout)

	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	out := runNPM(t, npm, dir, []string{
		"SOCIAL_RPC=http://127.0.0.1:26657",
		"SOCIAL_REST=" + devRESTURL,
		"SOCIAL_FUNDER_MNEMONIC=" + cmd.DevTestMnemonic,
		"SOCIAL_PROTO_BUNDLE_IMAGE=" + protoBundle + ".binpb",
	}, 5*time.Minute, "test")
	// node's test runner ends with "# pass N" and "# fail 0"; a run that
	// found no tests would pass with N = 0.
	require.Regexp(t, regexp.MustCompile(`(?m)^# pass [1-9]\d*$`), out)
	require.Regexp(t, regexp.MustCompile(`(?m)^# fail 0$`), out)
	t.Log(regexp.MustCompile(`(?m)^# (tests|pass|fail) \d+$`).FindAllString(out, -1))
}

// nodeModulesStale reports whether clients/ts needs `npm ci`: npm records
// what it installed in node_modules/.package-lock.json, which must be newer
// than package-lock.json.
func nodeModulesStale(t *testing.T, dir string) bool {
	t.Helper()
	lock, err := os.Stat(filepath.Join(dir, "package-lock.json"))
	require.NoError(t, err)
	installed, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json"))
	return err != nil || installed.ModTime().Before(lock.ModTime())
}

// runNPM runs npm with args in dir, with env added to the test's
// environment, and returns its output; it fails the test with that output
// when npm fails or outlives timeout.
func runNPM(t *testing.T, npm, dir string, env []string, timeout time.Duration, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var out bytes.Buffer
	c := exec.CommandContext(ctx, npm, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), env...)
	c.Stdout, c.Stderr = &out, &out
	// npm runs node in children that share its output pipe: on timeout,
	// kill the whole process group, or Wait would block on the pipe.
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error { return syscall.Kill(-c.Process.Pid, syscall.SIGKILL) }
	c.WaitDelay = 10 * time.Second
	require.NoError(t, c.Run(), "npm %v in %s:\n%s", args, dir, out.String())
	return out.String()
}
