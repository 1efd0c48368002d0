// Package eventjson writes and reads the attribute values of typed events
// the way sdk.TypedEventToEvent does (the proto JSON of each field), without
// its reflection: a block of lane messages emits tens of thousands of
// events, and the reflective encoder cost more than the actions themselves.
// Each event built with it has a test comparing it with TypedEventToEvent.
package eventjson

import (
	"encoding/json"
	"strconv"
	"strings"

	abci "github.com/cometbft/cometbft/abci/types"
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

// ParseStrings reads the value of a repeated string attribute.
func ParseStrings(value string) ([]string, error) {
	if value == "[]" {
		return nil, nil // most events list nothing; skip the decoder
	}
	var out []string
	if err := json.Unmarshal([]byte(value), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ParseUint64 reads the value of a uint64 attribute (a quoted decimal).
func ParseUint64(value string) (uint64, error) {
	var s string
	if err := json.Unmarshal([]byte(value), &s); err != nil {
		return 0, err
	}
	return strconv.ParseUint(s, 10, 64)
}

// StringsAttribute reads ev's repeated string attribute key; a missing
// attribute reads as none.
func StringsAttribute(ev abci.Event, key string) ([]string, error) {
	value, ok := Attribute(ev, key)
	if !ok {
		return nil, nil
	}
	return ParseStrings(value)
}

// Attribute returns the value of ev's attribute key.
func Attribute(ev abci.Event, key string) (string, bool) {
	for _, attr := range ev.Attributes {
		if attr.Key == key {
			return attr.Value, true
		}
	}
	return "", false
}
