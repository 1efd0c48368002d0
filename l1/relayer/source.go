package relayer

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// Errors a Source returns, wrapped with the detail.
var (
	// ErrNotFound: the chain has no checkpoint or signer set under that
	// number.
	ErrNotFound = errors.New("not found")
	// ErrSignerSetUnavailable: the signer set may exist on the chain, but
	// the Source has no way to read it (see GRPCSource.SignerSet).
	ErrSignerSetUnavailable = errors.New("signer set unavailable")
)

// Source is the relayer's read access to the chain.
type Source interface {
	// LatestCheckpointNumber is the number of the newest checkpoint the
	// chain has opened, final or not; 0 before the first.
	LatestCheckpointNumber(ctx context.Context) (uint64, error)
	// Checkpoint returns checkpoint number with its signatures (sorted by
	// signer index), or an error wrapping ErrNotFound.
	Checkpoint(ctx context.Context, number uint64) (types.SignedCheckpoint, error)
	// SignerSet returns the signer set with nonce, or an error wrapping
	// ErrNotFound or ErrSignerSetUnavailable.
	SignerSet(ctx context.Context, nonce uint64) (types.SignerSet, error)
}

// GRPCSource reads the chain through its socialchain.settlement.v1.Query
// gRPC service:
//
//	relayer.NewGRPCSource(types.NewQueryClient(conn))
//
// Signer sets come from the SignerSet query (by nonce). A node that
// predates that query answers Unimplemented; SignerSet then serves the
// chain's latest set and every set it has seen as the latest before
// (checked against its hash). That covers what the relayer needs while it
// keeps up with the chain: a handover checkpoint's next set is the chain's
// latest set until the following handover. A relayer that falls behind by
// two handovers or more cannot learn the sets in between from such a node;
// SignerSet then fails with ErrSignerSetUnavailable. (The Relayer needs
// the set that signs a checkpoint too, but it takes that one from the
// contract's SignerSetUpdated events when the Source cannot serve it.)
type GRPCSource struct {
	client types.QueryClient

	mu   sync.Mutex
	seen map[uint64]types.SignerSet // by nonce; every entry's hash checked
}

var _ Source = (*GRPCSource)(nil)

// NewGRPCSource returns a Source over client.
func NewGRPCSource(client types.QueryClient) *GRPCSource {
	return &GRPCSource{client: client, seen: map[uint64]types.SignerSet{}}
}

// LatestCheckpointNumber implements Source.
func (s *GRPCSource) LatestCheckpointNumber(ctx context.Context) (uint64, error) {
	res, err := s.client.LatestCheckpoint(ctx, &types.QueryLatestCheckpointRequest{})
	if status.Code(err) == codes.NotFound {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("latest checkpoint: %w", err)
	}
	return res.Checkpoint.Checkpoint.Number, nil
}

// Checkpoint implements Source.
func (s *GRPCSource) Checkpoint(ctx context.Context, number uint64) (types.SignedCheckpoint, error) {
	res, err := s.client.Checkpoint(ctx, &types.QueryCheckpointRequest{Epoch: number})
	if status.Code(err) == codes.NotFound {
		return types.SignedCheckpoint{}, fmt.Errorf("checkpoint %d: %w: %v", number, ErrNotFound, err)
	}
	if err != nil {
		return types.SignedCheckpoint{}, fmt.Errorf("checkpoint %d: %w", number, err)
	}
	if got := res.Checkpoint.Checkpoint.Number; got != number {
		return types.SignedCheckpoint{}, fmt.Errorf("asked the chain for checkpoint %d, got %d", number, got)
	}
	return res.Checkpoint, nil
}

// SignerSet implements Source; see GRPCSource.
func (s *GRPCSource) SignerSet(ctx context.Context, nonce uint64) (types.SignerSet, error) {
	res, err := s.client.SignerSet(ctx, &types.QuerySignerSetRequest{Nonce: nonce})
	switch status.Code(err) {
	case codes.OK:
		set := res.SignerSet
		if set.Nonce != nonce {
			return types.SignerSet{}, fmt.Errorf("asked the chain for signer set %d, got %d", nonce, set.Nonce)
		}
		if _, err := toL1SignerSet(set); err != nil {
			return types.SignerSet{}, err
		}
		return set, nil
	case codes.NotFound:
		return types.SignerSet{}, fmt.Errorf("signer set %d: %w: %v", nonce, ErrNotFound, err)
	case codes.Unimplemented:
		return s.signerSetFromLatest(ctx, nonce)
	default:
		return types.SignerSet{}, fmt.Errorf("signer set %d: %w", nonce, err)
	}
}

// signerSetFromLatest serves nonce from the chain's latest signer set and
// the ones seen before, for nodes without the SignerSet query. Every call
// refreshes the latest set, so a relayer that asks once per checkpoint
// sees each set while it is the latest.
func (s *GRPCSource) signerSetFromLatest(ctx context.Context, nonce uint64) (types.SignerSet, error) {
	latest, err := s.latestSignerSet(ctx)
	if err != nil {
		return types.SignerSet{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if latest != nil {
		s.seen[latest.Nonce] = *latest
	}
	// Only the set that signs the next checkpoint and its successor are
	// ever asked for again; keep those and newer.
	for n := range s.seen {
		if n+1 < nonce {
			delete(s.seen, n)
		}
	}
	if set, ok := s.seen[nonce]; ok {
		return set, nil
	}
	switch {
	case latest == nil:
		return types.SignerSet{}, fmt.Errorf("signer set %d: %w: the chain has none yet", nonce, ErrNotFound)
	case nonce > latest.Nonce:
		return types.SignerSet{}, fmt.Errorf("signer set %d: %w: the latest is %d", nonce, ErrNotFound, latest.Nonce)
	default:
		return types.SignerSet{}, fmt.Errorf("signer set %d: %w: the chain's latest set is %d and the node has no query by nonce",
			nonce, ErrSignerSetUnavailable, latest.Nonce)
	}
}

// latestSignerSet fetches the latest set and checks its hash; nil when the
// chain has none yet.
func (s *GRPCSource) latestSignerSet(ctx context.Context) (*types.SignerSet, error) {
	res, err := s.client.LatestSignerSet(ctx, &types.QueryLatestSignerSetRequest{})
	if status.Code(err) == codes.NotFound {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("latest signer set: %w", err)
	}
	set := res.SignerSet
	if len(set.Hash) == 0 {
		return nil, fmt.Errorf("latest signer set %d: the chain sent no hash", set.Nonce)
	}
	if _, err := toL1SignerSet(set); err != nil {
		return nil, err
	}
	return &set, nil
}

// MemorySource is a Source held in memory, for tests (here and in packages
// that drive a Relayer without a chain). It is safe for concurrent use.
type MemorySource struct {
	mu          sync.Mutex
	checkpoints map[uint64]types.SignedCheckpoint
	sets        map[uint64]types.SignerSet
	err         error
	reads       []uint64 // checkpoint numbers asked for, in order
}

var _ Source = (*MemorySource)(nil)

// NewMemorySource returns an empty MemorySource.
func NewMemorySource() *MemorySource {
	return &MemorySource{checkpoints: map[uint64]types.SignedCheckpoint{}, sets: map[uint64]types.SignerSet{}}
}

// PutCheckpoint adds or replaces the checkpoint cp.Checkpoint.Number.
func (s *MemorySource) PutCheckpoint(cp types.SignedCheckpoint) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checkpoints[cp.Checkpoint.Number] = cp
}

// PutSignerSet adds or replaces the signer set set.Nonce.
func (s *MemorySource) PutSignerSet(set types.SignerSet) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sets[set.Nonce] = set
}

// SetError makes every read fail with err, as an unreachable chain would;
// nil restores normal reads.
func (s *MemorySource) SetError(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = err
}

// CheckpointReads lists the checkpoint numbers asked for so far, in order.
func (s *MemorySource) CheckpointReads() []uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]uint64(nil), s.reads...)
}

// LatestCheckpointNumber implements Source.
func (s *MemorySource) LatestCheckpointNumber(context.Context) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	var latest uint64
	for n := range s.checkpoints {
		latest = max(latest, n)
	}
	return latest, nil
}

// Checkpoint implements Source.
func (s *MemorySource) Checkpoint(_ context.Context, number uint64) (types.SignedCheckpoint, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return types.SignedCheckpoint{}, s.err
	}
	s.reads = append(s.reads, number)
	cp, ok := s.checkpoints[number]
	if !ok {
		return types.SignedCheckpoint{}, fmt.Errorf("checkpoint %d: %w", number, ErrNotFound)
	}
	return cp, nil
}

// SignerSet implements Source.
func (s *MemorySource) SignerSet(_ context.Context, nonce uint64) (types.SignerSet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return types.SignerSet{}, s.err
	}
	set, ok := s.sets[nonce]
	if !ok {
		return types.SignerSet{}, fmt.Errorf("signer set %d: %w", nonce, ErrNotFound)
	}
	return set, nil
}
