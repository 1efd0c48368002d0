//go:build e2e

package e2e

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

const (
	gethHTTPPort   = 23545
	gethAuthPort   = 23551
	gethLocalBase  = 23000 // localnet ports for this test
	gethRPCURL     = "http://127.0.0.1:23545"
	gethL1ChainID  = 1337
	gethEpochWaits = 3 * time.Minute
)

// gethNode is a `geth --dev` process with a persistent data dir, so it
// can be stopped and restarted with its chain intact.
type gethNode struct {
	bin, dir string
	cmd      *exec.Cmd
	log      *os.File
}

func (g *gethNode) start(t *testing.T) {
	t.Helper()
	g.cmd = exec.Command(g.bin, "--dev", "--dev.period", "1", "--datadir", g.dir,
		"--http", "--http.addr", "127.0.0.1", "--http.port", fmt.Sprint(gethHTTPPort), "--http.api", "eth,net,web3",
		"--authrpc.port", fmt.Sprint(gethAuthPort), "--port", "0", "--nodiscover", "--maxpeers", "0", "--ipcdisable")
	g.cmd.Stdout, g.cmd.Stderr = g.log, g.log
	require.NoError(t, g.cmd.Start())
	require.Eventually(t, func() bool {
		var out struct{ Result string }
		return ethRPC(gethRPCURL, "eth_blockNumber", nil, &out) == nil && out.Result != ""
	}, time.Minute, 200*time.Millisecond, "geth did not answer on %s", gethRPCURL)
}

func (g *gethNode) stop(t *testing.T) {
	t.Helper()
	if g.cmd == nil || g.cmd.Process == nil {
		return
	}
	_ = g.cmd.Process.Signal(syscall.SIGINT)
	done := make(chan struct{})
	go func() { _ = g.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = g.cmd.Process.Kill()
		<-done
	}
	g.cmd = nil
}

// TestSettlementOnGeth: a 4-validator localnet checkpoints to a contract on
// a real `geth --dev` L1 through the relayer; geth stops for a while and
// the relayer catches up with no checkpoint skipped; a post's proof
// verifies against geth and a tampered one fails.
func TestSettlementOnGeth(t *testing.T) {
	gethBin := os.Getenv("GETH_BIN")
	require.NotEmpty(t, gethBin, "GETH_BIN is not set: run `make test-e2e`, which installs geth with scripts/install-geth.sh")

	logFile, err := os.Create(filepath.Join(t.TempDir(), "geth.log"))
	require.NoError(t, err)
	geth := &gethNode{bin: gethBin, dir: filepath.Join(t.TempDir(), "geth"), log: logFile}
	geth.start(t)
	t.Cleanup(func() { geth.stop(t) })

	// The relayer's key deploys the contract at its nonce 0, so the address
	// is known before the chain's genesis is written.
	relayerAddr, keyFile := fundedL1Key(t)
	contract := crypto.CreateAddress(relayerAddr, 0).Hex()

	// A second relayer runs inside node1 (app.toml [settlement] relay), so
	// two relayers in two processes race for every checkpoint.
	_, keyFile2 := fundedL1Key(t)

	dir := filepath.Join(t.TempDir(), "localnet")
	mustCLI(t, "testnet", "init-files", "--validators", "4", "--output-dir", dir, "--base-port", fmt.Sprint(gethLocalBase),
		"--l1-chain-id", fmt.Sprint(gethL1ChainID), "--l1-contract", contract, "--minimum-gas-prices", "0usocial")
	appToml := filepath.Join(dir, "node1", "config", "app.toml")
	cfg, err := os.ReadFile(appToml)
	require.NoError(t, err)
	cfg = []byte(strings.NewReplacer(
		"relay = false", "relay = true",
		`l1-rpc = "http://127.0.0.1:8545"`, `l1-rpc = "`+gethRPCURL+`"`,
		`relayer-key-file = "config/relayer_key.json"`, `relayer-key-file = "`+keyFile2+`"`,
	).Replace(string(cfg)))
	require.Contains(t, string(cfg), "relay = true")
	require.NoError(t, os.WriteFile(appToml, cfg, 0o600))

	env := append(os.Environ(), "LOCALNET_DIR="+dir, "SOCIALCHAIND="+binary, fmt.Sprintf("LOCALNET_BASE_PORT=%d", gethLocalBase))
	script := filepath.Join(repoRoot, "scripts", "localnet.sh")
	out, err := (&exec.Cmd{Path: "/bin/bash", Args: []string{"bash", script, "start", "4"}, Env: env}).CombinedOutput()
	require.NoError(t, err, string(out))
	t.Cleanup(func() {
		_ = (&exec.Cmd{Path: "/bin/bash", Args: []string{"bash", script, "stop"}, Env: env}).Run()
	})
	grpcAddr := fmt.Sprintf("127.0.0.1:%d", gethLocalBase+3)
	home0 := filepath.Join(dir, "node0")
	waitForHeight(t, gethLocalBase+1, 2, 2*time.Minute)

	deployAndRelay(t, contract, keyFile, grpcAddr)

	lastOnL1 := func() uint64 { return lastCheckpointOnGeth(contract) }
	require.Eventually(t, func() bool { return lastOnL1() >= 2 }, gethEpochWaits, time.Second, "checkpoints did not reach geth")

	// A post, proven later against geth.
	mustDeliver(t, home0, "tx", "profiles", "create-profile", "validator_zero", "--from", "validator")
	mustDeliver(t, home0, "tx", "posts", "create", "settled on geth", "--from", "validator")

	// geth goes away for more than an epoch, then comes back.
	before := lastOnL1()
	geth.stop(t)
	h, err := height(gethLocalBase + 1)
	require.NoError(t, err)
	waitForHeight(t, gethLocalBase+1, h+15, time.Minute)
	geth.start(t)
	require.Eventually(t, func() bool { return lastOnL1() >= before+2 }, gethEpochWaits, time.Second,
		"the relayer did not catch up after geth restarted (L1 at %d)", lastOnL1())

	// node1's embedded relayer ran alongside the CLI relayer.
	node1Log, err := os.ReadFile(filepath.Join(dir, "node1", "node.log"))
	require.NoError(t, err)
	require.Contains(t, string(node1Log), "relayer started", "node1's embedded relayer did not start")
	require.NotContains(t, string(node1Log), "relayer not started")

	requireNoCheckpointSkipped(t, contract, lastOnL1())

	// The post's proof verifies against geth; a tampered one does not.
	proofFile := filepath.Join(t.TempDir(), "post.json")
	require.Eventually(t, func() bool {
		_, err := cli(t, "settlement", "prove", "post", "1", "--proof-file", proofFile, "--home", home0)
		if err != nil {
			return false
		}
		var p struct{ Checkpoint uint64 }
		bz, _ := os.ReadFile(proofFile)
		return json.Unmarshal(bz, &p) == nil && p.Checkpoint <= lastOnL1()
	}, gethEpochWaits, time.Second, "the post's checkpoint never reached geth")
	out2 := mustCLI(t, "settlement", "verify", proofFile, "--l1-rpc", gethRPCURL, "--contract", contract)
	require.Contains(t, out2, "valid: post 1")

	bz, err := os.ReadFile(proofFile)
	require.NoError(t, err)
	var p map[string]any
	require.NoError(t, json.Unmarshal(bz, &p))
	p["leaf"] = "0x" + strings.Repeat("33", 32)
	bad, err := json.Marshal(p)
	require.NoError(t, err)
	badFile := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(badFile, bad, 0o600))
	res, err := cli(t, "settlement", "verify", badFile, "--l1-rpc", gethRPCURL, "--contract", contract)
	require.Error(t, err, res)
	require.Contains(t, res, "invalid:")
}

// fundedL1Key writes a fresh L1 key to a key file (the relayer's format)
// and funds its address with 100 ETH from geth --dev's developer account.
func fundedL1Key(t *testing.T) (common.Address, string) {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	addr := crypto.PubkeyToAddress(key.PublicKey)
	keyFile := filepath.Join(t.TempDir(), "relayer-"+addr.Hex()+".json")
	keyJSON, err := json.Marshal(map[string]string{"private_key": "0x" + hex.EncodeToString(crypto.FromECDSA(key))})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(keyFile, keyJSON, 0o600))

	var accounts struct{ Result []string }
	require.NoError(t, ethRPC(gethRPCURL, "eth_accounts", nil, &accounts))
	require.NotEmpty(t, accounts.Result, "geth --dev has a funded developer account")
	var sent struct {
		Result string
		Error  *struct{ Message string }
	}
	require.NoError(t, ethRPC(gethRPCURL, "eth_sendTransaction", []any{map[string]string{
		"from": accounts.Result[0], "to": addr.Hex(), "value": "0x56bc75e2d63100000", // 100 ETH
	}}, &sent))
	require.Nil(t, sent.Error, "funding an L1 key: %+v", sent.Error)
	return addr, keyFile
}

// deployAndRelay deploys the settlement contract with keyFile (whose nonce
// 0 makes it contract) and runs `settlement relay` against the chain's gRPC
// until the test ends.
func deployAndRelay(t *testing.T, contract, keyFile, grpcAddr string) {
	t.Helper()
	deployed := mustCLIValue(t, "settlement", "deploy", "--l1-rpc", gethRPCURL, "--key-file", keyFile, "--grpc-addr", grpcAddr)
	require.Equal(t, contract, lastLine(deployed))

	relayLog, err := os.Create(filepath.Join(t.TempDir(), "relayer.log"))
	require.NoError(t, err)
	relay := exec.Command(binary, "settlement", "relay", "--l1-rpc", gethRPCURL, "--contract", contract, "--key-file", keyFile, "--grpc-addr", grpcAddr)
	relay.Stdout, relay.Stderr = relayLog, relayLog
	require.NoError(t, relay.Start())
	t.Cleanup(func() {
		_ = relay.Process.Signal(syscall.SIGINT)
		_ = relay.Wait()
	})
}

// lastCheckpointOnGeth returns the number of the last checkpoint contract
// holds on geth, 0 while geth does not answer.
func lastCheckpointOnGeth(contract string) uint64 {
	n, err := l1LastCheckpointAt(gethRPCURL, contract)
	if err != nil {
		return 0
	}
	return n
}

// requireNoCheckpointSkipped requires checkpoints 1..last on the L1.
func requireNoCheckpointSkipped(t *testing.T, contract string, last uint64) {
	t.Helper()
	selector := crypto.Keccak256([]byte("checkpointAt(uint64)"))[:4]
	for n := uint64(1); n <= last; n++ {
		arg := make([]byte, 32)
		arg[31], arg[30] = byte(n), byte(n>>8)
		_, err := ethCall(gethRPCURL, contract, append(append([]byte{}, selector...), arg...))
		require.NoError(t, err, "checkpoint %d is missing on the L1: an epoch was skipped", n)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
