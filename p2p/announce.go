package p2p

import (
	"encoding/json"
	"fmt"

	"github.com/ipfs/boxo/verifcid"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/socialchain/socialchain/internal/textrules"
	"github.com/socialchain/socialchain/p2p/types"
)

// Gossip message limits, enforced by the topic validator.
const (
	// MaxAnnouncementSize is the largest encoded Announcement accepted.
	MaxAnnouncementSize = 64 << 10
	// MaxAnnouncementCIDs is the most CIDs one Announcement may carry;
	// AnnounceContent and AnnouncePost split longer lists.
	MaxAnnouncementCIDs = 64
)

// ContentTopic is the gossipsub topic of content announcements of a chain.
func ContentTopic(chainID string) string { return "/socialchain/" + chainID + "/content/1" }

// PostsTopic is the gossipsub topic of committed-post announcements.
func PostsTopic(chainID string) string { return "/socialchain/" + chainID + "/posts/1" }

// RejectReason names why an incoming gossip message was dropped; Stats
// counts drops by reason.
type RejectReason string

// The reasons a gossip message is dropped.
const (
	RejectOversize    RejectReason = "oversize"      // encoded size over MaxAnnouncementSize
	RejectMalformed   RejectReason = "malformed"     // not a protobuf Announcement
	RejectWrongChain  RejectReason = "wrong_chain"   // chain_id is not this node's chain
	RejectWrongKind   RejectReason = "wrong_kind"    // kind does not match the topic
	RejectNoCIDs      RejectReason = "no_cids"       // a content announcement without CIDs
	RejectTooManyCIDs RejectReason = "too_many_cids" // more than MaxAnnouncementCIDs
	RejectBadCID      RejectReason = "bad_cid"       // a CID that does not parse or uses an insecure hash
	RejectBadFields   RejectReason = "bad_fields"    // post fields missing on posts, or present on content
	RejectRateLimited RejectReason = "rate_limited"  // the author or the forwarding peer is over its rate
)

const rejectReasonsCount = 9

// RejectReasons lists every RejectReason.
var RejectReasons = [rejectReasonsCount]RejectReason{
	RejectOversize, RejectMalformed, RejectWrongChain, RejectWrongKind, RejectNoCIDs,
	RejectTooManyCIDs, RejectBadCID, RejectBadFields, RejectRateLimited,
}

// RejectError is the error ValidateAnnouncement returns.
type RejectError struct {
	Reason RejectReason
	Detail string
}

func (e *RejectError) Error() string {
	return fmt.Sprintf("gossip message rejected (%s): %s", e.Reason, e.Detail)
}

func reject(r RejectReason, format string, args ...any) error {
	return &RejectError{Reason: r, Detail: fmt.Sprintf(format, args...)}
}

// Announcement is a validated gossip message.
type Announcement struct {
	Kind    types.AnnouncementKind
	ChainID string
	CIDs    []cid.Cid
	// PostID and Height are set on post announcements only.
	PostID uint64
	Height int64
	// From is the peer that signed the message (not the one that relayed it).
	From peer.ID
}

// KindName is "content" or "post", the name used in JSON.
func KindName(k types.AnnouncementKind) string {
	switch k {
	case types.KindContent:
		return "content"
	case types.KindPost:
		return "post"
	default:
		return "unspecified"
	}
}

// MarshalJSON renders CIDs and the peer id as strings, for the event stream:
// {"kind":"content","chain_id":"…","cids":["bafy…"],"from":"12D3…"} with
// "post_id" and "height" added for posts.
func (a Announcement) MarshalJSON() ([]byte, error) {
	cids := make([]string, len(a.CIDs))
	for i, c := range a.CIDs {
		cids[i] = c.String()
	}
	v := struct {
		Kind    string   `json:"kind"`
		ChainID string   `json:"chain_id"`
		CIDs    []string `json:"cids"`
		PostID  uint64   `json:"post_id,omitempty"`
		Height  int64    `json:"height,omitempty"`
		From    string   `json:"from,omitempty"`
	}{KindName(a.Kind), a.ChainID, cids, a.PostID, a.Height, ""}
	if a.From != "" {
		v.From = a.From.String()
	}
	return json.Marshal(v)
}

// ValidateAnnouncement decodes data received on the topic of kind and checks
// it: size, protobuf well-formedness, chain id, kind, CID count, every CID
// parses and uses an allowed hash, and the post fields are set exactly for
// posts. The error is a *RejectError naming the rule broken. It is the topic
// validator's core and never panics on any input.
func ValidateAnnouncement(chainID string, kind types.AnnouncementKind, data []byte) (Announcement, error) {
	if kind != types.KindContent && kind != types.KindPost {
		return Announcement{}, reject(RejectWrongKind, "no topic carries kind %s", kind)
	}
	if len(data) > MaxAnnouncementSize {
		return Announcement{}, reject(RejectOversize, "%d bytes, max %d", len(data), MaxAnnouncementSize)
	}
	var msg types.Announcement
	if err := msg.Unmarshal(data); err != nil {
		return Announcement{}, reject(RejectMalformed, "%v", err)
	}
	if msg.ChainID != chainID {
		return Announcement{}, reject(RejectWrongChain, "chain id %q, want %q", textrules.Truncate(msg.ChainID, 64), chainID)
	}
	if msg.Kind != kind {
		return Announcement{}, reject(RejectWrongKind, "kind %s on the %s topic", msg.Kind, KindName(kind))
	}
	if len(msg.CIDs) > MaxAnnouncementCIDs {
		return Announcement{}, reject(RejectTooManyCIDs, "%d CIDs, max %d", len(msg.CIDs), MaxAnnouncementCIDs)
	}
	switch kind {
	case types.KindContent:
		if len(msg.CIDs) == 0 {
			return Announcement{}, reject(RejectNoCIDs, "content announcement without CIDs")
		}
		if msg.PostID != 0 || msg.Height != 0 {
			return Announcement{}, reject(RejectBadFields, "content announcement with post_id or height")
		}
	case types.KindPost:
		if msg.PostID == 0 || msg.Height <= 0 {
			return Announcement{}, reject(RejectBadFields, "post announcement needs post_id and a positive height")
		}
	}
	cids := make([]cid.Cid, len(msg.CIDs))
	for i, b := range msg.CIDs {
		c, err := cid.Cast(b)
		if err != nil {
			return Announcement{}, reject(RejectBadCID, "cid %d: %v", i, err)
		}
		if err := verifcid.ValidateCid(verifcid.DefaultAllowlist, c); err != nil {
			return Announcement{}, reject(RejectBadCID, "cid %d: %v", i, err)
		}
		cids[i] = c
	}
	return Announcement{Kind: kind, ChainID: msg.ChainID, CIDs: cids, PostID: msg.PostID, Height: msg.Height}, nil
}

// encodeAnnouncements builds the wire messages for cids, split into groups of
// at most MaxAnnouncementCIDs (a post without CIDs is one message).
func encodeAnnouncements(chainID string, kind types.AnnouncementKind, postID uint64, height int64, cids []cid.Cid) ([][]byte, error) {
	var out [][]byte
	for start := 0; start < len(cids) || (start == 0 && kind == types.KindPost); start += MaxAnnouncementCIDs {
		end := min(start+MaxAnnouncementCIDs, len(cids))
		msg := types.Announcement{ChainID: chainID, Kind: kind, PostID: postID, Height: height}
		for _, c := range cids[start:end] {
			if !c.Defined() {
				return nil, fmt.Errorf("announce: undefined CID")
			}
			msg.CIDs = append(msg.CIDs, c.Bytes())
		}
		b, err := msg.Marshal()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}
