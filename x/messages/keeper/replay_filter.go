package keeper

import (
	"context"
	"encoding/binary"
	"sync"
	"sync/atomic"

	"github.com/socialchain/socialchain/x/messages/types"
)

// replayFilter answers "this message certainly has no receipt" without a
// store lookup. Nearly every message a node sees is new, and proving a
// hash absent from the receipts tree walks IAVL from root to leaf: a
// seventh of the node's CPU at full load went to those misses, at submit
// and again in the block. The filter is a Bloom filter over every receipt
// hash in the store, one per expiry generation so that pruned receipts
// leave it; it only ever skips lookups whose answer would be "not found",
// so nodes agree whatever their filters hold.
//
// It holds every receipt of the committed state and of the block being
// executed: receipts are added when written, and the store's receipts are
// added by the first block a process executes; until then it answers
// "maybe" to all. A hash the filter holds, or a false positive, falls back
// to the store.
type replayFilter struct {
	mu    sync.RWMutex
	built bool
	gens  map[int64]*bloomBits // expiry generation -> the hashes expiring in it
	// lastPrune is the block time (ms) of the last block whose prune ran
	// in this process.
	lastPrune int64
}

const (
	// replayGenerationMs is how much expiry time one generation covers;
	// a 600 s window keeps about eleven.
	replayGenerationMs = 60_000
	// replayFilterBits per generation (512 KiB): at 300,000 receipts a
	// minute (5,000/s) four probes give ~0.4% false positives each.
	replayFilterBits = 1 << 22
	replayProbes     = 4
)

func newReplayFilter() *replayFilter {
	return &replayFilter{gens: map[int64]*bloomBits{}}
}

// bloomBits is one generation's bit array; bits are set atomically so
// lookups need only the filter's read lock.
type bloomBits [replayFilterBits / 64]atomic.Uint64

// probes are the bit positions of hash: a message hash is a SHA-256, so
// its own bytes are already uniform.
func probes(hash []byte) [replayProbes]uint32 {
	var p [replayProbes]uint32
	for i := range p {
		p[i] = binary.BigEndian.Uint32(hash[4*i:]) % replayFilterBits
	}
	return p
}

func (b *bloomBits) add(hash []byte) {
	if len(hash) != len(types.Hash{}) {
		return // no lookup, always by a full hash, can match it
	}
	for _, bit := range probes(hash) {
		b[bit/64].Or(1 << (bit % 64))
	}
}

func (b *bloomBits) mayHold(hash []byte) bool {
	for _, bit := range probes(hash) {
		if b[bit/64].Load()&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}

func generationOf(expiresAtMs int64) int64 {
	if expiresAtMs < 0 {
		return -1
	}
	return expiresAtMs / replayGenerationMs
}

// add records a receipt written with the given expiry.
func (f *replayFilter) add(hash []byte, expiresAtMs int64) {
	g := generationOf(expiresAtMs)
	f.mu.RLock()
	bits := f.gens[g]
	f.mu.RUnlock()
	if bits == nil {
		f.mu.Lock()
		if bits = f.gens[g]; bits == nil {
			bits = new(bloomBits)
			f.gens[g] = bits
		}
		f.mu.Unlock()
	}
	bits.add(hash)
}

// mayHold reports whether a receipt of hash may be in the store; false is
// certain. Before the filter is built every hash may be there.
func (f *replayFilter) mayHold(hash types.Hash) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if !f.built {
		return true
	}
	for _, bits := range f.gens {
		if bits.mayHold(hash[:]) {
			return true
		}
	}
	return false
}

// build adds the store's receipts, through load, unless done already. Only
// the block calls it, so the store it reads is the latest state: a query
// at a past height would miss later receipts. The first block a process
// executes comes after any state-sync restore, so the filter never misses
// receipts a restore wrote.
func (f *replayFilter) build(load func(add func(hash []byte, expiresAtMs int64)) error) error {
	f.mu.RLock()
	built := f.built
	f.mu.RUnlock()
	if built {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.built {
		return nil
	}
	err := load(func(hash []byte, expiresAtMs int64) {
		g := generationOf(expiresAtMs)
		bits := f.gens[g]
		if bits == nil {
			bits = new(bloomBits)
			f.gens[g] = bits
		}
		bits.add(hash)
	})
	if err != nil {
		return err
	}
	f.built = true
	return nil
}

// pruned is called after a block's prune at block time nowMs. Generations
// that ended before the previous such block's time are dropped: that
// block is committed (this one runs after it), so its prune removed their
// receipts from every state a lookup reads from now on.
func (f *replayFilter) pruned(nowMs int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	dropBefore := f.lastPrune
	f.lastPrune = nowMs
	for g := range f.gens {
		if (g+1)*replayGenerationMs <= dropBefore {
			delete(f.gens, g)
		}
	}
}

// loadReceipts returns the loader that feeds the filter the store's
// receipts as of ctx.
func (k Keeper) loadReceipts(ctx context.Context) func(add func(hash []byte, expiresAtMs int64)) error {
	return func(add func(hash []byte, expiresAtMs int64)) error {
		iter, err := k.ReceiptExpiry.Iterate(ctx, nil)
		if err != nil {
			return err
		}
		defer iter.Close()
		for ; iter.Valid(); iter.Next() {
			key, err := iter.Key()
			if err != nil {
				return err
			}
			add(key.K2(), key.K1())
		}
		return nil
	}
}
