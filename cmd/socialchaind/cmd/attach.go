package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/socialchain/socialchain/p2p"
)

// attachmentFor describes an uploaded file as a post attachment.
func attachmentFor(path string, res p2p.UploadResponse) (string, error) {
	mt := mime.TypeByExtension(filepath.Ext(path))
	if mt == "" {
		mt = "application/octet-stream"
	}
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = mt[:i]
	}
	bz, err := json.Marshal(map[string]any{"cid": res.CID, "mime_type": mt, "size_bytes": fmt.Sprint(res.Size)})
	return string(bz), err
}

// addAttachFlag gives `tx posts create` an --attach flag: each file is
// uploaded to the node first and added as an attachment.
func addAttachFlag(rootCmd *cobra.Command) {
	create, _, err := rootCmd.Find([]string{"tx", "posts", "create"})
	if err != nil || create == nil || create.Name() != "create" {
		return
	}
	create.Flags().StringSlice("attach", nil, "files to upload to the node's IPFS peer and attach (repeatable)")
	create.Flags().String(flagAPI, "http://127.0.0.1:1317", "REST server (http://host:port) that receives the --attach uploads (--node is CometBFT RPC)")
	inner := create.RunE
	create.RunE = func(cmd *cobra.Command, args []string) error {
		files, _ := cmd.Flags().GetStringSlice("attach")
		api, _ := cmd.Flags().GetString(flagAPI)
		for _, f := range files {
			ctx, cancel := context.WithTimeout(cmd.Context(), 10*time.Minute)
			res, err := uploadFile(ctx, api, f, cmd.ErrOrStderr())
			cancel()
			if err != nil {
				return err
			}
			att, err := attachmentFor(f, res)
			if err != nil {
				return err
			}
			if err := cmd.Flags().Set("attachments", att); err != nil {
				return fmt.Errorf("attaching %s: %w", f, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "uploaded %s as %s\n", f, res.CID)
		}
		return inner(cmd, args)
	}
}
