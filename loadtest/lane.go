package loadtest

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	sdkmath "cosmossdk.io/math"

	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// LaneScopes are the scopes of every load account's app key: what the
// lane mixes sign, and room for reactions and follows.
var LaneScopes = []string{profilestypes.ScopePosts, profilestypes.ScopeReactions, profilestypes.ScopeFollows}

// The lane mix's sending.
const (
	// autoLanePresignRate is the message rate assumed for presigning and
	// for buying units when sending as fast as accepted; above the lane's
	// ceiling measured on 2 cores.
	autoLanePresignRate = 2500
	// defaultLaneSenders is how many SubmitBatch calls run at once unless
	// --senders says otherwise: enough to keep a node's cores busy
	// validating while the answers travel.
	defaultLaneSenders = 4
	// MaxLaneBatch is the most messages of one SubmitBatch call the mix
	// sends (the node takes up to 10,000).
	MaxLaneBatch = 500
	// laneBatchesPerSecond sizes batches at a target rate: that many calls
	// per second, so pacing stays smooth at low rates.
	laneBatchesPerSecond = 10
	// poolFullBackoff is the pause before offering again the messages a
	// full pool refused.
	poolFullBackoff = 100 * time.Millisecond
	// inFlightBlocks bounds the messages offered and not yet in a block to
	// that many blocks' worth (max_messages_per_block), as a mempool bounds
	// txs: the lane's pool holds up to a million, so without it a run as
	// fast as accepted would mostly measure the length of its own queue.
	inFlightBlocks = 1
)

// laneSenders is how many concurrent SubmitBatch calls the lane mix makes.
func (c Config) laneSenders() int {
	if c.Senders > 0 {
		return c.Senders
	}
	return defaultLaneSenders
}

// laneBatchSize is how many messages one SubmitBatch call carries.
func (c Config) laneBatchSize() int {
	if c.Rate == 0 {
		return MaxLaneBatch
	}
	return min(max(int(math.Ceil(c.Rate/laneBatchesPerSecond)), 1), MaxLaneBatch)
}

// laneRate is the target rate, or the assumed ceiling at --rate 0.
func (c Config) laneRate() float64 {
	if c.Rate > 0 {
		return c.Rate
	}
	return autoLanePresignRate
}

// lanePlannedPerAccount is how many messages each account may send in the
// run: what the allowance must leave room for. At --rate 0 it plans for
// twice the assumed ceiling: units are cheap on a test chain, and a run
// that outruns its allowance measures refusals instead of the node.
func (c Config) lanePlannedPerAccount() uint64 {
	r := c.Rate
	if r == 0 {
		r = 2 * autoLanePresignRate
	}
	total := math.Ceil(r * c.Duration.Seconds() * 1.1)
	return uint64(math.Ceil(total / float64(c.Accounts)))
}

// lanePresignPositions is how many messages are signed before the clock
// starts, a whole number per account. Their timestamp is the signing time,
// and a message is valid only within the timestamp window, so presigning
// covers at most half of it; later messages are signed on the fly.
func (c Config) lanePresignPositions(window time.Duration) int {
	total := c.Presign
	if total == 0 {
		total = int(math.Ceil(c.laneRate() * min(c.Duration, window/2).Seconds() * 1.1))
	}
	total = min(total, MaxPresign)
	per := (total + c.Accounts - 1) / c.Accounts
	return per * c.Accounts
}

// LaneMessage is a signed lane message and the hash blocks name it by.
type LaneMessage struct {
	Signed messagestypes.SignedMessage
	// Hash is the message hash in lowercase hex, as EventMessageApplied
	// and the status query spell it.
	Hash string
}

// LaneSigner signs lane messages offline with the accounts' app keys.
type LaneSigner struct{ ChainID string }

// SignPost signs account a's i-th post of the run: a create_post of
// PostText(a.Index, i) at timestampMs. The text is unique per (account, i)
// and the timestamp differs between runs, so every hash is new.
func (s LaneSigner) SignPost(a *Account, i uint64, timestampMs int64) (LaneMessage, error) {
	body := messagestypes.MessageBody{
		ChainID:     s.ChainID,
		Author:      a.Address.String(),
		AppKey:      a.AppKey.Public().(ed25519.PublicKey),
		TimestampMs: timestampMs,
		Kind:        &messagestypes.MessageBody_CreatePost{CreatePost: &messagestypes.CreatePost{Text: PostText(a.Index, i)}},
	}
	signed, err := messagestypes.Sign(a.AppKey, &body)
	if err != nil {
		return LaneMessage{}, fmt.Errorf("encoding lane message %d of account %d: %w", i, a.Index, err)
	}
	return LaneMessage{Signed: signed, Hash: messagestypes.HashOf(signed.Body).String()}, nil
}

// lanePlan is what the lane mix learns and decides before it funds the
// accounts: the lane's params and how many units each account buys.
type lanePlan struct {
	params messagestypes.Params
	buy    []uint32 // by account index
}

// cost is what account i pays for its units.
func (p *lanePlan) cost(i int) sdkmath.Int {
	return p.params.UnitPrice.Amount.MulRaw(int64(p.buy[i]))
}

// planLane reads the lane's params and every account's allowance, and
// plans the units each account must buy so the run's messages fit in this
// period's allowance (the used part included).
func (s *setup) planLane(ctx context.Context) error {
	q := messagestypes.NewQueryClient(s.chain.Client)
	res, err := q.Params(ctx, &messagestypes.QueryParamsRequest{})
	if err != nil {
		return fmt.Errorf("lane params: %w", err)
	}
	plan := &lanePlan{params: res.Params, buy: make([]uint32, len(s.world.Accounts))}
	per := s.cfg.lanePlannedPerAccount()
	toBuy := 0
	for _, a := range s.world.Accounts {
		al, err := q.Allowance(ctx, &messagestypes.QueryAllowanceRequest{Address: a.Address.String()})
		if err != nil {
			return fmt.Errorf("lane allowance of load account %d: %w", a.Index, err)
		}
		need := (al.Used + per + plan.params.MessagesPerUnit - 1) / plan.params.MessagesPerUnit
		if need > uint64(plan.params.MaxUnits) {
			return fmt.Errorf("load account %d would need %d lane units for %d more messages this period (%d used), above max_units %d: use more --accounts or a lower --rate or --duration",
				a.Index, need, per, al.Used, plan.params.MaxUnits)
		}
		if need > uint64(al.Units) {
			plan.buy[a.Index] = uint32(need) - al.Units
			toBuy += int(plan.buy[a.Index])
		}
	}
	if toBuy > 0 && plan.params.UnitPrice.Denom != s.cfg.Fund.Denom {
		return fmt.Errorf("lane units cost %s, not the --fund denom %s", plan.params.UnitPrice, s.cfg.Fund.Denom)
	}
	s.chain.logf("lane: about %d messages per account; %d units to buy", per, toBuy)
	s.lane = plan
	return nil
}

// runLane prepares the accounts (profiles, app keys, units), signs the
// messages, submits them for cfg.Duration and reports what the blocks
// applied.
func runLane(ctx context.Context, s *setup) (*Report, error) {
	if err := s.planLane(ctx); err != nil {
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		return nil, err
	}
	q := &laneQueue{signer: LaneSigner{ChainID: s.chain.Client.ChainID}, accounts: s.world.Accounts}
	window := time.Duration(s.lane.params.TimestampWindowSeconds) * time.Second
	if err := q.presign(ctx, s.cfg.lanePresignPositions(window)); err != nil {
		return nil, err
	}
	return sendLane(ctx, s.cfg, s.chain, q, s.lane.params)
}

// laneQueue hands out the run's messages by position: position p is
// message p/len(accounts) of account p%len(accounts), so every batch
// spreads over the accounts and their allowances. The first positions are
// presigned; later ones are signed when taken.
type laneQueue struct {
	signer    LaneSigner
	accounts  []*Account
	presigned []LaneMessage
	next      atomic.Uint64
}

func (q *laneQueue) sign(p uint64, timestampMs int64) (LaneMessage, error) {
	n := uint64(len(q.accounts))
	return q.signer.SignPost(q.accounts[p%n], p/n, timestampMs)
}

// presign signs the first n positions, in parallel over the CPUs, all with
// the same timestamp.
func (q *laneQueue) presign(ctx context.Context, n int) error {
	q.presigned = make([]LaneMessage, n)
	now := time.Now().UnixMilli()
	workers := runtime.GOMAXPROCS(0)
	chunk := (n + workers - 1) / workers
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := lo; p < hi; p++ {
				if p%1024 == 0 && ctx.Err() != nil {
					errs[w] = ctx.Err()
					return
				}
				m, err := q.sign(uint64(p), now)
				if err != nil {
					errs[w] = err
					return
				}
				q.presigned[p] = m
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// take returns the next n messages.
func (q *laneQueue) take(n int) ([]LaneMessage, error) {
	first := q.next.Add(uint64(n)) - uint64(n)
	out := make([]LaneMessage, n)
	now := time.Now().UnixMilli()
	for j := range out {
		p := first + uint64(j)
		if p < uint64(len(q.presigned)) {
			out[j] = q.presigned[p]
			continue
		}
		m, err := q.sign(p, now)
		if err != nil {
			return nil, err
		}
		out[j] = m
	}
	return out, nil
}

// sendLane runs the lane senders until ctx ends or cfg.Duration passes,
// then waits for the accepted messages to be applied, and reports.
func sendLane(ctx context.Context, cfg Config, chain Chain, q *laneQueue, params messagestypes.Params) (*Report, error) {
	t := newTally(true)
	nSenders, batch := cfg.laneSenders(), cfg.laneBatchSize()
	var interval time.Duration // between batches over all senders
	if cfg.Rate > 0 {
		interval = time.Duration(float64(time.Second) * float64(batch) / cfg.Rate)
	}
	maxInFlight := max(inFlightBlocks*int(params.MaxMessagesPerBlock), batch*nSenders)
	chain.logf("submitting lane posts from %d accounts with %d senders in batches of %d for %s (%d presigned)",
		len(q.accounts), nSenders, batch, cfg.Duration, len(q.presigned))
	var batches atomic.Int64
	r, err := measure(ctx, cfg, chain, t, nil, func(sendCtx context.Context, start time.Time) {
		// A batch under way when the time is up is still answered; hard
		// bounds how long.
		hard, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-sendCtx.Done():
				select {
				case <-time.After(unitGrace):
					cancel()
				case <-hard.Done():
				}
			case <-hard.Done():
			}
		}()
		var wg sync.WaitGroup
		for range nSenders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := laneSender{lane: chain.Lane, queue: q, tally: t, batch: batch, interval: interval, maxInFlight: maxInFlight, batches: &batches}
				s.run(sendCtx, hard, start)
			}()
		}
		wg.Wait()
	})
	if err != nil {
		return nil, err
	}
	r.Transport, r.Senders, r.ResultsFrom = chain.Lane.Name(), nSenders, chain.Results.Name()
	return r, nil
}

// laneSender takes batches from the queue and submits them, paced so that
// batch k (over all senders) goes no earlier than start + k*interval.
type laneSender struct {
	lane        LaneSubmitter
	queue       *laneQueue
	tally       *tally
	batch       int
	interval    time.Duration // 0 = no pacing
	maxInFlight int
	batches     *atomic.Int64 // batches taken over all senders
}

func (s *laneSender) run(ctx, hard context.Context, start time.Time) {
	for ctx.Err() == nil {
		for s.tally.inFlight() >= s.maxInFlight {
			select {
			case <-ctx.Done():
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
		k := s.batches.Add(1) - 1
		if s.interval > 0 {
			if d := time.Until(start.Add(time.Duration(k) * s.interval)); d > 0 {
				select {
				case <-time.After(d):
				case <-ctx.Done():
					return
				}
			}
		}
		msgs, err := s.queue.take(s.batch)
		if err != nil {
			s.tally.count("signing: " + err.Error())
			return
		}
		s.submit(hard, msgs)
	}
}

// submit offers msgs until the node accepts or refuses each; the ones a
// full pool refused are offered again after a pause.
func (s *laneSender) submit(ctx context.Context, msgs []LaneMessage) {
	t := s.tally
	for len(msgs) > 0 {
		signed := make([]messagestypes.SignedMessage, len(msgs))
		submitted := time.Now()
		t.mu.Lock()
		for i, m := range msgs {
			signed[i] = m.Signed
			t.pending[m.Hash] = submitted // before the call: the block may be read before it returns
		}
		t.offered += len(msgs)
		t.mu.Unlock()

		results, err := s.lane.SubmitBatch(ctx, signed)
		if err != nil {
			// Some may be in the pool: keep waiting for them, and move on.
			t.mu.Lock()
			t.errors[ErrKindTransport] += len(msgs)
			t.mu.Unlock()
			return
		}
		var again []LaneMessage
		t.mu.Lock()
		for i, r := range results {
			if r.Accepted {
				t.accepted++
				continue
			}
			kind := classifyLaneRefusal(r)
			t.errors[kind]++
			t.rejections++
			delete(t.pending, msgs[i].Hash)
			if kind == ErrKindPoolFull {
				again = append(again, msgs[i])
			}
		}
		t.mu.Unlock()
		if len(again) == 0 {
			return
		}
		msgs = again
		select {
		case <-time.After(poolFullBackoff):
		case <-ctx.Done():
			return
		}
	}
}

// classifyLaneRefusal names why the lane refused a message at submit.
func classifyLaneRefusal(r messagestypes.SubmitResult) string {
	if r.Codespace == messagestypes.ModuleName && r.Code == messagestypes.ErrPoolFull.ABCICode() {
		return ErrKindPoolFull
	}
	return codeKind("submit", r.Codespace, r.Code, r.Error)
}

// laneFailureKind names a message a block applied with a failure; the
// event carries the status and the error, not the code.
func laneFailureKind(status, err string) string {
	return fmt.Sprintf("deliver %s %s", status, reasonOf(err))
}
