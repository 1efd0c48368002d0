package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"time"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Config is what a run does.
type Config struct {
	Mix      Mix
	Accounts int
	// Senders is how many goroutines broadcast, each owning a disjoint
	// set of accounts so per-account sequence order holds; 0 picks
	// min(accounts, 16).
	Senders int
	// Rate is the target tx/s (lane mix: messages/s) over all senders; 0
	// sends as fast as the node accepts.
	Rate     float64
	Duration time.Duration
	Mnemonic string
	// Fees is the fee of every load tx (zero by default).
	Fees sdk.Coins
	// Fund is the balance each load account is topped up to when it
	// holds less than half of it.
	Fund sdk.Coin
	// Presign is how many txs are signed before the clock starts; 0
	// derives it from rate and duration. Senders sign more on the fly if
	// they run out.
	Presign int
	// Rebroadcast makes the tx mixes offer again what a node lost or never
	// answered (see rebroadcast.go), as a client that survives the loss of
	// its node's mempool does. Not for the lane mix.
	Rebroadcast bool
}

// Limits of a run's config.
const (
	MaxSenders  = 256
	MaxDuration = 24 * time.Hour
	MaxPresign  = 500_000
	// autoPresignRate is the rate assumed for presigning when sending as
	// fast as accepted; above the bank ceiling measured on 2 cores.
	autoPresignRate = 1500
)

// Validate checks every field and names the one that is wrong.
func (c Config) Validate() error {
	if _, err := ParseMix(string(c.Mix)); err != nil {
		return err
	}
	if c.Accounts < 1 || c.Accounts > MaxAccounts {
		return fmt.Errorf("accounts %d is outside 1-%d", c.Accounts, MaxAccounts)
	}
	if c.Mix == MixMixed && c.Accounts < 2 {
		return fmt.Errorf("accounts %d is below 2, the least the mixed mix needs (it follows and replies to another account)", c.Accounts)
	}
	if c.Senders < 0 || c.Senders > MaxSenders {
		return fmt.Errorf("senders %d is outside 0-%d", c.Senders, MaxSenders)
	}
	if c.Rate < 0 || math.IsNaN(c.Rate) || math.IsInf(c.Rate, 0) {
		return fmt.Errorf("rate %v must be a finite number >= 0", c.Rate)
	}
	if c.Duration <= 0 || c.Duration > MaxDuration {
		return fmt.Errorf("duration %s is outside (0, %s]", c.Duration, MaxDuration)
	}
	if c.Presign < 0 || c.Presign > MaxPresign {
		return fmt.Errorf("presign %d is outside 0-%d", c.Presign, MaxPresign)
	}
	if c.Rebroadcast && c.Mix.IsLane() {
		return errors.New("rebroadcast is for the tx mixes; the lane keeps accepted messages in the node's persisted pool")
	}
	if c.Mnemonic == "" {
		return errors.New("mnemonic is empty")
	}
	if !c.Fund.IsValid() || !c.Fund.IsPositive() {
		return fmt.Errorf("fund %s must be a positive coin", c.Fund)
	}
	return nil
}

// senders returns the effective number of senders.
func (c Config) senders() int {
	if c.Senders > 0 {
		return min(c.Senders, c.Accounts)
	}
	return min(c.Accounts, 16)
}

// presignPerAccount is how many txs each account signs before the clock
// starts: enough for the whole run at the target (or assumed) rate,
// rounded up to whole mix cycles.
func (c Config) presignPerAccount() int {
	total := c.Presign
	if total == 0 {
		r := c.Rate
		if r == 0 {
			r = autoPresignRate
		}
		total = min(int(math.Ceil(r*c.Duration.Seconds()*1.1)), MaxPresign)
	}
	per := (total + c.Accounts - 1) / c.Accounts
	cycle := c.Mix.CycleLen()
	return (per + cycle - 1) / cycle * cycle
}

// Chain is how a run reaches the chain: the client context (codec, tx
// config, CometBFT RPC client, chain id, keyring), the funder key's name
// in its keyring, the transport for load txs (setup txs included), for the
// lane mix the transport for lane messages, and where block results are
// read from (nil: CometBFT RPC's /block_results).
type Chain struct {
	Client      client.Context
	Funder      string
	Broadcaster Broadcaster
	Lane        LaneSubmitter
	Results     ResultsReader
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

func (c Chain) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, format+"\n", args...)
	}
}

// Run prepares the accounts, sends load for cfg.Duration (or until ctx is
// cancelled, as Ctrl-C does), waits for the accepted txs to commit and
// returns the report.
func Run(ctx context.Context, cfg Config, chain Chain) (*Report, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if chain.Client.Client == nil {
		return nil, errors.New("no CometBFT RPC client: set --node")
	}
	if chain.Results == nil {
		chain.Results = CometResults{RPC: chain.Client.Client}
	}
	if cfg.Mix.IsLane() && chain.Lane == nil {
		return nil, errors.New("the lane mix needs a gRPC connection to submit messages: set --grpc-endpoint")
	}
	if chain.Client.ChainID == "" {
		st, err := chain.Client.Client.Status(ctx)
		if err != nil {
			return nil, fmt.Errorf("reading the node status: %w", err)
		}
		chain.Client = chain.Client.WithChainID(st.NodeInfo.Network)
	}
	accounts, err := DeriveAccounts(cfg.Mnemonic, cfg.Accounts)
	if err != nil {
		return nil, err
	}
	world := &World{Accounts: accounts}
	s := setup{cfg: cfg, chain: chain, world: world}
	if cfg.Mix.IsLane() {
		return runLane(ctx, &s)
	}
	if err := s.prepare(ctx); err != nil {
		return nil, err
	}
	signer := Signer{TxConfig: chain.Client.TxConfig, ChainID: chain.Client.ChainID, Fees: cfg.Fees}
	if signer.Gas, err = s.simulateGas(ctx, signer); err != nil {
		return nil, err
	}
	chain.logf("gas per %s tx: %d", cfg.Mix, signer.Gas)

	queues, err := presign(ctx, cfg, world, signer)
	if err != nil {
		return nil, err
	}
	return send(ctx, cfg, chain, world, signer, queues)
}

// accountQueue is one account's txs for the run: presigned first, then
// signed on the fly.
type accountQueue struct {
	acct     *Account
	addr     string // bech32 of acct
	startSeq uint64
	txs      []SignedTx
	next     uint64 // index in this run of the next tx to send
	dead     bool   // a tx was refused, so every later sequence is wrong
}

// tx returns the account's i-th tx of the run, signing it if it was not
// presigned.
func (q *accountQueue) tx(ctx context.Context, cfg Config, w *World, signer Signer, i uint64) (SignedTx, error) {
	if i < uint64(len(q.txs)) {
		return q.txs[i], nil
	}
	msg, err := cfg.Mix.Msg(w, q.acct, i)
	if err != nil {
		return SignedTx{}, err
	}
	return signer.Sign(ctx, q.acct, q.startSeq+i, msg)
}

// presign signs every account's first txs, in parallel over the CPUs.
func presign(ctx context.Context, cfg Config, w *World, signer Signer) ([]*accountQueue, error) {
	per := cfg.presignPerAccount()
	queues := make([]*accountQueue, len(w.Accounts))
	for i, a := range w.Accounts {
		queues[i] = &accountQueue{acct: a, addr: a.Address.String(), startSeq: a.Sequence}
	}
	work := make(chan *accountQueue)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range work {
				q.txs = make([]SignedTx, 0, per)
				for i := range uint64(per) {
					tx, err := q.tx(ctx, cfg, w, signer, i)
					if err != nil {
						errs <- err
						return
					}
					q.txs = append(q.txs, tx)
				}
			}
		}()
	}
	var err error
feed:
	for _, q := range queues {
		select {
		case work <- q:
		case err = <-errs:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	return queues, nil
}
