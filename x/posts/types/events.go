package types

import (
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/socialchain/socialchain/internal/eventjson"
)

// ABCIEvent returns the event exactly as EmitTypedEvent would emit it (keys
// sorted, each value the field's proto JSON), built without reflection: a
// block of lane posts emits one per post. sdk.ParseTypedEvent reads it.
func (e *EventPostCreated) ABCIEvent() abci.Event {
	return abci.Event{
		Type: proto.MessageName(e),
		Attributes: []abci.EventAttribute{
			{Key: "author", Value: eventjson.String(e.Author)},
			{Key: "cids", Value: eventjson.Strings(e.CIDs)},
			{Key: "hashtags", Value: eventjson.Strings(e.Hashtags)},
			{Key: "id", Value: eventjson.Uint64(e.ID)},
			{Key: "mentioned", Value: eventjson.Strings(e.Mentioned)},
			{Key: "quote_of", Value: eventjson.Uint64(e.QuoteOf)},
			{Key: "reply_to", Value: eventjson.Uint64(e.ReplyTo)},
			{Key: "root_id", Value: eventjson.Uint64(e.RootID)},
		},
	}
}
