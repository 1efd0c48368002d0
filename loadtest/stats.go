package loadtest

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is the outcome of a run; its JSON is what `--json` prints.
//
// Unit says what the counts count: "tx" for the transaction mixes,
// "message" for the lane mix, whose *_tps fields are then messages per
// second, txs_per_block_* messages per block, and mempool_rejections the
// messages the node's lane refused at submit.
type Report struct {
	Mix        string  `json:"mix"`
	Unit       string  `json:"unit"`
	Transport  string  `json:"transport"`
	Accounts   int     `json:"accounts"`
	Senders    int     `json:"senders"`
	TargetRate float64 `json:"target_rate"` // units/s; 0 = as fast as accepted
	GasPerTx   uint64  `json:"gas_per_tx"`  // 0 for the lane: messages pay no gas
	// ResultsFrom is where block results were read: "grpc" or "cometbft-rpc".
	ResultsFrom string `json:"results_from"`

	// SendSeconds is how long the senders ran (--duration, or less on Ctrl-C).
	SendSeconds float64 `json:"send_seconds"`
	// Offered counts broadcasts, retries of mempool-full txs included;
	// Accepted those CheckTx let into the mempool.
	Offered    int     `json:"offered"`
	OfferedTPS float64 `json:"offered_tps"`
	Accepted   int     `json:"accepted"`
	// Committed counts accepted txs found in a block with code 0; Failed
	// those found with another code; Uncommitted those never seen in a
	// block before the drain ended.
	Committed    int     `json:"committed"`
	CommittedTPS float64 `json:"committed_tps"`
	Failed       int     `json:"failed"`
	Uncommitted  int     `json:"uncommitted"`
	// Rebroadcasts counts offers, with --rebroadcast, of txs a node had
	// already answered for (they are not in Offered).
	Rebroadcasts int `json:"rebroadcasts"`

	// Submit-to-commit latency of committed txs, in milliseconds.
	LatencyP50 float64 `json:"latency_p50_ms"`
	LatencyP95 float64 `json:"latency_p95_ms"`
	LatencyP99 float64 `json:"latency_p99_ms"`
	LatencyMax float64 `json:"latency_max_ms"`

	// Blocks from the first block after the start to the last one read.
	StartHeight       int64   `json:"start_height"`
	EndHeight         int64   `json:"end_height"`
	Blocks            int     `json:"blocks"`
	BlockIntervalMean float64 `json:"block_interval_mean_ms"`
	BlockIntervalP50  float64 `json:"block_interval_p50_ms"`
	TxsPerBlockMean   float64 `json:"txs_per_block_mean"`
	TxsPerBlockMax    int     `json:"txs_per_block_max"`

	// MempoolRejections counts CheckTx refusals of every kind (a refused
	// tx retried later counts each time); Errors counts every problem by
	// kind: CheckTx refusals, transport errors and failed txs in blocks.
	MempoolRejections int            `json:"mempool_rejections"`
	Errors            map[string]int `json:"errors"`
}

// Percentile returns the p-th percentile (0-100) of sorted by the
// nearest-rank method; 0 for no samples.
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = max(rank, 1)
	rank = min(rank, len(sorted))
	return sorted[rank-1]
}

// latencyStats fills the latency fields from per-tx latencies.
func (r *Report) latencyStats(latencies []time.Duration) {
	ms := make([]float64, len(latencies))
	for i, d := range latencies {
		ms[i] = float64(d) / float64(time.Millisecond)
	}
	sort.Float64s(ms)
	r.LatencyP50 = Percentile(ms, 50)
	r.LatencyP95 = Percentile(ms, 95)
	r.LatencyP99 = Percentile(ms, 99)
	r.LatencyMax = Percentile(ms, 100)
}

// BlockSample is what a run keeps of a block: its height, header time and
// how many txs (lane mix: applied messages) it held, ours or not.
type BlockSample struct {
	Height int64
	Time   time.Time
	Txs    int
}

// blockStats fills the block fields from the blocks of the run, in height
// order.
func (r *Report) blockStats(blocks []BlockSample) {
	r.Blocks = len(blocks)
	if len(blocks) == 0 {
		return
	}
	r.StartHeight, r.EndHeight = blocks[0].Height, blocks[len(blocks)-1].Height
	total := 0
	for _, b := range blocks {
		total += b.Txs
		r.TxsPerBlockMax = max(r.TxsPerBlockMax, b.Txs)
	}
	r.TxsPerBlockMean = float64(total) / float64(len(blocks))
	var intervals []float64
	for i := 1; i < len(blocks); i++ {
		intervals = append(intervals, float64(blocks[i].Time.Sub(blocks[i-1].Time))/float64(time.Millisecond))
	}
	if len(intervals) == 0 {
		return
	}
	sum := 0.0
	for _, v := range intervals {
		sum += v
	}
	r.BlockIntervalMean = sum / float64(len(intervals))
	sort.Float64s(intervals)
	r.BlockIntervalP50 = Percentile(intervals, 50)
}

// rate is n per second over d; 0 when d is not positive.
func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// WriteTable prints r for people.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	// The lane mix counts messages; the others txs.
	unit, units, perSec, gas, rejections := "tx", "txs", "tx/s", fmt.Sprintf("gas %d/tx", r.GasPerTx), "mempool rejections"
	if r.Unit == "message" {
		unit, units, perSec, gas, rejections = "message", "messages", "msg/s", "no gas", "lane refusals at submit"
	}
	target := "as fast as accepted"
	if r.TargetRate > 0 {
		target = fmt.Sprintf("%.0f %s", r.TargetRate, perSec)
	}
	rows := [][2]string{
		{"mix", fmt.Sprintf("%s (%d accounts, %d senders, %s, %s; results over %s)", r.Mix, r.Accounts, r.Senders, r.Transport, gas, r.ResultsFrom)},
		{"target rate", target},
		{"sent for", fmt.Sprintf("%.1f s", r.SendSeconds)},
		{"offered", fmt.Sprintf("%d %s, %.1f %s (accepted %d)", r.Offered, units, r.OfferedTPS, perSec, r.Accepted)},
		{"committed", fmt.Sprintf("%d %s, %.1f %s (failed %d, uncommitted %d)", r.Committed, units, r.CommittedTPS, perSec, r.Failed, r.Uncommitted)},
		{"latency p50/p95/p99/max", fmt.Sprintf("%.0f / %.0f / %.0f / %.0f ms", r.LatencyP50, r.LatencyP95, r.LatencyP99, r.LatencyMax)},
		{"blocks", fmt.Sprintf("%d (heights %d-%d)", r.Blocks, r.StartHeight, r.EndHeight)},
		{"block interval mean/p50", fmt.Sprintf("%.0f / %.0f ms", r.BlockIntervalMean, r.BlockIntervalP50)},
		{unit + "s per block mean/max", fmt.Sprintf("%.1f / %d", r.TxsPerBlockMean, r.TxsPerBlockMax)},
		{rejections, fmt.Sprintf("%d", r.MempoolRejections)},
	}
	if r.Rebroadcasts > 0 {
		rows = append(rows, [2]string{"rebroadcasts", fmt.Sprintf("%d offers of %s a node had answered for", r.Rebroadcasts, units)})
	}
	for _, row := range rows {
		fmt.Fprintf(tw, "%s\t%s\n", row[0], row[1])
	}
	kinds := make([]string, 0, len(r.Errors))
	for k := range r.Errors {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	if len(kinds) == 0 {
		fmt.Fprintf(tw, "errors\tnone\n")
	}
	for _, k := range kinds {
		fmt.Fprintf(tw, "error\t%s: %d\n", k, r.Errors[k])
	}
	return tw.Flush()
}

// Error kinds the run tells apart; other refusals and failures are named
// after their codespace, code and registered message.
const (
	ErrKindMempoolFull = "mempool_full"
	// ErrKindPoolFull is the lane's backpressure: the node's message pool
	// is full (messages code 15); the message is offered again.
	ErrKindPoolFull         = "pool_full"
	ErrKindSequenceMismatch = "sequence_mismatch"
	ErrKindTxInCache        = "tx_in_cache"
	ErrKindTransport        = "transport"
)

// classifyRefusal names why CheckTx (or the RPC in front of it) refused a
// tx: code/codespace/log come from the response, err from the transport.
func classifyRefusal(code uint32, codespace, log string, err error) string {
	msg := log
	if err != nil {
		msg = err.Error()
	}
	switch {
	case strings.Contains(msg, "mempool is full") || (codespace == "sdk" && code == 20):
		return ErrKindMempoolFull
	case strings.Contains(msg, "tx already exists in cache") || (codespace == "sdk" && code == 19):
		return ErrKindTxInCache
	case codespace == "sdk" && code == 32, strings.Contains(msg, "account sequence mismatch"):
		return ErrKindSequenceMismatch
	case err != nil:
		return ErrKindTransport
	}
	return codeKind("checktx", codespace, code, log)
}

// codeKind names a failure by where it happened and its code, with the
// start of its log so people can read it.
func codeKind(stage, codespace string, code uint32, log string) string {
	return fmt.Sprintf("%s %s/%d %s", stage, codespace, code, reasonOf(log))
}

// reasonOf is the stable part of an error log: the SDK logs "<detail>:
// <registered message>", and the registered message is the stable part.
func reasonOf(log string) string {
	reason := log
	if i := strings.LastIndex(reason, ": "); i >= 0 {
		reason = reason[i+2:]
	}
	if len(reason) > 60 {
		reason = reason[:60]
	}
	return reason
}
