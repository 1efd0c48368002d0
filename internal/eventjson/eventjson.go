// Package eventjson writes the attribute values of typed events the way
// sdk.TypedEventToEvent does (the proto JSON of each field), without its
// reflection: a block of lane messages emits tens of thousands of events,
// and the reflective encoder cost more than the actions themselves. Each
// event built with it has a test comparing it with TypedEventToEvent.
package eventjson

import (
	"encoding/json"
	"strconv"
	"strings"
)

// String is the JSON of a string field.
func String(s string) string {
	bz, err := json.Marshal(s)
	if err != nil { // a Go string always marshals
		panic(err)
	}
	return string(bz)
}

// Uint64 is the proto JSON of a uint64 field: a quoted decimal.
func Uint64(u uint64) string { return `"` + strconv.FormatUint(u, 10) + `"` }

// Strings is the JSON of a repeated string field ([] when empty).
func Strings(ss []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(String(s))
	}
	b.WriteByte(']')
	return b.String()
}
