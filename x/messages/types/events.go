package types

import (
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/socialchain/socialchain/internal/eventjson"
)

// ABCIEvent returns the event exactly as EmitTypedEvent would emit it (the
// JSON value of each field, keys sorted), built without JSON reflection: a
// block applies thousands of lane messages, and the reflective encoder
// cost more than the message's own checks. sdk.ParseTypedEvent reads it.
func (e *EventMessageApplied) ABCIEvent() abci.Event {
	return abci.Event{
		Type: proto.MessageName(e),
		Attributes: []abci.EventAttribute{
			{Key: "author", Value: eventjson.String(e.Author)},
			{Key: "error", Value: eventjson.String(e.Error)},
			{Key: "hash", Value: eventjson.String(e.Hash)},
			{Key: "kind", Value: eventjson.String(e.Kind)},
			{Key: "status", Value: eventjson.String(e.Status.String())},
		},
	}
}
