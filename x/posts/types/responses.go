package types

// CreatedIDName names the new post's id in the CLI's tx outcome
// (internal/cliwait): "post_id: 7".
func (*MsgCreatePostResponse) CreatedIDName() string { return "post_id" }

// CreatedIDName names the new reaction's id in the CLI's tx outcome.
func (*MsgReactResponse) CreatedIDName() string { return "reaction_id" }
