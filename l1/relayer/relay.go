package relayer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/bindings"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// outcome is how one step of a round ended.
type outcome int

const (
	// outcomeIdle: nothing more to do until the chain or the L1 moves.
	outcomeIdle outcome = iota
	// outcomeLanded: this relayer's transaction stored the next checkpoint.
	outcomeLanded
	// outcomeOvertaken: another relayer stored it; go on with the next.
	outcomeOvertaken
)

// contractState is the settlement contract's state at one L1 block.
type contractState struct {
	head    uint64
	last    uint64
	nonce   uint64
	setHash [32]byte
}

// catchUpLogEvery is how many checkpoints apart the catch-up progress
// lines are: with 1 s blocks and 10-block epochs, about one line every
// few seconds while behind.
const catchUpLogEvery = 10

// step brings the contract one checkpoint further, or finds there is
// nothing to do.
func (r *Relayer) step(ctx context.Context) (outcome, error) {
	if err := r.connect(ctx); err != nil {
		return outcomeIdle, err
	}
	st, err := r.readContract(ctx)
	if err != nil {
		return outcomeIdle, err
	}
	// A transaction from an earlier round settles first: sending another
	// one for the same checkpoint is what "double-submit" means.
	if in := r.inflight; in != nil {
		if in.number <= st.last {
			return r.settled(ctx, in), nil
		}
		o, resend, err := r.await(ctx, in, true)
		if !resend {
			return o, err
		}
	}

	n := st.last + 1
	latest, err := r.src.LatestCheckpointNumber(ctx)
	if err != nil {
		return outcomeIdle, fmt.Errorf("reading the chain: %w", err)
	}
	r.updateStatus(func(s *Status) { s.ChainLatest, s.WaitingFor = latest, 0 })
	if n > latest {
		return outcomeIdle, nil
	}
	if n < latest && n%catchUpLogEvery == 1 {
		// Catching up (after a restart of an L1 that lost its state, or a
		// long outage): one line now and then, not one per checkpoint.
		r.logger.Info(fmt.Sprintf("catching up: relaying checkpoint %d of %d", n, latest), "l1_holds", st.last)
	}
	signed, err := r.src.Checkpoint(ctx, n)
	if err != nil {
		return outcomeIdle, fmt.Errorf("reading the chain: %w", err)
	}
	if signed.Checkpoint.Number != n {
		return outcomeIdle, fmt.Errorf("asked the chain for checkpoint %d, got %d", n, signed.Checkpoint.Number)
	}
	if !signed.Final {
		r.updateStatus(func(s *Status) { s.WaitingFor = n })
		r.logger.Debug("waiting for checkpoint to become final", "number", n,
			"signed_power", signed.SignedPower, "total_power", signed.TotalPower)
		return outcomeIdle, nil
	}

	data, handover, err := r.calldata(ctx, st, signed)
	if err != nil {
		return outcomeIdle, err
	}
	msg := ethereum.CallMsg{From: r.from, To: &r.address, Data: data}
	// Simulate against the pending state first, so that a transaction of
	// another relayer still in the mempool stops us before we pay for a
	// revert; then estimate the gas, which simulates again on the latest
	// block.
	if _, err := r.simulate(ctx, msg); err != nil {
		return r.refused(ctx, n, err)
	}
	gas, err := r.client.EstimateGas(ctx, msg)
	if err != nil {
		return r.refused(ctx, n, err)
	}
	return r.send(ctx, n, handover, data, gas)
}

// connect learns, once, the L1 chain id and the contract's EIP-712 domain,
// and checks that there is a contract at the address.
func (r *Relayer) connect(ctx context.Context) error {
	if r.domain != nil {
		return nil
	}
	id, err := r.client.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("L1 chain id: %w", err)
	}
	if !id.IsUint64() || (r.cfg.l1ChainID != 0 && id.Uint64() != r.cfg.l1ChainID) {
		return fmt.Errorf("%w: the L1 node is on chain %s, configured for %d", ErrMisconfigured, id, r.cfg.l1ChainID)
	}
	code, err := r.client.CodeAt(ctx, r.address, nil)
	if err != nil {
		return fmt.Errorf("L1 contract code: %w", err)
	}
	if len(code) == 0 {
		return fmt.Errorf("%w: no contract at %s on L1 chain %s", ErrMisconfigured, r.address, id)
	}
	cosmosChainID, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx}, r.contract.PackCosmosChainId(), r.contract.UnpackCosmosChainId)
	if err != nil {
		return fmt.Errorf("reading the contract's cosmos chain id: %w", err)
	}
	r.chainID = id
	r.domain = &types.Domain{L1ChainID: id.Uint64(), Contract: r.address, CosmosChainID: cosmosChainID}
	r.updateStatus(func(s *Status) { s.L1ChainID = id.Uint64() })
	r.logger.Info("connected to L1", "l1_chain_id", id, "cosmos_chain_id", cosmosChainID)
	return nil
}

// readContract reads the contract's progress, all at the L1 head so the
// values agree with each other.
func (r *Relayer) readContract(ctx context.Context) (contractState, error) {
	head, err := r.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return contractState{}, fmt.Errorf("L1 head: %w", err)
	}
	opts := &bind.CallOpts{Context: ctx, BlockNumber: head.Number}
	st := contractState{head: head.Number.Uint64()}
	if st.last, err = bind.Call(r.instance, opts, r.contract.PackLastCheckpointNumber(), r.contract.UnpackLastCheckpointNumber); err != nil {
		return contractState{}, fmt.Errorf("reading lastCheckpointNumber: %w", err)
	}
	if st.nonce, err = bind.Call(r.instance, opts, r.contract.PackSignerSetNonce(), r.contract.UnpackSignerSetNonce); err != nil {
		return contractState{}, fmt.Errorf("reading signerSetNonce: %w", err)
	}
	if st.setHash, err = bind.Call(r.instance, opts, r.contract.PackSignerSetHash(), r.contract.UnpackSignerSetHash); err != nil {
		return contractState{}, fmt.Errorf("reading signerSetHash: %w", err)
	}
	r.updateStatus(func(s *Status) { s.L1Head, s.LastCheckpoint, s.SignerSetNonce = st.head, st.last, st.nonce })
	return st, nil
}

// calldata builds the call that stores signed on the contract in state st:
// updateSignerSet when the checkpoint hands over to a new signer set,
// submitCheckpoint otherwise, with the fewest checked signatures that carry
// more than 2/3 of the power.
func (r *Relayer) calldata(ctx context.Context, st contractState, signed types.SignedCheckpoint) (data []byte, handover bool, err error) {
	cp, err := toL1Checkpoint(signed.Checkpoint)
	if err != nil {
		return nil, false, err
	}
	if cp.SignerSetNonce != st.nonce {
		return nil, false, fmt.Errorf("checkpoint %d is signed by signer set %d, but the contract holds set %d",
			cp.Number, cp.SignerSetNonce, st.nonce)
	}
	current, err := r.signerSet(ctx, st.nonce, st.setHash)
	if err != nil {
		return nil, false, err
	}
	digest := types.CheckpointDigest(*r.domain, cp)
	if len(signed.Digest) > 0 && !bytes.Equal(signed.Digest, digest[:]) {
		return nil, false, fmt.Errorf("checkpoint %d: the chain's digest %x is not the contract's %x; "+
			"the chain signs for another L1 chain id or contract (check its l1_chain_id and l1_contract params)",
			cp.Number, signed.Digest, digest)
	}
	valid, rejected := checkedSignatures(current, digest, signed.Signatures)
	for _, why := range rejected {
		r.logger.Warn("dropping a signature the contract would refuse", "number", cp.Number, "reason", why)
	}
	sigs, power, ok := l1.SelectSignatures(current, valid)
	if !ok {
		return nil, false, fmt.Errorf("checkpoint %d: its valid signatures carry %d of %d power, not more than 2/3",
			cp.Number, power, current.TotalPower())
	}
	if cp.NextSignerSetHash == st.setHash {
		data, err = r.contract.TryPackSubmitCheckpoint(l1.CheckpointBinding(cp), l1.SignerSetBinding(current), sigs)
		return data, false, err
	}

	raw, err := r.src.SignerSet(ctx, st.nonce+1)
	if err != nil {
		return nil, true, fmt.Errorf("checkpoint %d hands over to signer set %d: %w", cp.Number, st.nonce+1, err)
	}
	next, err := toL1SignerSet(raw)
	if err != nil {
		return nil, true, err
	}
	if next.Nonce != st.nonce+1 || next.Hash() != cp.NextSignerSetHash {
		return nil, true, fmt.Errorf("checkpoint %d hands over to a set with hash %x, the chain served set %d with hash %x",
			cp.Number, cp.NextSignerSetHash, next.Nonce, next.Hash())
	}
	if err := next.Validate(); err != nil {
		return nil, true, fmt.Errorf("checkpoint %d hands over to signer set %d, which the contract would refuse: %w", cp.Number, next.Nonce, err)
	}
	r.rememberSet(next)
	data, err = r.contract.TryPackUpdateSignerSet(l1.CheckpointBinding(cp), l1.SignerSetBinding(current), sigs, l1.SignerSetBinding(next))
	return data, true, err
}

// signerSet returns the signer set with nonce and hash: from the Source,
// or, when the Source cannot serve it, rebuilt from the contract's
// SignerSetUpdated event, which carries every set the contract adopted.
func (r *Relayer) signerSet(ctx context.Context, nonce uint64, hash [32]byte) (types.L1SignerSet, error) {
	if set, ok := r.sets[hash]; ok && set.Nonce == nonce {
		return set, nil
	}
	var fromChain error
	if raw, err := r.src.SignerSet(ctx, nonce); err != nil {
		fromChain = err
	} else if set, err := toL1SignerSet(raw); err != nil {
		fromChain = err
	} else if set.Hash() != hash {
		fromChain = fmt.Errorf("the chain's signer set %d hashes to %x, the contract holds %x", nonce, set.Hash(), hash)
	} else {
		r.rememberSet(set)
		return set, nil
	}
	set, err := r.signerSetFromL1(ctx, nonce, hash)
	if err != nil {
		return types.L1SignerSet{}, fmt.Errorf("signer set %d: from the chain: %v; from the L1: %w", nonce, fromChain, err)
	}
	r.logger.Info("signer set rebuilt from the contract's events", "nonce", nonce, "chain", fromChain)
	r.rememberSet(set)
	return set, nil
}

// signerSetFromL1 finds the contract's SignerSetUpdated event for nonce
// and hash.
func (r *Relayer) signerSetFromL1(ctx context.Context, nonce uint64, hash [32]byte) (types.L1SignerSet, error) {
	ev := r.contract.GetABI().Events[bindings.SocialchainSettlementSignerSetUpdatedEventName]
	topics, err := abi.MakeTopics([]any{ev.ID}, []any{nonce}, []any{hash})
	if err != nil {
		return types.L1SignerSet{}, err
	}
	logs, err := r.client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(r.cfg.logsFromBlock),
		Addresses: []common.Address{r.address},
		Topics:    topics,
	})
	if err != nil {
		return types.L1SignerSet{}, fmt.Errorf("SignerSetUpdated logs: %w", err)
	}
	for i := range logs {
		e, err := r.contract.UnpackSignerSetUpdatedEvent(&logs[i])
		if err != nil || len(e.Signers) != len(e.Powers) {
			continue
		}
		set := types.L1SignerSet{Nonce: e.Nonce, Signers: make([]types.L1Signer, len(e.Signers))}
		for j := range e.Signers {
			set.Signers[j] = types.L1Signer{Address: e.Signers[j], Power: e.Powers[j]}
		}
		if set.Hash() == hash {
			return set, nil
		}
	}
	return types.L1SignerSet{}, fmt.Errorf("%w: no SignerSetUpdated event for nonce %d and hash %x from block %d",
		ErrNotFound, nonce, hash, r.cfg.logsFromBlock)
}

// rememberSet caches a checked set, dropping those too old to be asked
// for again.
func (r *Relayer) rememberSet(set types.L1SignerSet) {
	for h, s := range r.sets {
		if s.Nonce+1 < set.Nonce {
			delete(r.sets, h)
		}
	}
	r.sets[set.Hash()] = set
}

// simulate runs msg as an eth_call on the pending state when the node
// offers one, else on the latest block.
func (r *Relayer) simulate(ctx context.Context, msg ethereum.CallMsg) ([]byte, error) {
	if p, ok := r.client.(bind.PendingContractCaller); ok {
		return p.PendingCallContract(ctx, msg)
	}
	return r.client.CallContract(ctx, msg, nil)
}

// refused handles a failed simulation of checkpoint n. StaleCheckpoint
// means another relayer is ahead: done if its transaction is mined, else
// (still pending) wait for the next round. Anything else is an error.
func (r *Relayer) refused(ctx context.Context, n uint64, err error) (outcome, error) {
	v, ok := l1.UnpackRevert(err)
	if !ok {
		return outcomeIdle, fmt.Errorf("simulating checkpoint %d: %w", n, err)
	}
	if _, stale := v.(*bindings.SocialchainSettlementStaleCheckpoint); !stale {
		return outcomeIdle, fmt.Errorf("checkpoint %d: the contract refuses it: %s", n, l1.DescribeRevert(v))
	}
	st, err := r.readContract(ctx)
	if err != nil {
		return outcomeIdle, err
	}
	if st.last >= n {
		r.logger.Info("checkpoint relayed by another relayer", "number", n)
		return outcomeOvertaken, nil
	}
	r.logger.Info("another relayer's transaction for the checkpoint is pending", "number", n)
	return outcomeIdle, nil
}

// send signs and sends the call storing checkpoint n and waits for it.
func (r *Relayer) send(ctx context.Context, n uint64, handover bool, data []byte, gas uint64) (outcome, error) {
	signer := bind.NewKeyedTransactor(r.key, r.chainID)
	opts := &bind.TransactOpts{
		From:     r.from,
		Signer:   signer.Signer,
		Context:  ctx,
		GasLimit: gas + gas/5, // storage costs may move between estimate and inclusion
		NoSend:   true,
	}
	tx, err := bind.Transact(r.instance, opts, data)
	if err != nil {
		return outcomeIdle, fmt.Errorf("building the transaction for checkpoint %d: %w", n, err)
	}
	// Tracked before it is sent: if the reply is lost, the node may still
	// have it, and the next round must find it rather than send another.
	in := &inflightTx{number: n, hash: tx.Hash(), sent: time.Now()}
	r.inflight = in
	if err := r.client.SendTransaction(ctx, tx); err != nil && !strings.Contains(err.Error(), "already known") {
		return outcomeIdle, fmt.Errorf("sending checkpoint %d: %w", n, err)
	}
	r.logger.Info("checkpoint sent", "number", n, "handover", handover, "tx", tx.Hash().Hex(), "nonce", tx.Nonce(), "gas", opts.GasLimit)
	o, _, err := r.await(ctx, in, false)
	return o, err
}

// await waits for in's receipt, polling quickly at first and then every
// poll interval, for at most the receipt timeout. When resumed (in was
// sent in an earlier round), it first makes sure the node still knows the
// transaction; resend is true when it does not, and in is forgotten.
func (r *Relayer) await(ctx context.Context, in *inflightTx, resumed bool) (o outcome, resend bool, err error) {
	wctx, cancel := context.WithTimeout(ctx, r.cfg.receiptTimeout)
	defer cancel()
	interval := min(50*time.Millisecond, r.cfg.poll)
	for {
		receipt, err := r.client.TransactionReceipt(wctx, in.hash)
		switch {
		case err == nil:
			o, err := r.receipt(ctx, in, receipt)
			return o, false, err
		case ctx.Err() != nil:
			return outcomeIdle, false, ctx.Err()
		case wctx.Err() != nil:
			return outcomeIdle, false, fmt.Errorf("checkpoint %d: transaction %s, sent %s ago, not mined yet",
				in.number, in.hash.Hex(), time.Since(in.sent).Round(time.Second))
		case !errors.Is(err, ethereum.NotFound):
			return outcomeIdle, false, fmt.Errorf("waiting for the receipt of checkpoint %d (tx %s): %w", in.number, in.hash.Hex(), err)
		}
		if resumed {
			_, _, err := r.client.TransactionByHash(wctx, in.hash)
			if errors.Is(err, ethereum.NotFound) {
				r.logger.Info("transaction dropped by the L1 node; sending again", "number", in.number, "tx", in.hash.Hex())
				r.inflight = nil
				return outcomeIdle, true, nil
			}
			if err != nil {
				return outcomeIdle, false, fmt.Errorf("looking up the transaction for checkpoint %d: %w", in.number, err)
			}
			resumed = false
		}
		if err := sleep(wctx, interval); err != nil {
			continue // the next receipt call reports which deadline passed
		}
		interval = min(2*interval, r.cfg.poll)
	}
}

// receipt settles in with its receipt. A reverted transaction is fine when
// the contract holds the checkpoint anyway (another relayer's landed in
// the same block or just before).
func (r *Relayer) receipt(ctx context.Context, in *inflightTx, receipt *ethtypes.Receipt) (outcome, error) {
	r.inflight = nil
	if receipt.Status == ethtypes.ReceiptStatusSuccessful {
		r.logger.Info("checkpoint relayed", "number", in.number, "tx", in.hash.Hex(),
			"block", receipt.BlockNumber, "gas_used", receipt.GasUsed)
		r.updateStatus(func(s *Status) {
			s.Submitted++
			s.LastSubmitted, s.LastTx = in.number, in.hash
			s.LastCheckpoint = max(s.LastCheckpoint, in.number)
		})
		return outcomeLanded, nil
	}
	st, err := r.readContract(ctx)
	if err != nil {
		return outcomeIdle, err
	}
	if st.last >= in.number {
		r.logger.Info("checkpoint relayed by another relayer first; our transaction reverted", "number", in.number, "tx", in.hash.Hex())
		return outcomeOvertaken, nil
	}
	return outcomeIdle, fmt.Errorf("checkpoint %d: transaction %s reverted in block %s", in.number, in.hash.Hex(), receipt.BlockNumber)
}

// settled handles in, sent in an earlier round, once the contract holds
// its checkpoint: landed if in's own receipt says so.
func (r *Relayer) settled(ctx context.Context, in *inflightTx) outcome {
	r.inflight = nil
	receipt, err := r.client.TransactionReceipt(ctx, in.hash)
	if err == nil && receipt.Status == ethtypes.ReceiptStatusSuccessful {
		o, _ := r.receipt(ctx, in, receipt)
		return o
	}
	return outcomeOvertaken
}
