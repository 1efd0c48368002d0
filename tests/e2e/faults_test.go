//go:build e2e && faults

package e2e

// The fault scenarios of `make test-faults`: one 4-validator localnet under
// a bounded posts load from `socialchaind loadtest`, one fault per
// scenario. Each asserts the exact counts (every accepted post committed)
// and that every node lists the same posts. They build on the e2e helpers
// and run only with the faults tag as well (go test -tags e2e,faults).

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

// faultsBasePort keeps the fault localnet clear of the e2e suite's.
const faultsBasePort = 24000

// faultNet is the 4-validator localnet (scripts/localnet.sh) the scenarios
// share, checkpointing to contract on geth through a relayer.
type faultNet struct {
	dir      string
	base     int
	geth     *gethNode
	contract string
}

// TestFaults runs the fault scenarios one after another on one localnet:
// each leaves every node running and in agreement, which it asserts, so
// the next starts from a sound net; after a failed one the rest are not
// run.
func TestFaults(t *testing.T) {
	f := startFaultNet(t, faultsBasePort)
	for _, s := range faultScenarios {
		if !t.Run(s.name, func(t *testing.T) { s.run(t, f) }) {
			t.Fatalf("scenario %s failed; the net may be unsound for the rest", s.name)
		}
	}
}

// startFaultNet starts geth --dev, a 4-validator localnet whose genesis
// names the settlement contract, deploys the contract and runs a relayer;
// the test's cleanup stops them by PID.
func startFaultNet(t *testing.T, base int) *faultNet {
	t.Helper()
	gethBin := os.Getenv("GETH_BIN")
	require.NotEmpty(t, gethBin, "GETH_BIN is not set: run `make test-faults`, which installs geth with scripts/install-geth.sh")
	logFile, err := os.Create(filepath.Join(t.TempDir(), "geth.log"))
	require.NoError(t, err)
	geth := &gethNode{bin: gethBin, dir: filepath.Join(t.TempDir(), "geth"), log: logFile}
	geth.start(t)
	t.Cleanup(func() { geth.stop(t) })
	relayerAddr, keyFile := fundedL1Key(t)

	f := &faultNet{dir: filepath.Join(t.TempDir(), "localnet"), base: base, geth: geth,
		contract: crypto.CreateAddress(relayerAddr, 0).Hex()}
	t.Cleanup(func() {
		cmd := exec.Command("bash", filepath.Join(repoRoot, "scripts", "localnet.sh"), "stop")
		cmd.Env = append(os.Environ(), "LOCALNET_DIR="+f.dir)
		_ = cmd.Run()
	})
	t.Setenv("LOCALNET_INIT_FLAGS", fmt.Sprintf("--l1-chain-id %d --l1-contract %s", gethL1ChainID, f.contract))
	localnetAt(t, f.dir, base, "start", "4")
	f.waitAllAt(t, 2, 2*time.Minute)
	deployAndRelay(t, f.contract, keyFile, f.grpcAddr(0))
	return f
}

func (f *faultNet) rpcPort(i int) int    { return f.base + 10*i + 1 }
func (f *faultNet) rpcURL(i int) string  { return fmt.Sprintf("tcp://127.0.0.1:%d", f.rpcPort(i)) }
func (f *faultNet) restURL(i int) string { return fmt.Sprintf("http://127.0.0.1:%d", f.base+10*i+2) }
func (f *faultNet) grpcAddr(i int) string {
	return fmt.Sprintf("127.0.0.1:%d", f.base+10*i+3)
}
func (f *faultNet) home(i int) string { return filepath.Join(f.dir, fmt.Sprintf("node%d", i)) }

// signal sends sig to node i by its PID and waits until the process is gone.
func (f *faultNet) signal(t *testing.T, i int, sig syscall.Signal) {
	t.Helper()
	pid := nodePID(t, f.dir, i)
	require.NoError(t, syscall.Kill(pid, sig))
	require.Eventually(t, func() bool { return syscall.Kill(pid, 0) == syscall.ESRCH }, 30*time.Second, 50*time.Millisecond,
		"node%d (pid %d) still runs after %s", i, pid, sig)
}

// restart starts every stopped node again, as `make localnet-start` does.
func (f *faultNet) restart(t *testing.T) {
	t.Helper()
	localnetAt(t, f.dir, f.base, "start")
}

// waitAllAt waits until every node is at height min or above.
func (f *faultNet) waitAllAt(t *testing.T, min int64, timeout time.Duration) {
	t.Helper()
	for i := range 4 {
		waitForHeight(t, f.rpcPort(i), min, timeout)
	}
}

// latest returns node i's latest height.
func (f *faultNet) latest(t *testing.T, i int) int64 {
	t.Helper()
	h, err := height(f.rpcPort(i))
	require.NoError(t, err, "node%d", i)
	return h
}

// postList returns how many posts node i lists (GET /posts, every page) and
// a hash of the list's JSON.
func (f *faultNet) postList(t *testing.T, i int) (int, string) {
	t.Helper()
	sum := sha256.New()
	count := 0
	key := ""
	for {
		u := f.restURL(i) + "/socialchain/posts/v1/posts?pagination.limit=200"
		if key != "" {
			u += "&pagination.key=" + url.QueryEscape(key)
		}
		var page struct {
			Posts      []json.RawMessage `json:"posts"`
			Pagination struct {
				NextKey string `json:"next_key"`
			} `json:"pagination"`
		}
		getJSON(t, u, &page)
		for _, p := range page.Posts {
			sum.Write(p)
		}
		count += len(page.Posts)
		if key = page.Pagination.NextKey; key == "" {
			return count, hex.EncodeToString(sum.Sum(nil))
		}
	}
}

// postCount returns how many posts node0 lists.
func (f *faultNet) postCount(t *testing.T) int {
	t.Helper()
	n, _ := f.postList(t, 0)
	return n
}

// requireHalted requires that no live node makes a block for d (a block
// in flight at the fault may still commit first).
func (f *faultNet) requireHalted(t *testing.T, live []int, d time.Duration) int64 {
	t.Helper()
	time.Sleep(2 * time.Second)
	top := func() int64 {
		var h int64
		for _, i := range live {
			h = max(h, f.latest(t, i))
		}
		return h
	}
	h := top()
	time.Sleep(d)
	require.Equal(t, h, top(), "the live nodes %v made blocks without 2/3 of the power", live)
	t.Logf("halted at height %d", h)
	return h
}

// requireSamePosts waits until every node is past the latest height node
// ref has seen, then requires each to list exactly want posts, with the
// same list hash.
func (f *faultNet) requireSamePosts(t *testing.T, ref, want int) {
	t.Helper()
	f.waitAllAt(t, f.latest(t, ref), 2*time.Minute)
	n0, hash0 := f.postList(t, ref)
	require.Equal(t, want, n0, "node%d lists %d posts", ref, n0)
	for i := range 4 {
		n, hash := f.postList(t, i)
		require.Equal(t, want, n, "node%d lists %d posts", i, n)
		require.Equal(t, hash0, hash, "node%d lists other posts than node%d", i, ref)
	}
	t.Logf("every node lists the same %d posts (%s…)", want, hash0[:12])
}

// background is a process the test runs beside the net, its stdout and
// stderr in a file.
type background struct {
	cmd    *exec.Cmd
	out    *os.File
	exited chan error
}

// startBackground starts bin with args (and env added to the test's); the
// test's cleanup kills it if it still runs.
func startBackground(t *testing.T, env []string, bin string, args ...string) *background {
	t.Helper()
	out, err := os.CreateTemp(t.TempDir(), filepath.Base(bin)+"-out-")
	require.NoError(t, err)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = out, out
	require.NoError(t, cmd.Start())
	b := &background{cmd: cmd, out: out, exited: make(chan error, 1)}
	go func() { b.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})
	return b
}

func (b *background) output(t *testing.T) string {
	bz, err := os.ReadFile(b.out.Name())
	require.NoError(t, err)
	return string(bz)
}

// requireExitsZero waits up to timeout for the process to end with status
// 0 and returns its output.
func (b *background) requireExitsZero(t *testing.T, timeout time.Duration) string {
	t.Helper()
	select {
	case err := <-b.exited:
		require.NoError(t, err, "%s:\n%s", b.cmd, b.output(t))
	case <-time.After(timeout):
		t.Fatalf("%s still running after %s:\n%s", b.cmd, timeout, b.output(t))
	}
	return b.output(t)
}

// startLoad starts `socialchaind loadtest --json`, the posts mix from
// node0's validator key: 8 accounts at 20 posts/s for duration, sending to
// node0 unless args say otherwise.
func (f *faultNet) startLoad(t *testing.T, duration time.Duration, args ...string) *background {
	t.Helper()
	all := append([]string{"loadtest", "--json", "--home", f.home(0), "--from", "validator", "--node", f.rpcURL(0),
		"--mix", "posts", "--accounts", "8", "--rate", "20", "--duration", duration.String()}, args...)
	l := startBackground(t, nil, binary, all...)
	require.Eventually(t, func() bool { return strings.Contains(l.output(t), "sending posts txs") }, 2*time.Minute, 100*time.Millisecond,
		"the loadtest did not start sending:\n%s", l.output(t))
	return l
}

// loadResult waits for the loadtest l to end and returns its report.
func loadResult(t *testing.T, l *background) loadReport {
	t.Helper()
	out := l.requireExitsZero(t, 3*time.Minute)
	var r loadReport
	require.NoError(t, json.Unmarshal([]byte(jsonObject(out)), &r), out)
	t.Logf("load: offered %d, accepted %d, committed %d, failed %d, uncommitted %d, rebroadcasts %d, errors %v",
		r.Offered, r.Accepted, r.Committed, r.Failed, r.Uncommitted, r.Rebroadcasts, r.Errors)
	return r
}

// requireNoneLost requires every post the load had accepted to be
// committed, and nothing else to have failed.
func requireNoneLost(t *testing.T, r loadReport) {
	t.Helper()
	require.Positive(t, r.Committed, "%+v", r)
	require.Equal(t, r.Accepted, r.Committed, "every accepted post is committed: %+v", r)
	require.Zero(t, r.Failed, "%+v", r)
	require.Zero(t, r.Uncommitted, "%+v", r)
}

// appHashes returns node i's app hash after each height in [from, to]: the
// app_hash of the header of the next block.
func (f *faultNet) appHashes(t *testing.T, i int, from, to int64) []string {
	t.Helper()
	var hashes []string
	for h := from; h <= to; h++ {
		var res struct {
			Result struct {
				Header struct {
					AppHash string `json:"app_hash"`
				} `json:"header"`
			} `json:"result"`
		}
		getJSON(t, fmt.Sprintf("http://127.0.0.1:%d/header?height=%d", f.rpcPort(i), h+1), &res)
		hashes = append(hashes, res.Result.Header.AppHash)
	}
	return hashes
}

// abciInfo returns the height and app hash (hex) node i's app reports, or
// ok false while the node does not answer.
func (f *faultNet) abciInfo(i int) (int64, string, bool) {
	var res struct {
		Result struct {
			Response struct {
				LastBlockHeight  json.Number `json:"last_block_height"`
				LastBlockAppHash string      `json:"last_block_app_hash"`
			} `json:"response"`
		} `json:"result"`
	}
	if err := getJSONQuiet(fmt.Sprintf("http://127.0.0.1:%d/abci_info", f.rpcPort(i)), &res); err != nil {
		return 0, "", false
	}
	h, err := res.Result.Response.LastBlockHeight.Int64()
	if err != nil {
		return 0, "", false
	}
	hash, err := base64.StdEncoding.DecodeString(res.Result.Response.LastBlockAppHash)
	if err != nil {
		return 0, "", false
	}
	return h, strings.ToUpper(hex.EncodeToString(hash)), true
}

// getJSONQuiet is getJSON that returns errors instead of failing.
func getJSONQuiet(u string, v any) error {
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.Unmarshal(buf.Bytes(), v)
}

// mempoolSize returns how many txs node i's mempool holds, -1 while it
// does not answer.
func (f *faultNet) mempoolSize(i int) int {
	var res struct {
		Result struct {
			NTxs json.Number `json:"n_txs"`
		} `json:"result"`
	}
	if err := getJSONQuiet(fmt.Sprintf("http://127.0.0.1:%d/num_unconfirmed_txs", f.rpcPort(i)), &res); err != nil {
		return -1
	}
	n, err := res.Result.NTxs.Int64()
	if err != nil {
		return -1
	}
	return int(n)
}

// lastFinalCheckpoint returns the number of the chain's last final
// checkpoint (the latest, or the one before while the latest gathers
// signatures), which a relayer can put on the L1.
func (f *faultNet) lastFinalCheckpoint(t *testing.T) uint64 {
	t.Helper()
	var latest struct {
		Checkpoint struct {
			Checkpoint struct {
				Number json.Number `json:"number"`
			} `json:"checkpoint"`
			Final bool `json:"final"`
		} `json:"checkpoint"`
	}
	getJSON(t, f.restURL(0)+"/socialchain/settlement/v1/checkpoints/latest", &latest)
	n, err := latest.Checkpoint.Checkpoint.Number.Int64()
	require.NoError(t, err)
	if !latest.Checkpoint.Final {
		n--
	}
	return uint64(n)
}
