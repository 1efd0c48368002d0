package types

import (
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/socialchain/socialchain/internal/eventjson"
)

// ContentCIDs are the IPFS CIDs a profile references: its avatar, then its
// banner, each if set.
func (p Profile) ContentCIDs() []string {
	var cids []string
	for _, c := range []string{p.AvatarCID, p.BannerCID} {
		if c != "" {
			cids = append(cids, c)
		}
	}
	return cids
}

// EventCIDs returns the CIDs a profiles event references (a created or
// updated profile's avatar and banner), or nil for other events. It reads
// only that attribute (the events' cids field).
func EventCIDs(ev abci.Event) ([]string, error) {
	switch ev.Type {
	case proto.MessageName(&EventProfileCreated{}), proto.MessageName(&EventProfileUpdated{}):
	default:
		return nil, nil
	}
	return eventjson.StringsAttribute(ev, "cids")
}
