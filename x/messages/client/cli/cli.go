// Package cli is `socialchaind messages`: sign lane messages with an app key
// from the keyring, submit them to a node, and follow their status.
package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/socialchain/socialchain/internal/cliwait"
	"github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
)

// Flags of the message commands.
const (
	FlagAppKey      = "app-key"
	FlagAuthor      = "author"
	FlagWait        = cliwait.FlagWait
	FlagWaitTimeout = cliwait.FlagWaitTimeout
	FlagReplyTo     = "reply-to"
	FlagQuoteOf     = "quote-of"
	FlagBodyCID     = "body-cid"
	FlagAttachments = "attachments"
)

// NewMessagesCmd returns the `messages` command and its subcommands.
func NewMessagesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "messages",
		Short: "Sign and submit message-lane messages with an app key, and follow their status",
		Long: `Lane messages are signed by an ed25519 app key the author added to its profile
(tx profiles add-app-key), submitted to the node, and included in a block without gas.
Each command prints the message hash; --wait waits for the block and prints the outcome.`,
		RunE: client.ValidateCmd,
	}
	app := version.AppName
	cmd.AddCommand(
		newPostCmd(),
		newActionCmd("edit [post-id] [text]", "Replace the text of one of your posts", 2,
			fmt.Sprintf(`$ %s messages edit 7 "fixed typo" --app-key alice-app --author alice`, app),
			func(args []string) (types.Kind, error) {
				id, err := parsePostID(args[0])
				return &types.MessageBody_EditPost{EditPost: &types.EditPost{PostID: id, Text: args[1]}}, err
			}),
		newActionCmd("delete [post-id]", "Delete one of your posts", 1, fmt.Sprintf("$ %s messages delete 7 --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				id, err := parsePostID(args[0])
				return &types.MessageBody_DeletePost{DeletePost: &types.DeletePost{PostID: id}}, err
			}),
		newActionCmd("react [post-id] [kind]", `React to a post ("like" or one of the posts params' reaction emojis; default like)`, -2,
			fmt.Sprintf("$ %s messages react 7 --app-key alice-app --author alice\n$ %s messages react 7 🔥 --app-key alice-app --author alice", app, app),
			func(args []string) (types.Kind, error) {
				id, err := parsePostID(args[0])
				return &types.MessageBody_React{React: &types.React{PostID: id, Kind: reactionKind(args)}}, err
			}),
		newActionCmd("unreact [post-id] [kind]", "Remove your reaction of a kind (default like)", -2, fmt.Sprintf("$ %s messages unreact 7 --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				id, err := parsePostID(args[0])
				return &types.MessageBody_Unreact{Unreact: &types.Unreact{PostID: id, Kind: reactionKind(args)}}, err
			}),
		newActionCmd("repost [post-id]", "Repost a post", 1, fmt.Sprintf("$ %s messages repost 7 --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				id, err := parsePostID(args[0])
				return &types.MessageBody_Repost{Repost: &types.Repost{PostID: id}}, err
			}),
		newActionCmd("undo-repost [post-id]", "Remove your repost of a post", 1, fmt.Sprintf("$ %s messages undo-repost 7 --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				id, err := parsePostID(args[0])
				return &types.MessageBody_UndoRepost{UndoRepost: &types.UndoRepost{PostID: id}}, err
			}),
		newActionCmd("follow [address]", "Follow a profile", 1, fmt.Sprintf("$ %s messages follow social1... --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				return &types.MessageBody_Follow{Follow: &types.Follow{Followee: args[0]}}, nil
			}),
		newActionCmd("unfollow [address]", "Stop following a profile", 1, fmt.Sprintf("$ %s messages unfollow social1... --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				return &types.MessageBody_Unfollow{Unfollow: &types.Unfollow{Followee: args[0]}}, nil
			}),
		newActionCmd("block [address]", "Block an account", 1, fmt.Sprintf("$ %s messages block social1... --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				return &types.MessageBody_Block{Block: &types.Block{Blocked: args[0]}}, nil
			}),
		newActionCmd("unblock [address]", "Lift a block", 1, fmt.Sprintf("$ %s messages unblock social1... --app-key alice-app --author alice", app),
			func(args []string) (types.Kind, error) {
				return &types.MessageBody_Unblock{Unblock: &types.Unblock{Blocked: args[0]}}, nil
			}),
		newStatusCmd(),
	)
	return cmd
}

func parsePostID(s string) (uint64, error) {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("post-id %q: want a post id (a positive integer)", s)
	}
	return id, nil
}

func reactionKind(args []string) string {
	if len(args) > 1 && args[1] != "" {
		return args[1]
	}
	return poststypes.ReactionLike
}

func newPostCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "post [text]",
		Short: "Publish a post (or a reply with --reply-to, a quote with --quote-of)",
		Example: fmt.Sprintf(`$ %s messages post "hello #socialchain" --app-key alice-app --author alice --wait
$ %s messages post "agreed" --reply-to 7 --app-key alice-app --author alice`, app, app),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			f := cmd.Flags()
			replyTo, _ := f.GetUint64(FlagReplyTo)
			quoteOf, _ := f.GetUint64(FlagQuoteOf)
			bodyCID, _ := f.GetString(FlagBodyCID)
			rawAttachments, _ := f.GetStringArray(FlagAttachments)
			attachments := make([]poststypes.Attachment, len(rawAttachments))
			for i, js := range rawAttachments {
				if err := clientCtx.Codec.UnmarshalJSON([]byte(js), &attachments[i]); err != nil {
					return fmt.Errorf("--%s %q: %w", FlagAttachments, js, err)
				}
			}
			kind := &types.MessageBody_CreatePost{CreatePost: &types.CreatePost{
				Text: args[0], BodyCID: bodyCID, Attachments: attachments, ReplyTo: replyTo, QuoteOf: quoteOf,
			}}
			return signAndSubmit(cmd, clientCtx, kind)
		},
	}
	cmd.Flags().Uint64(FlagReplyTo, 0, "id of the post this replies to")
	cmd.Flags().Uint64(FlagQuoteOf, 0, "id of a post to quote")
	cmd.Flags().String(FlagBodyCID, "", "IPFS CID of a long-form body (upload it with `content add`)")
	cmd.Flags().StringArray(FlagAttachments, nil, `an attachment as JSON: {"cid":..,"mime_type":..,"size_bytes":..,"alt_text":..}; repeat for more`)
	addSignFlags(cmd)
	return cmd
}

// newActionCmd builds a message command whose kind comes from its args.
// nargs < 0 means between 1 and -nargs args.
func newActionCmd(use, short string, nargs int, example string, kind func(args []string) (types.Kind, error)) *cobra.Command {
	argsCheck := cobra.ExactArgs(nargs)
	if nargs < 0 {
		argsCheck = cobra.RangeArgs(1, -nargs)
	}
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Example: example,
		Args:    argsCheck,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			k, err := kind(args)
			if err != nil {
				return err
			}
			return signAndSubmit(cmd, clientCtx, k)
		},
	}
	addSignFlags(cmd)
	return cmd
}

func addSignFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String(FlagAppKey, "", "name of the ed25519 app key in the keyring that signs (created with `keys add NAME --algo ed25519`, added with `tx profiles add-app-key`)")
	f.String(FlagAuthor, "", "the profile the message acts for: its address or its key name in the keyring")
	cliwait.AddFlags(cmd, false, "wait until the message is in a block (at most --wait-timeout) and print the outcome (the new post id for a post)", cliwait.DefaultTimeout)
	f.String(flags.FlagKeyringBackend, flags.DefaultKeyringBackend, "keyring backend: os, file, kwallet, pass, test, memory")
	f.String(flags.FlagKeyringDir, "", "the keyring's directory, if not the home directory")
	// AddQueryFlagsToCmd marks --chain-id required if it exists, so it
	// comes first: the chain id may come from client.toml.
	flags.AddQueryFlagsToCmd(cmd)
	f.String(flags.FlagChainID, "", "the chain id the message is for (default: client.toml)")
	_ = cmd.MarkFlagRequired(FlagAppKey)
	_ = cmd.MarkFlagRequired(FlagAuthor)
}

// resolveAuthor reads --author as an address or a key name.
func resolveAuthor(clientCtx client.Context, s string) (string, error) {
	if _, err := sdk.AccAddressFromBech32(s); err == nil {
		return s, nil
	}
	if clientCtx.Keyring == nil {
		return "", fmt.Errorf("--%s %q is not an address, and there is no keyring to look it up in", FlagAuthor, s)
	}
	rec, err := clientCtx.Keyring.Key(s)
	if err != nil {
		return "", fmt.Errorf("--%s %q is neither an address nor a key in the keyring", FlagAuthor, s)
	}
	addr, err := rec.GetAddress()
	if err != nil {
		return "", err
	}
	return addr.String(), nil
}

func signAndSubmit(cmd *cobra.Command, clientCtx client.Context, kind types.Kind) error {
	f := cmd.Flags()
	keyName, _ := f.GetString(FlagAppKey)
	authorFlag, _ := f.GetString(FlagAuthor)
	author, err := resolveAuthor(clientCtx, authorFlag)
	if err != nil {
		return err
	}
	if clientCtx.ChainID == "" {
		return fmt.Errorf("no chain id: pass --%s or set chain-id in client.toml", flags.FlagChainID)
	}
	if clientCtx.Keyring == nil {
		return errors.New("no keyring: pass --keyring-backend")
	}
	rec, err := clientCtx.Keyring.Key(keyName)
	if err != nil {
		return fmt.Errorf("--%s %q: %w", FlagAppKey, keyName, err)
	}
	pub, err := rec.GetPubKey()
	if err != nil {
		return err
	}
	if len(pub.Bytes()) != types.PubKeySize || !strings.Contains(strings.ToLower(pub.Type()), "ed25519") {
		return fmt.Errorf("--%s %q is a %s key; app keys are ed25519 (keys add NAME --algo ed25519)", FlagAppKey, keyName, pub.Type())
	}
	body := types.MessageBody{
		ChainID: clientCtx.ChainID, Author: author, AppKey: pub.Bytes(),
		// Client wall clock: the chain checks it against block time.
		TimestampMs: time.Now().UnixMilli(),
		Kind:        kind,
	}
	bz, err := body.Marshal()
	if err != nil {
		return err
	}
	sig, _, err := clientCtx.Keyring.Sign(keyName, types.SigningBytes(bz), signingtypes.SignMode_SIGN_MODE_DIRECT)
	if err != nil {
		return fmt.Errorf("signing with %q: %w", keyName, err)
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	res, err := types.NewLaneClient(clientCtx).Submit(ctx, &types.SubmitRequest{Message: types.SignedMessage{Body: bz, Signature: sig}})
	if err != nil {
		return fmt.Errorf("the node refused the message: %w", err)
	}
	// The hash first, also with --wait: it is what `messages status` takes.
	if err := clientCtx.PrintProto(res); err != nil {
		return err
	}
	if wait, _ := f.GetBool(FlagWait); !wait {
		return nil
	}
	timeout, _ := f.GetDuration(FlagWaitTimeout)
	status, err := waitForBlock(ctx, clientCtx, res.Hash, timeout)
	if err != nil {
		return err
	}
	if err := clientCtx.PrintProto(status); err != nil {
		return err
	}
	if status.Status == types.StatusFailed {
		return fmt.Errorf("message %s failed in block %d: %s", res.Hash, status.Receipt.Height, status.Receipt.Error)
	}
	return nil
}

// waitForBlock polls the message's status until a block carried it.
func waitForBlock(ctx context.Context, clientCtx client.Context, hash string, timeout time.Duration) (*types.QueryMessageResponse, error) {
	q := types.NewQueryClient(clientCtx)
	var res *types.QueryMessageResponse
	err := cliwait.Poll(ctx, timeout, func() (bool, error) {
		var err error
		res, err = q.Message(ctx, &types.QueryMessageRequest{Hash: hash})
		return err == nil && res.Status != types.StatusPending && res.Status != types.StatusUnknown, nil
	})
	if errors.Is(err, cliwait.ErrTimeout) {
		return nil, fmt.Errorf("message %s is not in a block after %s (last status %s); check later with `messages status %s`", hash, timeout, statusOf(res), hash)
	}
	return res, err
}

func statusOf(res *types.QueryMessageResponse) string {
	if res == nil {
		return "unknown"
	}
	return res.Status.String()
}

func newStatusCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "status [hash]",
		Short:   "Show a message's status: pending, included (height, post id), failed (reason) or settled (L1 checkpoint)",
		Example: fmt.Sprintf("$ %s messages status 4d6db3ca1a77794b73f1bc770b03f7e303e78dbd67cf7385cdbfdafebf08d91a", version.AppName),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			if _, err := types.ParseHash(args[0]); err != nil {
				return err
			}
			res, err := types.NewQueryClient(clientCtx).Message(cmd.Context(), &types.QueryMessageRequest{Hash: args[0]})
			if err != nil {
				return err
			}
			return clientCtx.PrintProto(res)
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}
