//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/cosmos/cosmos-sdk/codec"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

const (
	devRPCPort  = 26657
	devRESTURL  = "http://127.0.0.1:1317"
	devGRPCAddr = "127.0.0.1:9090"
)

// devChain is a running `socialchaind dev` process.
type devChain struct {
	cmd    *exec.Cmd
	out    *os.File
	exited chan error
}

func startDev(t *testing.T, home string, extraArgs ...string) *devChain {
	t.Helper()
	out, err := os.CreateTemp(t.TempDir(), "dev-out-")
	require.NoError(t, err)
	cmd := exec.Command(binary, append([]string{"dev", "--home", home}, extraArgs...)...)
	cmd.Stdout, cmd.Stderr = out, out
	require.NoError(t, cmd.Start())
	d := &devChain{cmd: cmd, out: out, exited: make(chan error, 1)}
	go func() { d.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})
	return d
}

// stop sends SIGINT, as Ctrl-C does, and requires a clean exit.
func (d *devChain) stop(t *testing.T) {
	t.Helper()
	require.NoError(t, d.cmd.Process.Signal(syscall.SIGINT))
	select {
	case err := <-d.exited:
		require.NoError(t, err, "dev exited uncleanly:\n%s", d.output(t))
	case <-time.After(45 * time.Second):
		t.Fatalf("dev did not stop within 45s after SIGINT:\n%s", d.output(t))
	}
}

func (d *devChain) output(t *testing.T) string {
	bz, err := os.ReadFile(d.out.Name())
	require.NoError(t, err)
	return string(bz)
}

// TestDevChain walks the README: the dev command makes blocks and funds the
// dev account (seen over REST and gRPC), the CLI tour sends usocial to a new
// key, bad txs are refused without changing balances, Ctrl-C stops the
// node cleanly, a restart continues the same chain, and export works.
func TestDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	waitForHeight(t, devRPCPort, 3, 90*time.Second)

	devAddr := mustCLIValue(t, "keys", "show", "dev", "-a", "--keyring-backend", "test", "--home", home)
	require.True(t, strings.HasPrefix(devAddr, "social1"), devAddr)
	require.Contains(t, dev.output(t), devAddr, "dev prints the funded account")

	// REST.
	var balances struct {
		Balances []struct{ Denom, Amount string } `json:"balances"`
	}
	getJSON(t, devRESTURL+"/cosmos/bank/v1beta1/balances/"+devAddr, &balances)
	require.Len(t, balances.Balances, 1)
	require.Equal(t, "usocial", balances.Balances[0].Denom)
	require.Equal(t, "1000000000000", balances.Balances[0].Amount)

	// gRPC, with the SDK's codec as every Go client uses it.
	conn, err := grpc.NewClient(devGRPCAddr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(codec.NewProtoCodec(nil).GRPCCodec())))
	require.NoError(t, err)
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := banktypes.NewQueryClient(conn).Balance(ctx, &banktypes.QueryBalanceRequest{Address: devAddr, Denom: "usocial"})
	require.NoError(t, err)
	require.Equal(t, "1000000000000", res.Balance.Amount.String())

	// The five-minute tour: a new key receives funds from dev.
	homeFlag := []string{"--home", home}
	mustCLI(t, append([]string{"keys", "add", "alice", "--keyring-backend", "test"}, homeFlag...)...)
	alice := mustCLIValue(t, append([]string{"keys", "show", "alice", "-a", "--keyring-backend", "test"}, homeFlag...)...)
	out := mustCLI(t, append([]string{"tx", "bank", "send", "dev", alice, "2500000usocial", "--yes", "--output", "json"}, homeFlag...)...)
	var txRes struct {
		Code   uint32 `json:"code"`
		TxHash string `json:"txhash"`
	}
	require.NoError(t, json.Unmarshal([]byte(lastJSONLine(out)), &txRes), out)
	require.Zero(t, txRes.Code, out)
	mustCLI(t, append([]string{"query", "wait-tx", txRes.TxHash, "--timeout", "30s"}, homeFlag...)...)
	require.Equal(t, "2500000", cliBalance(t, home, alice))

	aliceBefore, devBefore := cliBalance(t, home, alice), cliBalance(t, home, devAddr)
	refused := []struct {
		name string
		args []string
		want string
	}{
		{"malformed recipient address is refused", []string{"tx", "bank", "send", "dev", "social1notanaddress", "5usocial", "--yes"}, "decoding bech32 failed"},
		{"negative amount is refused", []string{"tx", "bank", "send", "dev", alice, "--yes", "--", "-5usocial"}, "invalid"},
		{"wrong chain id is refused", []string{"tx", "bank", "send", "dev", alice, "5usocial", "--yes", "--chain-id", "other-chain-1"}, "signature verification failed"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := cli(t, append(homeFlag, tc.args...)...)
			require.Contains(t, out, tc.want)
		})
	}
	// Give a wrongly accepted tx the time to land before comparing.
	h, err := height(devRPCPort)
	require.NoError(t, err)
	waitForHeight(t, devRPCPort, h+2, 30*time.Second)
	require.Equal(t, aliceBefore, cliBalance(t, home, alice))
	require.Equal(t, devBefore, cliBalance(t, home, devAddr))

	// The single validator signs every checkpoint (10-block epochs).
	waitForHeight(t, devRPCPort, 12, time.Minute)
	var cp struct {
		Checkpoint struct {
			Final       bool   `json:"final"`
			SignedPower string `json:"signed_power"`
			TotalPower  string `json:"total_power"`
		} `json:"checkpoint"`
	}
	getJSON(t, devRESTURL+"/socialchain/settlement/v1/checkpoints/1", &cp)
	require.True(t, cp.Checkpoint.Final)
	require.Equal(t, cp.Checkpoint.TotalPower, cp.Checkpoint.SignedPower)

	// ... and the dev relayer carries them to the in-process L1 within two epochs.
	waitForHeight(t, devRPCPort, 30, time.Minute)
	require.Eventually(t, func() bool { return l1LastCheckpoint(t, dev.output(t)) >= 1 }, time.Minute, time.Second,
		"no checkpoint reached the dev L1")
	var l1Status struct {
		LastCheckpoint uint64 `json:"last_checkpoint"`
		L1ChainID      uint64 `json:"l1_chain_id"`
	}
	getJSON(t, devRESTURL+"/socialchain/settlement/v1/l1-status", &l1Status)
	require.Equal(t, uint64(1337), l1Status.L1ChainID)
	require.GreaterOrEqual(t, l1Status.LastCheckpoint, uint64(1), "the node's relayer reports the L1")

	// The validator rotates its checkpoint key with a proof of possession.
	newKey, err := crypto.GenerateKey()
	require.NoError(t, err)
	keyFile := filepath.Join(t.TempDir(), "new_settlement_key.json")
	keyJSON, err := json.Marshal(map[string]string{"private_key": fmt.Sprintf("0x%x", crypto.FromECDSA(newKey))})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(keyFile, keyJSON, 0o600))
	mustDeliver(t, home, "tx", "settlement", "register-signer", "--key-file", keyFile, "--from", "validator")
	valoper := mustCLIValue(t, "keys", "show", "validator", "--bech", "val", "-a", "--keyring-backend", "test", "--home", home)
	var reg struct {
		Signer struct {
			EthAddress string `json:"eth_address"`
		} `json:"signer"`
		NextNonce string `json:"next_nonce"`
	}
	getJSON(t, devRESTURL+"/socialchain/settlement/v1/registrations/"+valoper, &reg)
	require.Equal(t, crypto.PubkeyToAddress(newKey.PublicKey).Hex(), reg.Signer.EthAddress)
	require.Equal(t, "2", reg.NextNonce, "genesis registration was nonce 0, the rotation nonce 1")

	stoppedAt, err := height(devRPCPort)
	require.NoError(t, err)
	dev.stop(t)
	t.Logf("dev chain stopped at height %d", stoppedAt)

	// Restart: the same chain continues past where it stopped.
	dev = startDev(t, home)
	waitForHeight(t, devRPCPort, stoppedAt+2, 90*time.Second)
	require.Contains(t, dev.output(t), "resuming dev chain")
	getJSON(t, devRESTURL+"/cosmos/bank/v1beta1/balances/"+alice, &balances)
	require.Equal(t, "2500000", balances.Balances[0].Amount, "state survived the restart")
	dev.stop(t)

	// Export the stopped chain's state as a genesis.
	exportFile := filepath.Join(t.TempDir(), "export.json")
	mustCLI(t, "export", "--home", home, "--output-document", exportFile)
	exported, err := os.ReadFile(exportFile)
	require.NoError(t, err)
	var genesis struct {
		ChainID  string                     `json:"chain_id"`
		AppState map[string]json.RawMessage `json:"app_state"`
	}
	require.NoError(t, json.Unmarshal(exported, &genesis))
	require.Equal(t, "socialchain-dev-1", genesis.ChainID)
	require.Contains(t, string(genesis.AppState["bank"]), alice)
}

// l1LastCheckpoint reads lastCheckpointNumber() of the settlement contract
// the dev banner names, from the dev L1's JSON-RPC.
func l1LastCheckpoint(t *testing.T, banner string) uint64 {
	t.Helper()
	i := strings.Index(banner, "settlement contract ")
	require.GreaterOrEqual(t, i, 0, banner)
	contract := strings.Fields(banner[i+len("settlement contract "):])[0]
	n, err := l1LastCheckpointAt("http://127.0.0.1:8545", contract)
	require.NoError(t, err)
	return n
}

// l1LastCheckpointAt reads lastCheckpointNumber() of contract over rpcURL.
func l1LastCheckpointAt(rpcURL, contract string) (uint64, error) {
	out, err := ethCall(rpcURL, contract, crypto.Keccak256([]byte("lastCheckpointNumber()"))[:4])
	if err != nil {
		return 0, err
	}
	if out == "0x" {
		// No code at the address yet: the dev L1 deploys the contract once
		// the chain's first signer set is queryable, a few blocks in.
		return 0, nil
	}
	n, ok := new(big.Int).SetString(strings.TrimPrefix(out, "0x"), 16)
	if !ok {
		return 0, fmt.Errorf("eth_call result %q", out)
	}
	return n.Uint64(), nil
}

// ethCall runs eth_call on the latest block and returns the hex result;
// a revert is an error.
func ethCall(rpcURL, to string, data []byte) (string, error) {
	var out struct {
		Result string `json:"result"`
		Error  *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := ethRPC(rpcURL, "eth_call", []any{map[string]string{"to": to, "data": fmt.Sprintf("0x%x", data)}, "latest"}, &out); err != nil {
		return "", err
	}
	if out.Error != nil {
		return "", fmt.Errorf("eth_call: %s", out.Error.Message)
	}
	return out.Result, nil
}

// ethRPC posts one JSON-RPC request and decodes the whole response into out.
func ethRPC(rpcURL, method string, params []any, out any) error {
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	if err != nil {
		return err
	}
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Post(rpcURL, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// cliBalance returns addr's usocial balance as `query bank balances` prints it.
func cliBalance(t *testing.T, home, addr string) string {
	t.Helper()
	out := mustCLI(t, "query", "bank", "balances", addr, "--output", "json", "--home", home)
	var res struct {
		Balances []struct{ Denom, Amount string } `json:"balances"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	for _, b := range res.Balances {
		if b.Denom == "usocial" {
			return b.Amount
		}
	}
	return "0"
}

// TestDevNodeDiesWithDev kills `dev` with SIGKILL, as a killed test or an
// OOM kill would: the node it started must stop too, not linger on the dev
// ports.
func TestDevNodeDiesWithDev(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	d := startDev(t, home)
	waitForHeight(t, devRPCPort, 1, 2*time.Minute)

	// Any of dev's threads may have started the node.
	threads, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", d.cmd.Process.Pid))
	require.NoError(t, err)
	var children string
	for _, f := range threads {
		bz, err := os.ReadFile(f)
		require.NoError(t, err)
		children += string(bz)
	}
	var node int
	_, err = fmt.Sscan(children, &node)
	require.NoError(t, err, "dev's child process: %q", children)
	require.NoError(t, d.cmd.Process.Kill())
	<-d.exited

	require.Eventually(t, func() bool { return !running(node) }, 45*time.Second, 200*time.Millisecond,
		"the node (pid %d) outlived dev", node)
}

// running reports whether pid is a live process (a zombie, exited but not
// yet reaped by whoever inherited it, is not).
func running(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the parenthesised command name.
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	return len(fields) > 0 && fields[0] != "Z"
}
