package cliwait

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cobra"
	"sigs.k8s.io/yaml"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// CreatedIDNamer is implemented by Msg responses whose `id` field is the id
// of a new object, to print it under the object's name ("post_id").
type CreatedIDNamer interface {
	CreatedIDName() string
}

// txWaitHelp is --wait's help on tx commands.
const txWaitHelp = "wait until the tx is in a block (at most --wait-timeout) and print the outcome: " +
	"the ids it created (e.g. post_id), or its error with codespace, code and log and a non-zero exit; " +
	"--wait=false prints the broadcast response at once. While waiting it offers the tx again every 3 s " +
	"(a node that crashed has lost its mempool), until the chain passes the tx's timeout height: " +
	"--timeout-height, else, without --timeout-duration, the node's height plus 30 blocks"

// WaitForTxOutcome makes every tx command under each of roots wait for its
// block by default and print the outcome (see txWaitHelp). A command is a
// tx command if it has the SDK's tx flags (--from).
func WaitForTxOutcome(roots ...*cobra.Command) {
	for _, root := range roots {
		for _, sub := range root.Commands() {
			WaitForTxOutcome(sub)
		}
		if root.RunE != nil && root.Flags().Lookup(flags.FlagFrom) != nil && root.Flags().Lookup(FlagWait) == nil {
			wrapTxCommand(root)
		}
	}
}

// wrapTxCommand runs the command as written (autocli's or ours, both of
// which broadcast and print the broadcast response), but takes the
// response it prints instead of printing it, then waits for the block.
// Taking it from the output is the one hook both kinds of command offer:
// autocli builds and broadcasts the message inside its own RunE.
func wrapTxCommand(cmd *cobra.Command) {
	AddFlags(cmd, true, txWaitHelp, DefaultTimeout)
	inner := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if !waits(cmd) {
			return inner(cmd, args)
		}
		timeoutHeight := boundByTimeoutHeight(cmd)
		clientCtx := client.GetClientContextFromCmd(cmd)
		out := cmd.OutOrStdout()
		rec := &broadcastRecorder{out: out, cdc: clientCtx.Codec}
		cmd.SetOut(rec)
		// Our hand-written commands print through the context's Output.
		clientCtx = clientCtx.WithOutput(rec)
		var txs *txRecorder
		if clientCtx.TxConfig != nil {
			txs = &txRecorder{TxConfig: clientCtx.TxConfig}
			clientCtx = clientCtx.WithTxConfig(txs)
		}
		if err := client.SetCmdClientContext(cmd, clientCtx); err != nil {
			return err
		}
		err := inner(cmd, args)
		cmd.SetOut(out)
		if err != nil {
			return err
		}
		if rec.res == nil {
			return nil // not broadcast: the user declined at the confirmation prompt
		}
		queryCtx, err := client.GetClientQueryContext(cmd)
		if err != nil {
			return err
		}
		queryCtx = queryCtx.WithOutput(out)
		timeout, _ := cmd.Flags().GetDuration(FlagWaitTimeout)
		again := resend{timeoutHeight: timeoutHeight, interval: rebroadcastInterval}
		if txs != nil {
			again.tx = txs.signed(rec.res.TxHash)
		}
		return waitAndPrint(cmd, queryCtx, rec.res, timeout, again)
	}
}

// waits reports whether the command will broadcast and should wait.
func waits(cmd *cobra.Command) bool {
	f := cmd.Flags()
	if wait, _ := f.GetBool(FlagWait); !wait {
		return false
	}
	for _, name := range []string{flags.FlagGenerateOnly, flags.FlagDryRun, flags.FlagOffline, flags.FlagAux} {
		if on, _ := f.GetBool(name); on {
			return false
		}
	}
	return true
}

// waitAndPrint prints how the broadcast tx ended: refused at broadcast
// (no wait), expired, failed in a block, or committed with the ids it
// created; while it waits it offers the tx again as again says. Every way
// but the last returns an error, for a non-zero exit.
func waitAndPrint(cmd *cobra.Command, clientCtx client.Context, broadcast *sdk.TxResponse, timeout time.Duration, again resend) error {
	if broadcast.Code != 0 {
		if err := printOutcome(clientCtx, broadcast, nil); err != nil {
			return err
		}
		return fmt.Errorf("tx %s refused at broadcast (codespace %s, code %d)", broadcast.TxHash, broadcast.Codespace, broadcast.Code)
	}
	committed, lastErr, err := waitForBlock(cmd.Context(), rpcTxNode{clientCtx: clientCtx, hash: broadcast.TxHash}, again, timeout)
	if errors.Is(err, ErrExpired) {
		return fmt.Errorf("tx %s %w; send it again", broadcast.TxHash, err)
	}
	if errors.Is(err, ErrTimeout) {
		return fmt.Errorf("tx %s is not in a block after %s (last answer: %v); look it up later with `query tx %s`",
			broadcast.TxHash, timeout, lastErr, broadcast.TxHash)
	}
	if err != nil {
		return err
	}
	fields, err := responseFields(clientCtx, committed)
	if err != nil {
		return err
	}
	if err := printOutcome(clientCtx, committed, fields); err != nil {
		return err
	}
	if committed.Code != 0 {
		return fmt.Errorf("tx %s failed in block %d (codespace %s, code %d)", committed.TxHash, committed.Height, committed.Codespace, committed.Code)
	}
	return nil
}

// field is one key of the printed outcome with its JSON value.
type field struct {
	key   string
	value json.RawMessage
}

// responseFields decodes the tx's Msg responses with the codec and returns
// their fields, sorted by key within each response; an `id` field takes
// the name its response gives it (CreatedIDNamer).
func responseFields(clientCtx client.Context, res *sdk.TxResponse) ([]field, error) {
	if res.Code != 0 || res.Data == "" {
		return nil, nil
	}
	raw, err := hex.DecodeString(res.Data)
	if err != nil {
		return nil, fmt.Errorf("tx %s: data is not hex: %w", res.TxHash, err)
	}
	var data sdk.TxMsgData
	if err := proto.Unmarshal(raw, &data); err != nil {
		return nil, fmt.Errorf("tx %s: decoding its Msg responses: %w", res.TxHash, err)
	}
	var fields []field
	seen := map[string]bool{}
	for _, anyResp := range data.MsgResponses {
		msg, err := clientCtx.InterfaceRegistry.Resolve(anyResp.TypeUrl)
		if err != nil {
			return nil, fmt.Errorf("tx %s: Msg response %s: %w", res.TxHash, anyResp.TypeUrl, err)
		}
		if err := proto.Unmarshal(anyResp.Value, msg); err != nil {
			return nil, fmt.Errorf("tx %s: Msg response %s: %w", res.TxHash, anyResp.TypeUrl, err)
		}
		js, err := clientCtx.Codec.MarshalJSON(msg)
		if err != nil {
			return nil, err
		}
		var values map[string]json.RawMessage
		if err := json.Unmarshal(js, &values); err != nil {
			return nil, err
		}
		keys := make([]string, 0, len(values))
		for k := range values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := k
			if namer, ok := msg.(CreatedIDNamer); ok && k == "id" {
				name = namer.CreatedIDName()
			}
			if !seen[name] { // one Msg per CLI tx; a repeated key keeps the first value
				seen[name] = true
				fields = append(fields, field{name, values[k]})
			}
		}
	}
	return fields, nil
}

// printOutcome prints the tx's hash, height and code (with codespace and
// log when it failed) and then fields: one JSON object with --output
// json, else one `key: value` line each, strings unquoted.
func printOutcome(clientCtx client.Context, res *sdk.TxResponse, extra []field) error {
	str := func(s string) json.RawMessage { b, _ := json.Marshal(s); return b }
	num := func(n int64) json.RawMessage { return json.RawMessage(fmt.Sprint(n)) }
	fields := []field{{"txhash", str(res.TxHash)}, {"height", num(res.Height)}, {"code", num(int64(res.Code))}}
	if res.Code != 0 {
		fields = append(fields, field{"codespace", str(res.Codespace)}, field{"raw_log", str(res.RawLog)})
	}
	fields = append(fields, extra...)

	var buf bytes.Buffer
	if clientCtx.OutputFormat == flags.OutputFormatJSON {
		buf.WriteByte('{')
		for i, f := range fields {
			if i > 0 {
				buf.WriteByte(',')
			}
			fmt.Fprintf(&buf, "%s:%s", str(f.key), f.value)
		}
		buf.WriteString("}\n")
	} else {
		for _, f := range fields {
			var s string
			if json.Unmarshal(f.value, &s) != nil {
				s = string(f.value)
			}
			fmt.Fprintf(&buf, "%s: %s\n", f.key, s)
		}
	}
	w := clientCtx.Output
	if w == nil {
		w = os.Stdout
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// broadcastRecorder passes a command's output through, except the
// broadcast response (sdk.TxResponse in JSON or YAML, one Write, plus the
// newline the SDK writes after JSON), which it keeps. A strict decode
// tells it apart from the tx the confirmation prompt shows, whose fields
// a TxResponse does not have.
type broadcastRecorder struct {
	out io.Writer
	cdc codec.JSONCodec
	res *sdk.TxResponse
}

func (r *broadcastRecorder) Write(p []byte) (int, error) {
	if r.res != nil && string(p) == "\n" {
		return len(p), nil
	}
	if res := r.decode(p); res != nil {
		r.res = res
		return len(p), nil
	}
	return r.out.Write(p)
}

func (r *broadcastRecorder) decode(p []byte) *sdk.TxResponse {
	js := bytes.TrimSpace(p)
	if !strings.HasPrefix(string(js), "{") {
		var err error
		if js, err = yaml.YAMLToJSON(p); err != nil {
			return nil
		}
	}
	var res sdk.TxResponse
	if err := r.cdc.UnmarshalJSON(js, &res); err != nil || res.TxHash == "" {
		return nil
	}
	return &res
}
