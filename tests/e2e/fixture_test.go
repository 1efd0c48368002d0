//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// cli runs socialchaind with args and returns its combined output.
func cli(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// mustCLIValue runs socialchaind, fails the test on a non-zero exit, and
// returns its stdout alone with surrounding whitespace removed: the value a
// command prints (an address, a CID), never mixed with warnings on stderr.
func mustCLIValue(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "socialchaind %s:\n%s%s", strings.Join(args, " "), stdout.String(), stderr.String())
	return strings.TrimSpace(stdout.String())
}

// mustCLI is cli that fails the test on a non-zero exit.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	out, err := cli(t, args...)
	require.NoError(t, err, "socialchaind %s:\n%s", strings.Join(args, " "), out)
	return out
}

// height returns the latest block height CometBFT RPC on rpcPort reports.
func height(rpcPort int) (int64, error) {
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d/status", rpcPort))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var status struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&status); err != nil {
		return 0, err
	}
	return strconv.ParseInt(status.Result.SyncInfo.LatestBlockHeight, 10, 64)
}

// waitForHeight waits until the node on rpcPort reaches min, or fails.
func waitForHeight(t *testing.T, rpcPort int, min int64, timeout time.Duration) int64 {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last int64
	for time.Now().Before(deadline) {
		if h, err := height(rpcPort); err == nil {
			last = h
			if h >= min {
				return h
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("node with rpc port %d did not reach height %d within %s (last seen %d)", rpcPort, min, timeout, last)
	return 0
}

// getJSON GETs url and decodes the JSON body into v.
func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s: %s", url, body)
	require.NoError(t, json.Unmarshal(body, v), "GET %s: %s", url, body)
}

// txResult is what the CLI prints for a broadcast or committed tx: the
// SDK's broadcast response, or the outcome our modules' tx commands print
// after waiting for the block (height set, the new ids beside it).
type txResult struct {
	Code   uint32      `json:"code"`
	TxHash string      `json:"txhash"`
	RawLog string      `json:"raw_log"`
	Height json.Number `json:"height"`
	PostID string      `json:"post_id"`
}

// deliverTx broadcasts a tx with the CLI and returns how it ended: the
// CheckTx result when it was refused there, else its result in a block.
// Our modules' commands wait for the block themselves and exit non-zero
// when the tx failed; the SDK's return at broadcast, and wait-tx waits.
func deliverTx(t *testing.T, home string, args ...string) txResult {
	t.Helper()
	args = append(args, "--yes", "--output", "json", "--home", home)
	out, cliErr := cli(t, args...)
	var res txResult
	require.NoError(t, json.Unmarshal([]byte(lastJSONLine(out)), &res), "socialchaind %s (%v):\n%s", strings.Join(args, " "), cliErr, out)
	if res.Code != 0 {
		require.Error(t, cliErr, "a failed tx exits non-zero: %s", out)
		return res
	}
	require.NoError(t, cliErr, out)
	if h, _ := res.Height.Int64(); h > 0 {
		return res
	}
	out = mustCLI(t, "query", "wait-tx", res.TxHash, "--timeout", "30s", "--output", "json", "--home", home)
	require.NoError(t, json.Unmarshal([]byte(lastJSONLine(out)), &res), out)
	return res
}

// mustDeliver is deliverTx that requires success.
func mustDeliver(t *testing.T, home string, args ...string) {
	t.Helper()
	res := deliverTx(t, home, args...)
	require.Zero(t, res.Code, "tx %v failed: %s", args, res.RawLog)
}

// lastJSONLine returns the last line of out that looks like a JSON object;
// commands may log before printing their result.
func lastJSONLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "{") {
			return lines[i]
		}
	}
	return out
}

// newFundedKey adds a test-keyring key to home and funds it from dev.
func newFundedKey(t *testing.T, home, name string) string {
	t.Helper()
	mustCLI(t, "keys", "add", name, "--keyring-backend", "test", "--home", home)
	addr := mustCLIValue(t, "keys", "show", name, "-a", "--keyring-backend", "test", "--home", home)
	mustDeliver(t, home, "tx", "bank", "send", "dev", addr, "10000000usocial")
	return addr
}
