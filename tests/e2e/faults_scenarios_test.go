//go:build e2e && faults

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/loadtest"
)

// faultScenarios run in this order on one net (TestFaults). The mempool
// scenario posts from load account 0, whose profile the loadtests before
// it created.
var faultScenarios = []struct {
	name string
	run  func(t *testing.T, f *faultNet)
}{
	{"ValidatorKilledCatchesUp", faultValidatorKilled},
	{"EntryNodeKilledLoadRebroadcasts", faultEntryNodeKilled},
	{"TwoOfFourKilledHaltAndResume", faultTwoOfFourKilled},
	{"EveryMempoolLostClientsRebroadcast", faultEveryMempoolLost},
	{"L1DownNoCheckpointSkipped", faultL1Down},
	{"BlobHolderStopsContentServed", faultBlobHolderStops},
	{"AllStoppedSameAppHash", faultAllStopped},
}

// faultValidatorKilled: kill -9 of a validator the load does not send to;
// the other three go on, it restarts and catches up.
func faultValidatorKilled(t *testing.T, f *faultNet) {
	before := f.postCount(t)
	load := f.startLoad(t, 20*time.Second)
	time.Sleep(3 * time.Second)
	f.signal(t, 3, syscall.SIGKILL)
	h := f.latest(t, 0)
	waitForHeight(t, f.rpcPort(0), h+3, time.Minute)
	f.restart(t)
	waitForHeight(t, f.rpcPort(3), f.latest(t, 0), 2*time.Minute)
	t.Logf("node3 caught up at height %d", f.latest(t, 3))

	r := loadResult(t, load)
	requireNoneLost(t, r)
	f.requireSamePosts(t, 0, before+r.Committed)
}

// faultEntryNodeKilled: kill -9 of the node the load sends to (over gRPC),
// which loses its mempool; the loadtest, in rebroadcast mode, offers again
// what it did not answer for or lost, watching blocks on node1. No
// accepted post is lost.
func faultEntryNodeKilled(t *testing.T, f *faultNet) {
	before := f.postCount(t)
	load := f.startLoad(t, 25*time.Second,
		"--node", f.rpcURL(1), "--results-grpc", f.grpcAddr(1), "--grpc-endpoint", f.grpcAddr(0), "--rebroadcast")
	time.Sleep(4 * time.Second)
	f.signal(t, 0, syscall.SIGKILL)
	h := f.latest(t, 1)
	waitForHeight(t, f.rpcPort(1), h+2, time.Minute)
	f.restart(t)

	r := loadResult(t, load)
	require.Positive(t, r.Errors["transport"], "the load kept offering while its node was down: %+v", r)
	requireNoneLost(t, r)
	f.requireSamePosts(t, 1, before+r.Committed)
}

// faultTwoOfFourKilled: kill -9 of two validators (half the power) halts
// the chain; the posts accepted meanwhile wait in the live nodes'
// mempools, and once the two restart the chain resumes on its own.
func faultTwoOfFourKilled(t *testing.T, f *faultNet) {
	before := f.postCount(t)
	load := f.startLoad(t, 20*time.Second)
	time.Sleep(3 * time.Second)
	f.signal(t, 2, syscall.SIGKILL)
	f.signal(t, 3, syscall.SIGKILL)
	h := f.requireHalted(t, []int{0, 1}, 5*time.Second)
	f.restart(t)
	f.waitAllAt(t, h+2, 2*time.Minute)

	r := loadResult(t, load)
	requireNoneLost(t, r)
	f.requireSamePosts(t, 0, before+r.Committed)
}

// faultEveryMempoolLost: with the chain halted (two validators killed), a
// post from the CLI (`tx posts create`, waiting by default) and one from
// the TypeScript client are accepted by node0; then node0 and node1 are
// killed too, so no mempool holds them. After the restart only their
// clients can offer them again, within the timeout height each signed:
// both commit, and both clients exit 0.
func faultEveryMempoolLost(t *testing.T, f *faultNet) {
	tsExample := buildTSClient(t)
	mustDeliver(t, f.home(0), "tx", "profiles", "create-profile", "validator_zero", "--from", "validator")
	before := f.postCount(t)

	f.signal(t, 2, syscall.SIGKILL)
	f.signal(t, 3, syscall.SIGKILL)
	h := f.requireHalted(t, []int{0, 1}, 3*time.Second)
	cliPost := startBackground(t, nil, binary, "tx", "posts", "create", "offered again by the CLI",
		"--from", "validator", "--home", f.home(0), "--node", f.rpcURL(0), "--yes", "--output", "json", "--wait-timeout", "4m")
	tsPost := startBackground(t, []string{
		fmt.Sprintf("SOCIAL_RPC=http://127.0.0.1:%d", f.rpcPort(0)),
		"SOCIAL_MNEMONIC=" + loadtest.DefaultMnemonic, // load account 0
	}, "node", tsExample, "offered again by the TypeScript client")
	require.Eventually(t, func() bool { return f.mempoolSize(0) >= 2 }, time.Minute, 100*time.Millisecond,
		"node0 did not accept both posts:\nCLI: %s\nTS: %s", cliPost.output(t), tsPost.output(t))
	require.Equal(t, h, f.latest(t, 0), "still halted: neither post is in a block")
	f.signal(t, 0, syscall.SIGKILL)
	f.signal(t, 1, syscall.SIGKILL)
	f.restart(t)

	var cliRes txResult
	cliOut := cliPost.requireExitsZero(t, 4*time.Minute)
	require.NoError(t, json.Unmarshal([]byte(lastJSONLine(cliOut)), &cliRes), cliOut)
	require.NotEmpty(t, cliRes.PostID, cliOut)
	tsOut := tsPost.requireExitsZero(t, 4*time.Minute)
	require.Regexp(t, regexp.MustCompile(`(?m)^post \d+ at height \d+$`), tsOut)
	t.Logf("CLI post %s, TS %s", cliRes.PostID, lastLine(tsOut))
	f.requireSamePosts(t, 0, before+2)
}

// faultL1Down: geth --dev stops for 30 s under load; the relayer catches
// up once it is back and the L1 holds every checkpoint, none skipped.
func faultL1Down(t *testing.T, f *faultNet) {
	require.Eventually(t, func() bool { return lastCheckpointOnGeth(f.contract) >= 1 }, gethEpochWaits, time.Second,
		"no checkpoint reached geth")
	before := f.postCount(t)
	load := f.startLoad(t, 20*time.Second)
	onL1 := lastCheckpointOnGeth(f.contract)
	f.geth.stop(t)
	time.Sleep(30 * time.Second)
	f.geth.start(t)
	final := f.lastFinalCheckpoint(t)
	require.GreaterOrEqual(t, final, onL1+2, "the outage spans at least two epochs")
	require.Eventually(t, func() bool { return lastCheckpointOnGeth(f.contract) >= final }, gethEpochWaits, time.Second,
		"the relayer did not catch up to checkpoint %d after geth restarted (L1 at %d)", final, lastCheckpointOnGeth(f.contract))
	requireNoCheckpointSkipped(t, f.contract, lastCheckpointOnGeth(f.contract))
	t.Logf("L1 at checkpoint %d before the outage, %d after, none skipped", onL1, lastCheckpointOnGeth(f.contract))

	r := loadResult(t, load)
	requireNoneLost(t, r)
	f.requireSamePosts(t, 0, before+r.Committed)
}

// faultBlobHolderStops: a post's file is uploaded to node3 only; once
// node1 pinned it (fetched over bitswap) node3 is killed, and node1 still
// serves the bytes.
func faultBlobHolderStops(t *testing.T, f *faultNet) {
	mustDeliver(t, f.home(3), "tx", "profiles", "create-profile", "validator_three", "--from", "validator")
	before := f.postCount(t)
	load := f.startLoad(t, 20*time.Second)
	file, data := randomFile(t, 200_000)
	mustDeliver(t, f.home(3), "tx", "posts", "create", "only on node3", "--attach", file, "--api-url", f.restURL(3), "--from", "validator")
	c := mustCLIValue(t, "content", "add", file, "--api-url", f.restURL(3)) // same bytes, same CID
	waitPinned(t, f.restURL(1), c, time.Minute)
	f.signal(t, 3, syscall.SIGKILL)
	status, got := httpGetBytes(t, f.restURL(1)+"/ipfs/"+c)
	require.Equal(t, http.StatusOK, status)
	require.True(t, bytes.Equal(data, got), "node1 serves node3's bytes after node3 stopped")
	f.restart(t)

	r := loadResult(t, load)
	requireNoneLost(t, r)
	f.requireSamePosts(t, 0, before+r.Committed+1)
}

// faultAllStopped: after a load, SIGINT stops every node; restarted, each
// app reports the state it had (its app hash is the one the chain agreed
// on for its height), the blocks on disk are the same, and the chain goes
// on with the same posts.
func faultAllStopped(t *testing.T, f *faultNet) {
	before := f.postCount(t)
	r := loadResult(t, f.startLoad(t, 10*time.Second))
	requireNoneLost(t, r)
	last := f.latest(t, 0)
	from := max(1, last-20)
	hashes := f.appHashes(t, 0, from, last-1)
	for i := range 4 {
		f.signal(t, i, syscall.SIGINT)
	}
	f.restart(t)

	reloaded := map[int]struct {
		height int64
		hash   string
	}{}
	require.Eventually(t, func() bool {
		for i := range 4 {
			if _, ok := reloaded[i]; ok {
				continue
			}
			if h, hash, ok := f.abciInfo(i); ok {
				reloaded[i] = struct {
					height int64
					hash   string
				}{h, hash}
			}
		}
		return len(reloaded) == 4
	}, 2*time.Minute, 100*time.Millisecond, "not every node answered after the restart")
	top := int64(0)
	for _, r := range reloaded {
		top = max(top, r.height)
	}
	f.waitAllAt(t, top+2, 2*time.Minute)
	for i := range 4 {
		require.Equal(t, hashes, f.appHashes(t, i, from, last-1), "node%d's blocks before the stop", i)
		rl := reloaded[i]
		require.Equal(t, f.appHashes(t, 0, rl.height, rl.height)[0], rl.hash,
			"node%d's app reloaded at height %d with another state than the chain's", i, rl.height)
	}
	t.Logf("every node restarted with the chain's app hash (heights %v)", reloaded)
	f.requireSamePosts(t, 0, before+r.Committed)
}

// buildTSClient installs and compiles clients/ts and returns the path of
// its compiled rebroadcast example.
func buildTSClient(t *testing.T) string {
	t.Helper()
	npm, err := exec.LookPath("npm")
	require.NoError(t, err, "the TypeScript client needs node and npm on PATH")
	dir := filepath.Join(repoRoot, "clients", "ts")
	if nodeModulesStale(t, dir) {
		runNPM(t, npm, dir, nil, 5*time.Minute, "ci", "--no-audit", "--no-fund")
	}
	runNPM(t, npm, dir, nil, 5*time.Minute, "run", "build")
	return filepath.Join(dir, "dist", "examples", "rebroadcast.js")
}
