// Package resterr writes REST errors in the gRPC-gateway shape,
// {"code": <gRPC code>, "message": "...", "details": []}, so a client
// parses one shape whichever of the node's routes refused it: the gateway,
// the content API, the web app or the hand-written status routes.
package resterr

import (
	"encoding/json"
	"net/http"

	"google.golang.org/grpc/codes"
)

// Body is the error shape. Details is always empty in our answers; it is
// there, as [], for clients that expect the gateway's field.
type Body struct {
	Code    codes.Code `json:"code"`
	Message string     `json:"message"`
	Details []any      `json:"details"`
}

// New returns the body for code and message.
func New(code codes.Code, message string) Body {
	return Body{Code: code, Message: message, Details: []any{}}
}

// Write answers httpStatus with v as JSON: a Body, or a route's own type
// that embeds one to add fields.
func Write(w http.ResponseWriter, httpStatus int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(httpStatus)
	_ = json.NewEncoder(w).Encode(v)
}

// Error answers httpStatus with New(code, message).
func Error(w http.ResponseWriter, httpStatus int, code codes.Code, message string) {
	Write(w, httpStatus, New(code, message))
}
