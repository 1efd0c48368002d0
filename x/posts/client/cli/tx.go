// Package cli holds the posts commands that autocli cannot generate.
package cli

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/socialchain/socialchain/x/posts/types"
)

// Flags of the reply command, named like the autocli flags of create.
const (
	FlagBodyCID     = "body-cid"
	FlagAttachments = "attachments"
	FlagQuoteOf     = "quote-of"
)

// NewReplyCmd returns `reply [parent-id] [text]`: MsgCreatePost with
// reply_to as a positional argument. autocli builds one command per RPC, so
// this second shape of CreatePost is written by hand; it is the same as
// `create [text] --reply-to [parent-id]`.
func NewReplyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "reply [parent-id] [text]",
		Short: "Reply to a post",
		Example: fmt.Sprintf(`$ %s tx posts reply 1 "agreed, @alice #socialchain" --from bob
$ %s tx posts reply 1 "" --attachments '{"cid":"bafy...","mime_type":"image/png","size_bytes":"2048"}' --from bob`,
			version.AppName, version.AppName),
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			parent, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || parent == 0 {
				return fmt.Errorf("parent-id %q: want a post id (a positive integer)", args[0])
			}
			bodyCID, err := cmd.Flags().GetString(FlagBodyCID)
			if err != nil {
				return err
			}
			quoteOf, err := cmd.Flags().GetUint64(FlagQuoteOf)
			if err != nil {
				return err
			}
			raw, err := cmd.Flags().GetStringArray(FlagAttachments)
			if err != nil {
				return err
			}
			attachments := make([]types.Attachment, len(raw))
			for i, js := range raw {
				if err := clientCtx.Codec.UnmarshalJSON([]byte(js), &attachments[i]); err != nil {
					return fmt.Errorf("--%s %q: %w", FlagAttachments, js, err)
				}
			}
			msg := &types.MsgCreatePost{
				Author:      clientCtx.GetFromAddress().String(),
				Text:        args[1],
				BodyCID:     bodyCID,
				Attachments: attachments,
				ReplyTo:     parent,
				QuoteOf:     quoteOf,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(FlagBodyCID, "", "IPFS CID of a long-form body")
	cmd.Flags().StringArray(FlagAttachments, nil, `an attachment as JSON: {"cid":..,"mime_type":..,"size_bytes":..,"alt_text":..}; repeat for more`)
	cmd.Flags().Uint64(FlagQuoteOf, 0, "id of a post to quote as well")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}
