package types

import (
	"encoding/json"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
)

// ABCIEvent returns the event exactly as EmitTypedEvent would emit it (the
// JSON value of each field, keys sorted), built without JSON reflection: a
// block applies thousands of lane messages, and the reflective encoder
// cost more than the message's own checks. sdk.ParseTypedEvent reads it.
func (e *EventMessageApplied) ABCIEvent() abci.Event {
	return abci.Event{
		Type: proto.MessageName(e),
		Attributes: []abci.EventAttribute{
			{Key: "author", Value: jsonString(e.Author)},
			{Key: "error", Value: jsonString(e.Error)},
			{Key: "hash", Value: jsonString(e.Hash)},
			{Key: "kind", Value: jsonString(e.Kind)},
			{Key: "status", Value: jsonString(e.Status.String())},
		},
	}
}

func jsonString(s string) string {
	bz, err := json.Marshal(s)
	if err != nil { // a Go string always marshals
		panic(err)
	}
	return string(bz)
}
