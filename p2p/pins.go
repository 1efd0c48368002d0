package p2p

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ipfs/go-cid"
	ds "github.com/ipfs/go-datastore"
	dsq "github.com/ipfs/go-datastore/query"
)

// PinState is where a pin is in its life.
type PinState string

const (
	// PinPending: recorded, its DAG not (yet) all fetched. Resumed on restart.
	PinPending PinState = "pending"
	// PinPinned: the whole DAG is in the local blockstore.
	PinPinned PinState = "pinned"
	// PinFailed: every attempt failed, or the content is refused (too large).
	// Pinning the CID again starts over.
	PinFailed PinState = "failed"
)

// ErrPinNotFound is returned for a CID the pin store has no record of.
var ErrPinNotFound = errors.New("CID is not pinned")

// PinRecord is the persistent state of one pin.
type PinRecord struct {
	CID   cid.Cid
	State PinState
	// Attempts counts fetch attempts that failed (a fetch cut short by the
	// node shutting down does not count).
	Attempts  int
	LastError string
	// FirstSeenHeight is the block height of the first Pin of the CID.
	FirstSeenHeight int64
	UpdatedAt       time.Time
}

// pinValue is the stored encoding of a PinRecord; the CID is the key.
type pinValue struct {
	State           PinState  `json:"state"`
	Attempts        int       `json:"attempts"`
	LastError       string    `json:"last_error,omitempty"`
	FirstSeenHeight int64     `json:"first_seen_height"`
	UpdatedAt       time.Time `json:"updated_at"`
}

// pinPrefix namespaces pin records in the datastore: /pins/<cid>.
const pinPrefix = "/pins/"

// PinStore keeps pin records in a datastore, one key per CID, ordered by the
// CID's string form. It is safe for concurrent use; read-modify-write
// sequences are serialised by PinQueue.
type PinStore struct {
	ds ds.Datastore
}

// NewPinStore returns a pin store over d.
func NewPinStore(d ds.Datastore) *PinStore { return &PinStore{ds: d} }

func pinKey(c cid.Cid) ds.Key { return ds.NewKey(pinPrefix + c.String()) }

// Get returns the record of c, or ErrPinNotFound.
func (s *PinStore) Get(ctx context.Context, c cid.Cid) (PinRecord, error) {
	raw, err := s.ds.Get(ctx, pinKey(c))
	if errors.Is(err, ds.ErrNotFound) {
		return PinRecord{}, fmt.Errorf("%w: %s", ErrPinNotFound, c)
	}
	if err != nil {
		return PinRecord{}, err
	}
	return decodePin(c, raw)
}

// Put writes rec, replacing any record of the same CID.
func (s *PinStore) Put(ctx context.Context, rec PinRecord) error {
	raw, err := json.Marshal(pinValue{
		State:           rec.State,
		Attempts:        rec.Attempts,
		LastError:       rec.LastError,
		FirstSeenHeight: rec.FirstSeenHeight,
		UpdatedAt:       rec.UpdatedAt.UTC(),
	})
	if err != nil {
		return err
	}
	if err := s.ds.Put(ctx, pinKey(rec.CID), raw); err != nil {
		return err
	}
	return s.ds.Sync(ctx, ds.NewKey(pinPrefix))
}

// Delete removes the record of c; deleting a missing record is not an error.
func (s *PinStore) Delete(ctx context.Context, c cid.Cid) error {
	if err := s.ds.Delete(ctx, pinKey(c)); err != nil {
		return err
	}
	return s.ds.Sync(ctx, ds.NewKey(pinPrefix))
}

// List returns up to limit records whose CID string sorts after cursor
// ("" starts at the beginning), and the cursor of the next page ("" when
// there is none).
func (s *PinStore) List(ctx context.Context, cursor string, limit int) ([]PinRecord, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("limit must be positive, got %d", limit)
	}
	res, err := s.ds.Query(ctx, dsq.Query{Prefix: pinPrefix, Orders: []dsq.Order{dsq.OrderByKey{}}})
	if err != nil {
		return nil, "", err
	}
	defer res.Close()

	var out []PinRecord
	for e, ok := res.NextSync(); ok; e, ok = res.NextSync() {
		if e.Error != nil {
			return nil, "", e.Error
		}
		name := strings.TrimPrefix(e.Key, pinPrefix)
		if cursor != "" && name <= cursor {
			continue
		}
		if len(out) == limit {
			return out, out[len(out)-1].CID.String(), nil
		}
		rec, err := decodePinKey(name, e.Value)
		if err != nil {
			return nil, "", err
		}
		out = append(out, rec)
	}
	return out, "", nil
}

// ByState returns every record in state st.
func (s *PinStore) ByState(ctx context.Context, st PinState) ([]PinRecord, error) {
	res, err := s.ds.Query(ctx, dsq.Query{Prefix: pinPrefix})
	if err != nil {
		return nil, err
	}
	defer res.Close()
	var out []PinRecord
	for e, ok := res.NextSync(); ok; e, ok = res.NextSync() {
		if e.Error != nil {
			return nil, e.Error
		}
		rec, err := decodePinKey(strings.TrimPrefix(e.Key, pinPrefix), e.Value)
		if err != nil {
			return nil, err
		}
		if rec.State == st {
			out = append(out, rec)
		}
	}
	return out, nil
}

func decodePinKey(name string, raw []byte) (PinRecord, error) {
	c, err := cid.Decode(name)
	if err != nil {
		return PinRecord{}, fmt.Errorf("pin store: bad key %q: %w", name, err)
	}
	return decodePin(c, raw)
}

func decodePin(c cid.Cid, raw []byte) (PinRecord, error) {
	var v pinValue
	if err := json.Unmarshal(raw, &v); err != nil {
		return PinRecord{}, fmt.Errorf("pin store: record of %s: %w", c, err)
	}
	return PinRecord{
		CID:             c,
		State:           v.State,
		Attempts:        v.Attempts,
		LastError:       v.LastError,
		FirstSeenHeight: v.FirstSeenHeight,
		UpdatedAt:       v.UpdatedAt,
	}, nil
}
