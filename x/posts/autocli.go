package posts

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	postsv1 "github.com/socialchain/socialchain/api/socialchain/posts/v1"
)

// AutoCLIOptions describes the posts CLI: every tx and query command comes
// from the proto services, except reply (see GetTxCmd).
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	id := []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}
	postID := []*autocliv1.PositionalArgDescriptor{{ProtoField: "post_id"}}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: postsv1.Query_ServiceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Post",
					Use:            "post [id]",
					Short:          "Show a post with its counters",
					Example:        fmt.Sprintf("$ %s query posts post 1", app),
					PositionalArgs: id,
				},
				{
					RpcMethod: "Posts",
					Use:       "posts",
					Short:     "List every live post, newest first (the global timeline)",
					Example:   fmt.Sprintf("$ %s query posts posts --page-limit 20", app),
				},
				{
					RpcMethod:      "PostsByAuthor",
					Use:            "author-posts [address]",
					Short:          "List an author's posts, newest first",
					Example:        fmt.Sprintf("$ %s query posts author-posts social1... --page-limit 20", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "Replies",
					Use:            "replies [id]",
					Short:          "List the direct replies to a post, newest first",
					Example:        fmt.Sprintf("$ %s query posts replies 1", app),
					PositionalArgs: id,
				},
				{
					RpcMethod:      "Thread",
					Use:            "thread [id]",
					Short:          "List the thread a post belongs to, root first",
					Example:        fmt.Sprintf("$ %s query posts thread 7", app),
					PositionalArgs: id,
				},
				{
					RpcMethod:      "Feed",
					Use:            "feed [address]",
					Short:          "List the posts of the accounts an address follows, newest first",
					Example:        fmt.Sprintf("$ %s query posts feed social1... --page-key <next_key>", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "PostsByHashtag",
					Use:            "hashtag [tag]",
					Short:          "List the posts carrying a hashtag, newest first",
					Example:        fmt.Sprintf("$ %s query posts hashtag socialchain", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "tag"}},
				},
				{
					RpcMethod:      "Reactions",
					Use:            "reactions [id]",
					Short:          "List the reactions to a post, newest first",
					Example:        fmt.Sprintf("$ %s query posts reactions 1", app),
					PositionalArgs: id,
				},
				{
					RpcMethod:      "History",
					Use:            "history [id]",
					Short:          "List the versions of a post's content, current first",
					Example:        fmt.Sprintf("$ %s query posts history 1", app),
					PositionalArgs: id,
				},
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the posts module params",
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              postsv1.Msg_ServiceDesc.ServiceName,
			EnhanceCustomCommand: true, // adds these to GetTxCmd's reply
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreatePost",
					Use:       "create [text]",
					Short:     "Publish a post; --reply-to makes it a reply, --quote-of a quote",
					Long: "Publish a post. Hashtags (#tag) and mentions (@handle) are parsed from the text; " +
						"a mention of a handle nobody holds stays plain text. Attachments are JSON objects, one per --attachments flag.",
					Example: fmt.Sprintf(`$ %s tx posts create "hello #socialchain" --from alice
$ %s tx posts create "" --body-cid bafy... --from alice
$ %s tx posts create "look" --attachments '{"cid":"bafy...","mime_type":"image/png","size_bytes":"2048","alt_text":"a cat"}' --from alice`,
						app, app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "text"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"body_cid":    bodyCIDFlag,
						"attachments": attachmentsFlag,
						"reply_to":    {Usage: "id of the post this one replies to (0: not a reply)"},
						"quote_of":    {Usage: "id of the post this one quotes (0: not a quote)"},
					},
				},
				{
					RpcMethod: "EditPost",
					Use:       "edit [post-id] [text]",
					Short:     "Replace the text, body CID and attachments of your post",
					Long: "Replace the content of your post: text, --body-cid and --attachments together " +
						"(flags left out clear those fields). The replaced content stays readable with `query posts history`.",
					Example:        fmt.Sprintf(`$ %s tx posts edit 1 "hello again #socialchain" --from alice`, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "post_id"}, {ProtoField: "text"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"body_cid":    bodyCIDFlag,
						"attachments": attachmentsFlag,
					},
				},
				{
					RpcMethod:      "DeletePost",
					Use:            "delete [post-id]",
					Short:          "Delete your post, leaving a tombstone in its thread",
					Example:        fmt.Sprintf("$ %s tx posts delete 1 --from alice", app),
					PositionalArgs: postID,
				},
				{
					RpcMethod:      "Repost",
					Use:            "repost [post-id]",
					Short:          "Repost a post",
					Example:        fmt.Sprintf("$ %s tx posts repost 1 --from bob", app),
					PositionalArgs: postID,
				},
				{
					RpcMethod:      "UndoRepost",
					Use:            "undo-repost [post-id]",
					Short:          "Remove your repost of a post",
					Example:        fmt.Sprintf("$ %s tx posts undo-repost 1 --from bob", app),
					PositionalArgs: postID,
				},
				{
					RpcMethod:      "React",
					Use:            "react [post-id] [kind]",
					Short:          `React to a post with "like" or an allowed emoji`,
					Example:        fmt.Sprintf("$ %s tx posts react 1 like --from bob\n$ %s tx posts react 1 🔥 --from bob", app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "post_id"}, {ProtoField: "kind"}},
				},
				{
					RpcMethod:      "Unreact",
					Use:            "unreact [post-id] [kind]",
					Short:          "Remove your reaction of one kind from a post",
					Example:        fmt.Sprintf("$ %s tx posts unreact 1 like --from bob", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "post_id"}, {ProtoField: "kind"}},
				},
				{
					RpcMethod: "UpdateParams",
					Skip:      true, // governance only: submit MsgUpdateParams in a proposal
				},
			},
		},
	}
}

// Help of the content flags of create and edit (and reply, in client/cli).
var (
	bodyCIDFlag     = &autocliv1.FlagOptions{Usage: "IPFS CID of a long-form body (upload it with `content add`)"}
	attachmentsFlag = &autocliv1.FlagOptions{Usage: `an attachment as JSON: {"cid":..,"mime_type":..,"size_bytes":..,"alt_text":..}; repeat for more`}
)
