// Package pool is the node-local store of accepted lane messages that wait
// for a block. A message is written to disk (synced) before the node
// answers "accepted", so a crash loses none; it leaves the pool when a
// block carries it or its timestamp leaves the window. Only messages whose
// signature this node verified are added (the lane's Accept verifies
// before it adds), so the pool also tells which signatures need no second
// check.
//
// The pool is node state, not chain state: its order is arrival order, and
// nothing in it reaches consensus except through a proposal, which every
// validator checks on its own.
package pool

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/opt"
	"github.com/syndtr/goleveldb/leveldb/storage"
	"github.com/syndtr/goleveldb/leveldb/util"

	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/x/messages/types"
)

// DefaultLimit bounds the messages a pool holds: about two minutes of a
// saturated node's intake, a few hundred MiB at most.
const DefaultLimit = 1_000_000

// entryPrefix prefixes the on-disk entries, keyed by arrival sequence.
var entryPrefix = []byte("m")

// Pool holds accepted messages in arrival order.
type Pool struct {
	db    *leveldb.DB
	limit int

	mu       sync.Mutex
	nextSeq  uint64
	byHash   map[types.Hash]*entry
	queue    []*entry // arrival order; removed entries are skipped and compacted
	removed  int      // removed entries still in queue
	byAuthor map[string]uint64
}

type entry struct {
	msg     *types.Message
	raw     []byte
	seq     uint64
	removed bool
}

// Open opens (or creates) the pool in dir and loads what a previous run
// left there; dir "" keeps the pool in memory (tests). The messages on disk
// are decoded again for chainID, up to maxMessageBytes each; any that no
// longer decode are dropped.
func Open(dir, chainID string, maxMessageBytes uint32, limit int) (*Pool, error) {
	var (
		db  *leveldb.DB
		err error
	)
	o := &opt.Options{NoSync: false}
	if dir == "" {
		db, err = leveldb.Open(storage.NewMemStorage(), o)
	} else {
		db, err = leveldb.OpenFile(dir, o)
	}
	if err != nil {
		return nil, fmt.Errorf("opening the message pool: %w", err)
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	p := &Pool{db: db, limit: limit, byHash: map[types.Hash]*entry{}, byAuthor: map[string]uint64{}}
	if err := p.load(chainID, maxMessageBytes); err != nil {
		_ = db.Close()
		return nil, err
	}
	return p, nil
}

func (p *Pool) load(chainID string, maxMessageBytes uint32) error {
	iter := p.db.NewIterator(util.BytesPrefix(entryPrefix), nil)
	defer iter.Release()
	var stale [][]byte
	for iter.Next() {
		key := append([]byte(nil), iter.Key()...)
		seq := binary.BigEndian.Uint64(key[len(entryPrefix):])
		p.nextSeq = max(p.nextSeq, seq+1)
		raw := append([]byte(nil), iter.Value()...)
		msg, err := types.Decode(raw, chainID, maxMessageBytes)
		if err != nil {
			stale = append(stale, key)
			continue
		}
		p.index(&entry{msg: msg, raw: raw, seq: seq})
	}
	if err := iter.Error(); err != nil {
		return fmt.Errorf("loading the message pool: %w", err)
	}
	batch := new(leveldb.Batch)
	for _, k := range stale {
		batch.Delete(k)
	}
	return p.db.Write(batch, nil)
}

func (p *Pool) index(e *entry) {
	p.byHash[e.msg.Hash] = e
	p.queue = append(p.queue, e)
	p.byAuthor[e.msg.Body.Author]++
}

func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(nil), entryPrefix...), seq)
}

// Close closes the pool's database.
func (p *Pool) Close() error { return p.db.Close() }

// Add persists msgs (raw[i] is the encoding of msgs[i]) with one synced
// write, then makes them pending. Messages already in the pool are skipped.
// If the pool cannot take them all it takes none and answers ErrPoolFull.
func (p *Pool) Add(msgs []*types.Message, raw [][]byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	fresh := make([]*entry, 0, len(msgs))
	seen := make(map[types.Hash]bool, len(msgs))
	for i, m := range msgs {
		if p.byHash[m.Hash] != nil || seen[m.Hash] {
			continue
		}
		seen[m.Hash] = true
		fresh = append(fresh, &entry{msg: m, raw: raw[i]})
	}
	if len(fresh) == 0 {
		return nil
	}
	if len(p.byHash)+len(fresh) > p.limit {
		return errorsmod.Wrapf(types.ErrPoolFull, "%d pending messages, limit %d; retry after the next block", len(p.byHash), p.limit)
	}
	batch := new(leveldb.Batch)
	for i, e := range fresh {
		e.seq = p.nextSeq + uint64(i)
		batch.Put(seqKey(e.seq), e.raw)
	}
	// Synced: "accepted" must survive a crash of this node.
	if err := p.db.Write(batch, &opt.WriteOptions{Sync: true}); err != nil {
		return fmt.Errorf("persisting messages: %w", err)
	}
	p.nextSeq += uint64(len(fresh))
	for _, e := range fresh {
		p.index(e)
	}
	return nil
}

// Has reports whether the pool holds a message.
func (p *Pool) Has(hash types.Hash) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.byHash[hash] != nil
}

// HoldsSigned reports whether the pool holds m with the same signature:
// then this node verified that signature when it accepted m, and a
// proposal carrying m needs no second check of it. The hash covers only
// the body, so the signature bytes must match too.
func (p *Pool) HoldsSigned(m *types.Message) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	e := p.byHash[m.Hash]
	return e != nil && bytes.Equal(e.msg.Signed.Signature, m.Signed.Signature)
}

// PendingFor returns how many of author's messages wait in the pool.
func (p *Pool) PendingFor(author string) uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.byAuthor[author]
}

// Len returns the number of pending messages.
func (p *Pool) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.byHash)
}

// Pending returns up to maxCount oldest messages whose encodings add up to
// at most maxBytes, in arrival order, without removing them.
func (p *Pool) Pending(maxCount int, maxBytes int64) (msgs []*types.Message, raw [][]byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var size int64
	for _, e := range p.queue {
		if len(msgs) >= maxCount {
			break
		}
		if e.removed {
			continue
		}
		if size+int64(len(e.raw)) > maxBytes {
			break
		}
		size += int64(len(e.raw))
		msgs = append(msgs, e.msg)
		raw = append(raw, e.raw)
	}
	return msgs, raw
}

// Remove drops messages from the pool (a block carried them, or they can
// no longer be included). Unknown hashes are ignored.
func (p *Pool) Remove(hashes []types.Hash) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	batch := new(leveldb.Batch)
	for _, h := range hashes {
		e := p.byHash[h]
		if e == nil {
			continue
		}
		p.drop(e)
		batch.Delete(seqKey(e.seq))
	}
	p.compact()
	if batch.Len() == 0 {
		return nil
	}
	// Not synced: after a crash a removed message comes back, and the
	// proposer skips it because the chain has its receipt.
	return p.db.Write(batch, nil)
}

// RemoveExpired drops messages whose timestamp is before earliestMs: no
// block may include them any more.
func (p *Pool) RemoveExpired(earliestMs int64) (int, error) {
	p.mu.Lock()
	var expired []types.Hash
	for _, e := range p.queue {
		if !e.removed && e.msg.Body.TimestampMs < earliestMs {
			expired = append(expired, e.msg.Hash)
		}
	}
	p.mu.Unlock()
	return len(expired), p.Remove(expired)
}

func (p *Pool) drop(e *entry) {
	e.removed = true
	p.removed++
	delete(p.byHash, e.msg.Hash)
	if n := p.byAuthor[e.msg.Body.Author]; n <= 1 {
		delete(p.byAuthor, e.msg.Body.Author)
	} else {
		p.byAuthor[e.msg.Body.Author] = n - 1
	}
}

// compact rewrites the queue once removed entries are at least half of it,
// so removal stays amortised O(1).
func (p *Pool) compact() {
	if p.removed*2 < len(p.queue) {
		return
	}
	live := make([]*entry, 0, len(p.queue)-p.removed)
	for _, e := range p.queue {
		if !e.removed {
			live = append(live, e)
		}
	}
	p.queue, p.removed = live, 0
}
