package relayer

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"cosmossdk.io/log/v2"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/socialchain/socialchain/l1/bindings"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// L1Client is what the relayer needs of an L1 node: contract calls,
// transactions, receipts, logs and the chain id. *ethclient.Client and the
// simulated backend's client (ethclient/simulated) satisfy it.
type L1Client interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// ErrMisconfigured marks errors that retrying cannot fix: the L1 node is
// on another chain than configured, or there is no contract at the
// address. Run returns them; it retries everything else.
var ErrMisconfigured = errors.New("relayer misconfigured")

// Defaults of the options.
const (
	DefaultPollInterval   = 5 * time.Second
	DefaultBackoffInitial = time.Second
	DefaultBackoffMax     = 2 * time.Minute
	DefaultReceiptTimeout = 5 * time.Minute
)

// Option configures a Relayer.
type Option func(*config)

type config struct {
	l1ChainID      uint64
	poll           time.Duration
	backoffInitial time.Duration
	backoffMax     time.Duration
	receiptTimeout time.Duration
	logsFromBlock  uint64
	logger         log.Logger
	sleep          func(context.Context, time.Duration) error
}

// WithL1ChainID makes the relayer refuse to run (ErrMisconfigured) unless
// the L1 node reports this EIP-155 chain id. Without it, the relayer signs
// for whatever chain the node reports.
func WithL1ChainID(id uint64) Option { return func(c *config) { c.l1ChainID = id } }

// WithPollInterval sets how long Run waits between rounds when there is
// nothing to relay, and the longest wait between receipt polls.
func WithPollInterval(d time.Duration) Option { return func(c *config) { c.poll = d } }

// WithBackoff sets the wait after a failed round: initial, doubled after
// each further failure up to max, and back to initial after a success.
func WithBackoff(initial, max time.Duration) Option {
	return func(c *config) { c.backoffInitial, c.backoffMax = initial, max }
}

// WithReceiptTimeout sets how long one round waits for a sent
// transaction's receipt before it gives up. The transaction is still
// tracked: the next round waits for it again rather than sending another,
// unless the node no longer knows it.
func WithReceiptTimeout(d time.Duration) Option { return func(c *config) { c.receiptTimeout = d } }

// WithLogsFromBlock sets the first L1 block searched for the contract's
// SignerSetUpdated events, from which the relayer rebuilds a signer set
// the Source cannot serve; the contract's deployment block is ideal. The
// default is 0, which some RPC providers refuse for a long range.
func WithLogsFromBlock(n uint64) Option { return func(c *config) { c.logsFromBlock = n } }

// WithLogger sets the logger (default: none).
func WithLogger(l log.Logger) Option { return func(c *config) { c.logger = l } }

// Status is what a relayer last saw and did, for a status endpoint.
type Status struct {
	// Contract is the settlement contract's address; From the relayer's
	// L1 account.
	Contract common.Address `json:"contract"`
	From     common.Address `json:"from"`
	// L1ChainID is the chain id the L1 node reported (0 until it answered).
	L1ChainID uint64 `json:"l1_chain_id"`
	// L1Head is the L1 block number the contract was last read at.
	L1Head uint64 `json:"l1_head"`
	// LastCheckpoint is the contract's lastCheckpointNumber at L1Head: the
	// last checkpoint relayed, by this relayer or any other.
	LastCheckpoint uint64 `json:"last_checkpoint"`
	// SignerSetNonce is the contract's signer-set nonce at L1Head.
	SignerSetNonce uint64 `json:"signer_set_nonce"`
	// ChainLatest is the newest checkpoint number the chain reported.
	ChainLatest uint64 `json:"chain_latest"`
	// WaitingFor is the checkpoint that is next but not final on the
	// chain yet; 0 when none.
	WaitingFor uint64 `json:"waiting_for,omitempty"`
	// Submitted counts the checkpoints this relayer's own transactions
	// landed since it started; LastSubmitted and LastTx are the latest.
	Submitted     uint64      `json:"submitted"`
	LastSubmitted uint64      `json:"last_submitted,omitempty"`
	LastTx        common.Hash `json:"last_tx"`
	// LastError is the error that ended the last failed round, at
	// LastErrorAt, while it still holds: a good round clears both.
	// Failures counts failed rounds since the last good one (0 when
	// healthy).
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	Failures    int       `json:"failures"`
	// UpdatedAt is when the relayer last finished a round.
	UpdatedAt time.Time `json:"updated_at"`
}

// Relayer submits the chain's final checkpoints to the settlement
// contract, in order. See the package documentation.
type Relayer struct {
	src      Source
	client   L1Client
	key      *ecdsa.PrivateKey
	from     common.Address
	address  common.Address
	contract *bindings.SocialchainSettlement
	instance *bind.BoundContract
	cfg      config
	logger   log.Logger

	// round serializes rounds and guards the fields below it.
	round    sync.Mutex
	chainID  *big.Int
	domain   *types.Domain // learnt from the L1 on the first round
	sets     map[[32]byte]types.L1SignerSet
	inflight *inflightTx

	mu     sync.Mutex
	status Status
}

// inflightTx is a transaction this relayer sent and has not seen settle.
type inflightTx struct {
	number uint64
	hash   common.Hash
	sent   time.Time
}

// New returns a relayer that reads checkpoints from src and submits them
// through client to the settlement contract at contract, paying with key.
func New(src Source, client L1Client, contract common.Address, key *ecdsa.PrivateKey, opts ...Option) (*Relayer, error) {
	cfg := config{
		poll:           DefaultPollInterval,
		backoffInitial: DefaultBackoffInitial,
		backoffMax:     DefaultBackoffMax,
		receiptTimeout: DefaultReceiptTimeout,
		logger:         log.NewNopLogger(),
		sleep:          sleep,
	}
	for _, o := range opts {
		o(&cfg)
	}
	switch {
	case src == nil:
		return nil, errors.New("relayer: no source")
	case client == nil:
		return nil, errors.New("relayer: no L1 client")
	case key == nil:
		return nil, errors.New("relayer: no signer key")
	case contract == (common.Address{}):
		return nil, errors.New("relayer: no contract address")
	case cfg.poll <= 0 || cfg.backoffInitial <= 0 || cfg.backoffMax < cfg.backoffInitial || cfg.receiptTimeout <= 0:
		return nil, fmt.Errorf("relayer: invalid intervals: poll %s, backoff %s..%s, receipt timeout %s",
			cfg.poll, cfg.backoffInitial, cfg.backoffMax, cfg.receiptTimeout)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	c := bindings.NewSocialchainSettlement()
	return &Relayer{
		src:      src,
		client:   client,
		key:      key,
		from:     from,
		address:  contract,
		contract: c,
		instance: c.Instance(client, contract),
		cfg:      cfg,
		logger:   cfg.logger.With("module", "settlement-relayer", "contract", contract.Hex()),
		sets:     map[[32]byte]types.L1SignerSet{},
		status:   Status{Contract: contract, From: from},
	}, nil
}

// Status returns what the relayer last saw and did.
func (r *Relayer) Status() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status
}

// Run relays until ctx is done, then returns nil. A round relays every
// final checkpoint the contract does not hold yet; after it Run waits the
// poll interval, or, after a failed round, the backoff. It returns early
// only with an error wrapping ErrMisconfigured.
func (r *Relayer) Run(ctx context.Context) error {
	r.logger.Info("relayer started", "from", r.from.Hex())
	backoff := r.cfg.backoffInitial
	for {
		n, err := r.RelayOnce(ctx)
		if ctx.Err() != nil {
			r.logger.Info("relayer stopped")
			return nil
		}
		wait := r.cfg.poll
		switch {
		case errors.Is(err, ErrMisconfigured):
			r.logger.Error("relayer stopped", "err", err)
			return err
		case err != nil:
			wait = backoff
			backoff = min(2*backoff, r.cfg.backoffMax)
			r.logger.Error("relaying failed; will retry", "err", err, "relayed", n, "retry_in", wait)
		default:
			backoff = r.cfg.backoffInitial
		}
		if r.cfg.sleep(ctx, wait) != nil {
			r.logger.Info("relayer stopped")
			return nil
		}
	}
}

// RelayOnce relays every final checkpoint the contract does not hold yet,
// in order, and returns how many of them this relayer's own transactions
// landed. It stops at the first checkpoint that is not final, and at the
// first error (everything up to it stays relayed). Safe to call from
// several goroutines; rounds run one at a time.
func (r *Relayer) RelayOnce(ctx context.Context) (relayed int, err error) {
	r.round.Lock()
	defer r.round.Unlock()
	defer func() { r.finishRound(err) }()
	for {
		o, err := r.step(ctx)
		if err != nil {
			return relayed, err
		}
		switch o {
		case outcomeIdle:
			return relayed, nil
		case outcomeLanded:
			relayed++
		case outcomeOvertaken:
		}
	}
}

func (r *Relayer) finishRound(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.status.UpdatedAt = time.Now()
	if err == nil {
		r.status.Failures = 0
		r.status.LastError, r.status.LastErrorAt = "", time.Time{}
		return
	}
	r.status.Failures++
	r.status.LastError = err.Error()
	r.status.LastErrorAt = r.status.UpdatedAt
}

func (r *Relayer) updateStatus(f func(*Status)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(&r.status)
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
