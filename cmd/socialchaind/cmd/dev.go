package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/l1/relayer"
	"github.com/socialchain/socialchain/p2p"
)

// DevTestMnemonic is the PUBLIC test mnemonic of the dev chain's funded
// account. Anyone can derive its keys: never send real value to it.
const DevTestMnemonic = "fiscal thunder what alley modify stool fuel brass alpha resemble typical follow purity pumpkin scout pave ankle suit banana rate need slow bleak venue"

// DevKeyName is the dev account's name in the dev home's test keyring.
const DevKeyName = "dev"

// devPorts are the well-known local ports of the dev chain.
var devPorts = nodePorts{P2P: 26656, RPC: 26657, API: 1317, GRPC: 9090, Content: p2p.DefaultListenPort}

const flagReset = "reset"

// DevCmd starts a one-validator development chain, creating its home on
// first use and resuming it afterwards.
func DevCmd(mbm genesisDefaults) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dev",
		Short: "Start a single-validator development chain with a funded dev account",
		Long: `Creates (or reuses) a home with one validator and a dev account funded from
the public test mnemonic, then starts the node with REST on 127.0.0.1:1317,
gRPC on 127.0.0.1:9090 and CometBFT RPC on 127.0.0.1:26657, one block a second.
Ctrl-C stops it; running it again resumes the same chain. --reset wipes the
home first. Node logs go to <home>/dev.log.`,
		Example: "socialchaind dev\nsocialchaind dev --home /tmp/social-dev --reset",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx := client.GetClientContextFromCmd(cmd).WithCmdContext(cmd.Context())
			home := clientCtx.HomeDir
			reset, _ := cmd.Flags().GetBool(flagReset)
			if reset {
				if err := os.RemoveAll(home); err != nil {
					return fmt.Errorf("resetting %s: %w", home, err)
				}
			}
			devAddr, created, err := ensureDevHome(clientCtx, home, mbm)
			if err != nil {
				return err
			}
			if created {
				cmd.Printf("created dev chain %s in %s\n", app.DefaultChainID, home)
			} else {
				cmd.Printf("resuming dev chain in %s\n", home)
			}
			return runDevNode(cmd, home, devAddr)
		},
	}
	cmd.Flags().Bool(flagReset, false, "delete the dev home and start a fresh chain")
	return cmd
}

// ensureDevHome writes the dev home unless it already holds a genesis.
func ensureDevHome(clientCtx client.Context, home string, mbm genesisDefaults) (devAddr sdk.AccAddress, created bool, err error) {
	kr, err := testKeyring(clientCtx, home)
	if err != nil {
		return nil, false, err
	}
	if _, err := os.Stat(filepath.Join(home, "config", "genesis.json")); err == nil {
		rec, err := kr.Key(DevKeyName)
		if err != nil {
			return nil, false, fmt.Errorf("%s has a genesis but no %q key: run with --reset", home, DevKeyName)
		}
		addr, err := rec.GetAddress()
		return addr, false, err
	}

	if devAddr, err = importKey(kr, DevKeyName, DevTestMnemonic); err != nil {
		return nil, false, err
	}
	contract, err := devL1ContractAddress()
	if err != nil {
		return nil, false, err
	}
	l1Key, err := devL1Key()
	if err != nil {
		return nil, false, err
	}
	spec := networkSpec{
		ChainID: app.DefaultChainID,
		Nodes:   []*validatorNode{{Moniker: "dev", Home: home, Ports: devPorts}},
		Accounts: []genesisAccount{{
			Address: devAddr,
			Coins:   sdk.NewCoins(sdk.NewCoin(app.BondDenom, sdk.TokensFromConsensusPower(1_000_000, sdk.DefaultPowerReduction))),
		}},
		ValidatorBalance: sdk.TokensFromConsensusPower(1_000_000, sdk.DefaultPowerReduction),
		SelfDelegation:   sdk.TokensFromConsensusPower(100, sdk.DefaultPowerReduction),
		BlockTime:        time.Second,
		// Free, with CometBFT's limits: a development chain.
		MinGasPrices: "0" + app.BondDenom,
		GenesisTime:  time.Now().UTC().Truncate(time.Second),
		L1ChainID:    devL1ChainID(),
		L1Contract:   contract.Hex(),
		// The node relays to the dev L1 itself ([settlement] in app.toml),
		// so GET /socialchain/settlement/v1/l1-status shows the relayer.
		Relayer: &nodeRelayer{L1RPC: fmt.Sprintf("http://127.0.0.1:%d", devL1Port), Key: l1Key},
	}
	if err := writeNetwork(clientCtx, spec, mbm); err != nil {
		return nil, false, err
	}
	return devAddr, true, nil
}

// runDevNode runs `socialchaind start` on home as a child process, prints
// the endpoints once the first block is in, and stops the node cleanly on
// SIGINT/SIGTERM.
func runDevNode(cmd *cobra.Command, home string, devAddr sdk.AccAddress) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	logPath := filepath.Join(home, "dev.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer logFile.Close()

	l1Ctx, stopL1 := context.WithCancel(context.Background())
	defer stopL1()
	l1, err := startDevL1(l1Ctx)
	if err != nil {
		return err
	}
	defer func() {
		stopL1()
		_ = l1.Close()
	}()

	// Before the child starts: a signal that came between its start and
	// Notify would kill only us and leave the node running on its own.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(signals)

	// Plain log lines: dev.log is a file, not a terminal.
	node := exec.Command(exe, "start", "--home", home, "--"+flags.FlagLogNoColor)
	node.Stdout, node.Stderr = logFile, logFile
	node.SysProcAttr = devNodeProcAttr()
	if err := node.Start(); err != nil {
		return fmt.Errorf("starting node: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- node.Wait() }()

	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	ready := make(chan int64, 1)
	go func() {
		if h, err := waitForHeight(ctx, devPorts.RPC, 1); err == nil {
			ready <- h
		}
	}()
	noBlockYet := time.After(90 * time.Second)

	for {
		select {
		case h := <-ready:
			printDevBanner(cmd, home, logPath, devAddr, h)
			noBlockYet = nil
			go deployDevContract(l1Ctx, l1, logFile)
		case <-noBlockYet:
			cmd.PrintErrf("no block after 90s; see %s\n", logPath)
		case err := <-exited:
			if err != nil {
				return fmt.Errorf("node exited: %w (see %s)", err, logPath)
			}
			return nil
		case sig := <-signals:
			cmd.Printf("\n%s: stopping the node…\n", sig)
			stopL1()
			_ = node.Process.Signal(syscall.SIGINT)
			select {
			case <-exited:
				cmd.Println("node stopped")
				return nil
			case <-time.After(30 * time.Second):
				_ = node.Process.Kill()
				<-exited
				return errors.New("node did not stop within 30s and was killed")
			}
		}
	}
}

func printDevBanner(cmd *cobra.Command, home, logPath string, devAddr sdk.AccAddress, height int64) {
	cmd.Printf(`
socialchain dev chain is running (chain id %s, height %d)

  REST (gRPC-gateway)  http://127.0.0.1:%d
  gRPC                 127.0.0.1:%d (server reflection on)
  CometBFT RPC         http://127.0.0.1:%d   websocket ws://127.0.0.1:%d/websocket

  L1 (in-process)      http://127.0.0.1:%d  chain id %d  settlement contract %s
                       checkpoints are relayed every epoch: GET /socialchain/settlement/v1/l1-status

  dev account          %s
                       key %q in the test keyring of %s
  node logs            %s

Press Ctrl-C to stop; run the same command again to resume.
`, app.DefaultChainID, height, devPorts.API, devPorts.GRPC, devPorts.RPC, devPorts.RPC,
		devL1Port, devL1ChainID(), contractHex(), devAddr, DevKeyName, home, logPath)
}

// waitForHeight polls CometBFT's /status on rpcPort until the latest block
// height reaches minHeight.
func waitForHeight(ctx context.Context, rpcPort int, minHeight int64) (int64, error) {
	url := fmt.Sprintf("http://127.0.0.1:%d/status", rpcPort)
	for {
		if h, err := latestHeight(ctx, url); err == nil && h >= minHeight {
			return h, nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func latestHeight(ctx context.Context, statusURL string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, statusURL, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
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

func contractHex() string {
	addr, err := devL1ContractAddress()
	if err != nil {
		return "?"
	}
	return addr.Hex()
}

// deployDevContract deploys the settlement contract on the dev L1 with the
// chain's first signer set, at the address the dev genesis names; the
// node's embedded relayer takes it from there.
func deployDevContract(ctx context.Context, l1 *devL1, logOut io.Writer) {
	logger := log.NewLogger(logOut, log.ColorOption(false)).With("module", "dev-l1")
	want, err := devL1ContractAddress()
	if err != nil {
		logger.Error("deploying the settlement contract", "err", err)
		return
	}
	// A failed attempt (the node busy, a receipt not seen in time) is
	// retried; the contract must end at the address the genesis names.
	const attempts = 30
	for attempt := 1; ; attempt++ {
		err := deployDevContractOnce(ctx, l1, want)
		if err == nil {
			logger.Info("settlement contract deployed on the dev L1", "address", want.Hex())
			return
		}
		if ctx.Err() != nil {
			return
		}
		if attempt == attempts || errors.Is(err, errDevContractMisplaced) {
			logger.Error("deploying the settlement contract: giving up", "attempts", attempts, "err", err)
			return
		}
		logger.Error("deploying the settlement contract; retrying in 2s", "attempt", attempt, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(2 * time.Second):
		}
	}
}

// errDevContractMisplaced ends the retries: the deployer's nonce has moved
// past the genesis address, so another attempt cannot reach it.
var errDevContractMisplaced = errors.New("settlement contract deployed at the wrong address")

// deployDevContractOnce deploys the contract unless an earlier attempt's
// transaction already put it at want.
func deployDevContractOnce(ctx context.Context, l1 *devL1, want common.Address) error {
	client := l1.backend.Client()
	if code, err := client.CodeAt(ctx, want, nil); err == nil && len(code) > 0 {
		return nil
	}
	conn, err := relayer.DialNode(fmt.Sprintf("127.0.0.1:%d", devPorts.GRPC))
	if err != nil {
		return fmt.Errorf("connecting to the node: %w", err)
	}
	defer conn.Close()
	addr, err := relayer.DeployFromChain(ctx, client, conn, l1.key)
	if err != nil {
		return err
	}
	if addr != want {
		return fmt.Errorf("%w: at %s, not at %s where the genesis expects it", errDevContractMisplaced, addr.Hex(), want.Hex())
	}
	return nil
}
