package keeper

import (
	"context"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/messages/pool"
	"github.com/socialchain/socialchain/x/messages/types"
)

// MaxSubmitBatch bounds the messages of one SubmitBatch call.
const MaxSubmitBatch = 10_000

// Broadcaster gossips accepted messages to the other nodes.
type Broadcaster interface {
	// BroadcastMessages hands the encodings of accepted SignedMessages to
	// gossip; it must not block on the network.
	BroadcastMessages(raw [][]byte)
}

// Lane takes messages into the node's pool: from clients (Submit) and from
// gossip. Each message is decoded, its signature verified (batched), and
// validated completely against the state of ctx before it is persisted.
type Lane struct {
	k           Keeper
	pool        *pool.Pool
	broadcaster Broadcaster

	// reserved counts, per author, the messages a running Accept has passed
	// (or is validating) but not yet put in the pool. They count against
	// the allowance like pending ones, so concurrent submits for one author
	// cannot both take its last message, while submits for different
	// authors validate in parallel.
	reservedMu sync.Mutex
	reserved   map[string]uint64
}

// NewLane returns the lane over the pool; broadcaster may be nil (no gossip).
func NewLane(k Keeper, p *pool.Pool, broadcaster Broadcaster) *Lane {
	return &Lane{k: k, pool: p, broadcaster: broadcaster, reserved: map[string]uint64{}}
}

// reserve takes one of author's allowance for a message about to be
// validated and returns how many of its messages were already pending
// (in the pool or reserved).
func (l *Lane) reserve(author string) (pending uint64) {
	l.reservedMu.Lock()
	defer l.reservedMu.Unlock()
	pending = l.pool.PendingFor(author) + l.reserved[author]
	l.reserved[author]++
	return pending
}

// release gives back one reservation per author listed (a refused
// message, or one the pool now counts).
func (l *Lane) release(authors ...string) {
	l.reservedMu.Lock()
	defer l.reservedMu.Unlock()
	for _, a := range authors {
		if l.reserved[a]--; l.reserved[a] == 0 {
			delete(l.reserved, a)
		}
	}
}

// Pool returns the lane's pool.
func (l *Lane) Pool() *pool.Pool { return l.pool }

// SetBroadcaster installs the gossip of accepted messages (the content node
// starts after the app).
func (l *Lane) SetBroadcaster(b Broadcaster) { l.broadcaster = b }

// Accept validates raw SignedMessages against the state of ctx and puts the
// valid ones in the pool; it returns one result per message, in order, and
// whether any message was cryptographically invalid (undecodable or badly
// signed: what an honest peer never forwards). Messages that came by gossip
// are not broadcast again: gossipsub forwards them.
func (l *Lane) Accept(sdkCtx sdk.Context, raw [][]byte, fromGossip bool) (results []types.SubmitResult, forged bool) {
	var ctx context.Context = sdkCtx // converted once: each conversion copies the context to the heap
	results = make([]types.SubmitResult, len(raw))
	params, err := l.k.Params.Get(ctx)
	if err != nil {
		for i := range results {
			results[i] = refused(err)
		}
		return results, false
	}
	decoded := make([]*types.Message, len(raw))
	var toVerify []*types.Message
	var verifyIdx []int
	for i, bz := range raw {
		m, err := types.Decode(bz, sdkCtx.ChainID(), params.MaxMessageBytes)
		if err != nil {
			results[i], forged = refused(err), true
			continue
		}
		results[i].Hash = m.Hash.String()
		decoded[i] = m
		toVerify = append(toVerify, m)
		verifyIdx = append(verifyIdx, i)
	}
	for j, err := range types.VerifySignatures(toVerify) {
		if err != nil {
			i := verifyIdx[j]
			results[i], forged, decoded[i] = refusedWithHash(results[i].Hash, err), true, nil
		}
	}

	var accepted []*types.Message
	var acceptedRaw [][]byte
	var acceptedAuthors []string
	acceptedIdx := []int{}
	for i, m := range decoded {
		if m == nil {
			continue
		}
		if l.pool.Has(m.Hash) {
			results[i].Accepted = true // already pending: accepting again is idempotent
			continue
		}
		if err := l.k.Validate(ctx, params, m, l.reserve(m.Body.Author)); err != nil {
			l.release(m.Body.Author)
			results[i] = refusedWithHash(results[i].Hash, err)
			continue
		}
		accepted = append(accepted, m)
		acceptedRaw = append(acceptedRaw, raw[i])
		acceptedAuthors = append(acceptedAuthors, m.Body.Author)
		acceptedIdx = append(acceptedIdx, i)
	}
	// The pool counts them once added; releasing only then may refuse a
	// racing submit at an author's very last message, never admit one too
	// many.
	err = l.pool.Add(accepted, acceptedRaw)
	l.release(acceptedAuthors...)
	if err != nil {
		for _, i := range acceptedIdx {
			results[i] = refusedWithHash(results[i].Hash, err)
		}
		return results, forged
	}
	for _, i := range acceptedIdx {
		results[i].Accepted = true
	}
	if !fromGossip && l.broadcaster != nil && len(acceptedRaw) > 0 {
		l.broadcaster.BroadcastMessages(acceptedRaw)
	}
	return results, forged
}

func refused(err error) types.SubmitResult {
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	return types.SubmitResult{Codespace: codespace, Code: code, Error: err.Error()}
}

func refusedWithHash(hash string, err error) types.SubmitResult {
	r := refused(err)
	r.Hash = hash
	return r
}

type laneServer struct{ lane *Lane }

var _ types.LaneServer = laneServer{}

// NewLaneServerImpl returns the Lane gRPC service over lane. It runs on the
// query router, so each call sees the latest committed state, branched:
// validating a message writes nothing.
func NewLaneServerImpl(lane *Lane) types.LaneServer { return laneServer{lane: lane} }

// Submit accepts one message or answers the rule it breaks.
func (s laneServer) Submit(ctx context.Context, req *types.SubmitRequest) (*types.SubmitResponse, error) {
	if req == nil || len(req.Message.Body) == 0 {
		return nil, status.Error(codes.InvalidArgument, "message: body is empty")
	}
	bz, err := req.Message.Marshal()
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "message: %v", err)
	}
	results, _ := s.lane.Accept(sdk.UnwrapSDKContext(ctx), [][]byte{bz}, false)
	r := results[0]
	if !r.Accepted {
		return nil, errorsmod.ABCIError(r.Codespace, r.Code, r.Error)
	}
	return &types.SubmitResponse{Hash: r.Hash}, nil
}

// SubmitBatch accepts or refuses each message on its own.
func (s laneServer) SubmitBatch(ctx context.Context, req *types.SubmitBatchRequest) (*types.SubmitBatchResponse, error) {
	if req == nil || len(req.Messages) == 0 {
		return nil, status.Error(codes.InvalidArgument, "messages: empty")
	}
	if len(req.Messages) > MaxSubmitBatch {
		return nil, status.Errorf(codes.InvalidArgument, "messages: %d, limit %d per call", len(req.Messages), MaxSubmitBatch)
	}
	raw := make([][]byte, len(req.Messages))
	for i := range req.Messages {
		bz, err := req.Messages[i].Marshal()
		if err != nil {
			return nil, status.Errorf(codes.InvalidArgument, "messages[%d]: %v", i, err)
		}
		raw[i] = bz
	}
	results, _ := s.lane.Accept(sdk.UnwrapSDKContext(ctx), raw, false)
	res := &types.SubmitBatchResponse{Results: results}
	for _, r := range results {
		if r.Accepted {
			res.Accepted++
		}
	}
	return res, nil
}
