package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"

	"github.com/socialchain/socialchain/p2p"
)

// flagAPI names the REST server that serves the content API. It is not
// --node, which in every tx and query command is CometBFT RPC, nor --api,
// which the server's config handling would fill from app.toml's [api].
const flagAPI = "api-url"

// contentAPIFlag adds --api-url, the REST server that serves the content API.
func contentAPIFlag(cmd *cobra.Command) {
	cmd.Flags().String(flagAPI, "http://127.0.0.1:1317", "REST server (http://host:port) of a node running the content API")
}

// ContentCmd groups the commands that move bytes through a node's IPFS peer.
func ContentCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "content", Short: "Add and fetch content through a node's IPFS peer", RunE: client.ValidateCmd}
	defer silenceUsage(cmd)
	add := &cobra.Command{
		Use:     "add FILE",
		Short:   "Upload a file to the node, which imports it into IPFS and announces it; prints the CID",
		Example: "socialchaind content add photo.jpg",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, _ := cmd.Flags().GetString(flagAPI)
			res, err := uploadFile(cmd.Context(), api, args[0], cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			cmd.Println(res.CID)
			return nil
		},
	}
	contentAPIFlag(add)
	get := &cobra.Command{
		Use:     "get CID",
		Short:   "Fetch content by CID from the node's gateway",
		Example: "socialchaind content get bafy... -o photo.jpg",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, _ := cmd.Flags().GetString(flagAPI)
			out, _ := cmd.Flags().GetString("output-file")
			return downloadCID(cmd.Context(), api, args[0], out, cmd.OutOrStdout())
		},
	}
	contentAPIFlag(get)
	get.Flags().StringP("output-file", "o", "", "write to this file instead of stdout")
	cmd.AddCommand(add, get)
	return cmd
}

// P2PCmd shows the node's libp2p identity and peers.
func P2PCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "p2p", Short: "Show the content node's libp2p identity and peers", RunE: client.ValidateCmd}
	defer silenceUsage(cmd)
	id := &cobra.Command{
		Use:   "id",
		Short: "Print the node's peer id and multiaddrs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			info, err := nodeInfo(cmd)
			if err != nil {
				return err
			}
			cmd.Println(info.PeerID)
			for _, a := range info.Addrs {
				cmd.Println(a)
			}
			return nil
		},
	}
	peers := &cobra.Command{
		Use:   "peers",
		Short: "List the node's connected peers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			info, err := nodeInfo(cmd)
			if err != nil {
				return err
			}
			for _, p := range info.Peers {
				cmd.Printf("%s %s\n", p.ID, strings.Join(p.Addrs, " "))
			}
			return nil
		},
	}
	contentAPIFlag(id)
	contentAPIFlag(peers)
	cmd.AddCommand(id, peers)
	return cmd
}

// silenceUsage keeps a failed request from printing the usage text.
func silenceUsage(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		c.SilenceUsage = true
	}
}

// nodeInfo asks the node named by --api-url for its identity and peers.
func nodeInfo(cmd *cobra.Command) (p2p.NodeInfo, error) {
	api, _ := cmd.Flags().GetString(flagAPI)
	var info p2p.NodeInfo
	req, err := http.NewRequestWithContext(cmd.Context(), http.MethodGet, strings.TrimRight(api, "/")+p2p.NodePath, nil)
	if err != nil {
		return info, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return info, err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil {
		return info, err
	}
	return info, json.NewDecoder(resp.Body).Decode(&info)
}

// uploadFile streams path to the node's blob endpoint, reporting progress
// on progress for files over a megabyte.
func uploadFile(ctx context.Context, api, path string, progress io.Writer) (p2p.UploadResponse, error) {
	var res p2p.UploadResponse
	f, err := os.Open(path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return res, err
	}
	var body io.Reader = f
	if st.Size() > 1<<20 {
		body = &progressReader{r: f, total: st.Size(), out: progress, name: filepath.Base(path)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(api, "/")+p2p.BlobsPath, body)
	if err != nil {
		return res, err
	}
	req.ContentLength = st.Size()
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return res, err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil {
		return res, fmt.Errorf("uploading %s: %w", path, err)
	}
	return res, json.NewDecoder(resp.Body).Decode(&res)
}

// downloadCID writes the content of CID c, fetched through the node's
// gateway, to outPath, or to stdout when outPath is empty.
func downloadCID(ctx context.Context, api, c, outPath string, stdout io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(api, "/")+p2p.IPFSPrefix+c, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil {
		return fmt.Errorf("fetching %s: %w", c, err)
	}
	out := stdout
	if outPath != "" {
		f, err := os.Create(outPath)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	}
	_, err = io.Copy(out, resp.Body)
	return err
}

// checkStatus turns a non-2xx response into an error carrying its body.
func checkStatus(resp *http.Response) error {
	if resp.StatusCode/100 == 2 {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return fmt.Errorf("%s: %s", resp.Status, bytes.TrimSpace(body))
}

// progressReader prints upload progress every 10%.
type progressReader struct {
	r           io.Reader
	total, done int64
	lastPct     int64
	out         io.Writer
	name        string
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.done += int64(n)
	if pct := p.done * 100 / p.total; pct >= p.lastPct+10 || (err == io.EOF && pct != p.lastPct) {
		p.lastPct = pct
		fmt.Fprintf(p.out, "%s: %d%% (%d / %d bytes)\n", p.name, pct, p.done, p.total)
	}
	return n, err
}
