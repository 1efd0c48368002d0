package p2p

import (
	"errors"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/p2p/types"
)

// fuzzCID is a CIDv1 of a raw sha2-256 block.
var fuzzCID = func() cid.Cid {
	c, err := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: 0x12, MhLength: -1}.Sum([]byte("fuzz"))
	if err != nil {
		panic(err)
	}
	return c
}()

func TestValidateAnnouncementRules(t *testing.T) {
	tooMany := make([][]byte, MaxAnnouncementCIDs+1)
	for i := range tooMany {
		tooMany[i] = fuzzCID.Bytes()
	}
	// MD5 is not in boxo's default allowlist of hashes.
	insecure, err := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: 0xd5, MhLength: -1}.Sum([]byte("md5"))
	require.NoError(t, err)

	for _, tc := range []struct {
		name   string
		kind   types.AnnouncementKind
		msg    types.Announcement
		reason RejectReason // "" for accepted
	}{
		{"a content announcement is accepted", types.KindContent,
			types.Announcement{ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{fuzzCID.Bytes()}}, ""},
		{"a post announcement is accepted", types.KindPost,
			types.Announcement{ChainID: testChainID, Kind: types.KindPost, CIDs: [][]byte{fuzzCID.Bytes()}, PostID: 1, Height: 2}, ""},
		{"a post without CIDs is accepted", types.KindPost,
			types.Announcement{ChainID: testChainID, Kind: types.KindPost, PostID: 1, Height: 2}, ""},
		{"another chain is refused", types.KindContent,
			types.Announcement{ChainID: "x", Kind: types.KindContent, CIDs: [][]byte{fuzzCID.Bytes()}}, RejectWrongChain},
		{"an unspecified kind is refused", types.KindContent,
			types.Announcement{ChainID: testChainID, CIDs: [][]byte{fuzzCID.Bytes()}}, RejectWrongKind},
		{"content without CIDs is refused", types.KindContent,
			types.Announcement{ChainID: testChainID, Kind: types.KindContent}, RejectNoCIDs},
		{"content with a post id is refused", types.KindContent,
			types.Announcement{ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{fuzzCID.Bytes()}, PostID: 4}, RejectBadFields},
		{"a post without an id is refused", types.KindPost,
			types.Announcement{ChainID: testChainID, Kind: types.KindPost, Height: 2}, RejectBadFields},
		{"too many CIDs are refused", types.KindContent,
			types.Announcement{ChainID: testChainID, Kind: types.KindContent, CIDs: tooMany}, RejectTooManyCIDs},
		{"a CID with an insecure hash is refused", types.KindContent,
			types.Announcement{ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{insecure.Bytes()}}, RejectBadCID},
		{"a CID with trailing bytes is refused", types.KindContent,
			types.Announcement{ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{append(fuzzCID.Bytes(), 0)}}, RejectBadCID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := tc.msg.Marshal()
			require.NoError(t, err)
			ann, err := ValidateAnnouncement(testChainID, tc.kind, raw)
			if tc.reason == "" {
				require.NoError(t, err)
				require.Equal(t, tc.msg.PostID, ann.PostID)
				require.Len(t, ann.CIDs, len(tc.msg.CIDs))
				return
			}
			var rej *RejectError
			require.True(t, errors.As(err, &rej), "error %v", err)
			require.Equal(t, tc.reason, rej.Reason)
			require.Empty(t, ann.CIDs)
		})
	}
}

func TestEncodeAnnouncementsSplitsLongLists(t *testing.T) {
	cids := make([]cid.Cid, 2*MaxAnnouncementCIDs+1)
	for i := range cids {
		cids[i] = fuzzCID
	}
	msgs, err := encodeAnnouncements(testChainID, types.KindPost, 5, 6, cids)
	require.NoError(t, err)
	require.Len(t, msgs, 3)
	total := 0
	for _, m := range msgs {
		ann, err := ValidateAnnouncement(testChainID, types.KindPost, m)
		require.NoError(t, err)
		require.EqualValues(t, 5, ann.PostID)
		total += len(ann.CIDs)
	}
	require.Equal(t, len(cids), total)

	msgs, err = encodeAnnouncements(testChainID, types.KindPost, 5, 6, nil)
	require.NoError(t, err)
	require.Len(t, msgs, 1, "a post without CIDs is still announced")
}

// FuzzValidateAnnouncement feeds arbitrary bytes to the topic validator's
// core: it must never panic, and whatever it accepts must be within the
// limits and survive a re-encoding unchanged.
func FuzzValidateAnnouncement(f *testing.F) {
	for _, m := range []types.Announcement{
		{ChainID: testChainID, Kind: types.KindContent, CIDs: [][]byte{fuzzCID.Bytes()}},
		{ChainID: testChainID, Kind: types.KindPost, CIDs: [][]byte{fuzzCID.Bytes()}, PostID: 9, Height: 3},
		{ChainID: "other", Kind: types.KindContent},
	} {
		raw, err := m.Marshal()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw, uint8(m.Kind))
	}
	f.Add([]byte{}, uint8(1))
	f.Add([]byte("\x1a\x05hello"), uint8(1))
	f.Add([]byte{0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f}, uint8(2))

	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		k := types.AnnouncementKind(kind % 3)
		ann, err := ValidateAnnouncement(testChainID, k, data)
		if err != nil {
			var rej *RejectError
			if !errors.As(err, &rej) {
				t.Fatalf("error %v is not a *RejectError", err)
			}
			return
		}
		if len(data) > MaxAnnouncementSize || len(ann.CIDs) > MaxAnnouncementCIDs {
			t.Fatalf("accepted a message over the limits: %d bytes, %d CIDs", len(data), len(ann.CIDs))
		}
		if ann.ChainID != testChainID || ann.Kind != k {
			t.Fatalf("accepted chain %q kind %v", ann.ChainID, ann.Kind)
		}
		if k == types.KindContent && len(ann.CIDs) == 0 {
			t.Fatal("accepted content without CIDs")
		}
		again, err := encodeAnnouncements(testChainID, k, ann.PostID, ann.Height, ann.CIDs)
		if err != nil || len(again) != 1 {
			t.Fatalf("re-encode: %v (%d messages)", err, len(again))
		}
		back, err := ValidateAnnouncement(testChainID, k, again[0])
		if err != nil {
			t.Fatalf("re-encoded message refused: %v", err)
		}
		if len(back.CIDs) != len(ann.CIDs) || back.PostID != ann.PostID || back.Height != ann.Height {
			t.Fatalf("re-encoding changed the announcement: %+v vs %+v", back, ann)
		}
		for i := range back.CIDs {
			if !back.CIDs[i].Equals(ann.CIDs[i]) {
				t.Fatalf("CID %d changed", i)
			}
		}
	})
}
