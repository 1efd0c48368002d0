package types

import "fmt"

// GoString keeps the SDK's gRPC query interceptor cheap: it formats every
// request with %#v for a debug line, and a batch of thousands of messages
// formatted field by field cost a quarter of a submit.
func (r *SubmitBatchRequest) GoString() string {
	return fmt.Sprintf("&types.SubmitBatchRequest{Messages: %d}", len(r.Messages))
}

// GoString: see SubmitBatchRequest.GoString.
func (r *SubmitRequest) GoString() string {
	return fmt.Sprintf("&types.SubmitRequest{Message: %d body bytes}", len(r.Message.Body))
}
