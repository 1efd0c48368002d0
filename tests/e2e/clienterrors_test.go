//go:build e2e

package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/app/rest"
)

// restDo sends a request to the dev chain's REST server and returns the
// status and body.
func restDo(t *testing.T, method, path, contentType string, body io.Reader) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, devRESTURL+path, body)
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	client := http.Client{Timeout: time.Minute}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, out
}

// requireRESTError checks the gRPC-gateway error shape, exactly
// {"code": <gRPC code>, "message": "...", "details": []}.
func requireRESTError(t *testing.T, status int, body []byte, wantStatus, wantCode int, wantMessage string) {
	t.Helper()
	require.Equal(t, wantStatus, status, "%s", body)
	var e struct {
		Code    int               `json:"code"`
		Message string            `json:"message"`
		Details []json.RawMessage `json:"details"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&e), "the body is the gateway error shape: %s", body)
	require.Equal(t, wantCode, e.Code, "%s", body)
	require.Contains(t, e.Message, wantMessage)
	require.NotNil(t, e.Details, "details is present: %s", body)
}

// broadcastResult is what POST /cosmos/tx/v1beta1/txs answers for a tx
// that reached CheckTx.
type broadcastResult struct {
	TxResponse struct {
		Code      uint32 `json:"code"`
		Codespace string `json:"codespace"`
		TxHash    string `json:"txhash"`
		RawLog    string `json:"raw_log"`
	} `json:"tx_response"`
}

// broadcastREST posts signed tx bytes in sync mode.
func broadcastREST(t *testing.T, txBytes string) broadcastResult {
	t.Helper()
	status, body := restDo(t, http.MethodPost, "/cosmos/tx/v1beta1/txs", "application/json",
		strings.NewReader(`{"tx_bytes":"`+txBytes+`","mode":"BROADCAST_MODE_SYNC"}`))
	require.Equal(t, http.StatusOK, status, "%s", body)
	var res broadcastResult
	require.NoError(t, json.Unmarshal(body, &res), "%s", body)
	return res
}

// TestClientErrorsOnDevChain: bad client input gets the SDK's answers in
// the standard shapes, with messages that say what is wrong: a tx with a
// corrupted signature or signed for the wrong account number is refused at
// CheckTx with code 4 (nothing changes), unknown routes are 404 NotFound,
// malformed input is 400 InvalidArgument, and the content API speaks the
// same error shape. The node also serves its OpenAPI document.
func TestClientErrorsOnDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	alice := newFundedKey(t, home, "alice")
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		return path
	}
	unsigned := write("unsigned.json", lastJSONLine(mustCLI(t, "tx", "bank", "send", alice, alice, "1usocial",
		"--generate-only", "--from", "alice", "--chain-id", "socialchain-dev-1", "--home", home)))
	balance := cliBalance(t, home, alice)

	t.Run("corrupted signature is unauthorized", func(t *testing.T) {
		signed := lastJSONLine(mustCLI(t, "tx", "sign", unsigned, "--from", "alice", "--chain-id", "socialchain-dev-1", "--home", home))
		var tx map[string]any
		require.NoError(t, json.Unmarshal([]byte(signed), &tx), signed)
		sigs, _ := tx["signatures"].([]any)
		require.Len(t, sigs, 1, signed)
		sig, err := base64.StdEncoding.DecodeString(sigs[0].(string))
		require.NoError(t, err)
		sig[0] ^= 0xff
		tx["signatures"] = []any{base64.StdEncoding.EncodeToString(sig)}
		bad, err := json.Marshal(tx)
		require.NoError(t, err)
		txBytes := mustCLIValue(t, "tx", "encode", write("bad-sig.json", string(bad)), "--home", home)

		res := broadcastREST(t, txBytes)
		require.EqualValues(t, 4, res.TxResponse.Code, "%+v", res)
		require.Equal(t, "sdk", res.TxResponse.Codespace)
		require.NotEmpty(t, res.TxResponse.TxHash)
		require.Contains(t, res.TxResponse.RawLog, "signature verification failed")
		require.Equal(t, balance, cliBalance(t, home, alice), "nothing was charged")
	})

	t.Run("wrong account number is unauthorized naming it", func(t *testing.T) {
		var acc struct {
			Account struct {
				Value struct {
					AccountNumber string `json:"account_number"`
					Sequence      string `json:"sequence"`
				} `json:"value"`
			} `json:"account"`
		}
		out := mustCLI(t, "query", "auth", "account", alice, "--output", "json", "--home", home)
		require.NoError(t, json.Unmarshal([]byte(out), &acc), out)
		number, err := strconv.ParseUint(acc.Account.Value.AccountNumber, 10, 64)
		require.NoError(t, err, out)
		// Account numbers here are large, so flip a bit rather than add.
		wrong := strconv.FormatUint(number^1, 10)
		sequence := acc.Account.Value.Sequence
		if sequence == "" {
			sequence = "0"
		}
		signed := write("wrong-number.json", lastJSONLine(mustCLI(t, "tx", "sign", unsigned, "--from", "alice", "--offline",
			"--account-number", wrong, "--sequence", sequence, "--chain-id", "socialchain-dev-1", "--home", home)))
		txBytes := mustCLIValue(t, "tx", "encode", signed, "--home", home)

		res := broadcastREST(t, txBytes)
		require.EqualValues(t, 4, res.TxResponse.Code, "%+v", res)
		require.Contains(t, res.TxResponse.RawLog, "signature verification failed")
		require.Contains(t, res.TxResponse.RawLog, "please verify account number ("+acc.Account.Value.AccountNumber+")",
			"the message names the account's real number")
		require.Equal(t, balance, cliBalance(t, home, alice), "nothing was charged")
	})

	t.Run("undecodable tx bytes are InvalidArgument", func(t *testing.T) {
		status, body := restDo(t, http.MethodPost, "/cosmos/tx/v1beta1/txs", "application/json",
			strings.NewReader(`{"tx_bytes":"not base64!","mode":"BROADCAST_MODE_SYNC"}`))
		requireRESTError(t, status, body, http.StatusBadRequest, 3, "")
	})

	t.Run("async broadcast of bytes that are not a tx is refused with the decode error", func(t *testing.T) {
		garbage := base64.StdEncoding.EncodeToString([]byte("random bytes, not a tx"))
		status, body := restDo(t, http.MethodPost, "/cosmos/tx/v1beta1/txs", "application/json",
			strings.NewReader(`{"tx_bytes":"`+garbage+`","mode":"BROADCAST_MODE_ASYNC"}`))
		require.Equal(t, http.StatusOK, status, "%s", body)
		var res broadcastResult
		require.NoError(t, json.Unmarshal(body, &res), "%s", body)
		require.EqualValues(t, 2, res.TxResponse.Code, "%s", body)
		require.Equal(t, "sdk", res.TxResponse.Codespace)
		require.Contains(t, res.TxResponse.RawLog, "tx parse error")
	})

	t.Run("oversized body is 413 in the gateway shape", func(t *testing.T) {
		status, body := restDo(t, http.MethodPost, "/cosmos/tx/v1beta1/txs", "application/json",
			bytes.NewReader(bytes.Repeat([]byte("x"), rest.MaxBodyBytes+1)))
		requireRESTError(t, status, body, http.StatusRequestEntityTooLarge, 8,
			fmt.Sprintf("the limit for /cosmos/tx/v1beta1/txs is %d bytes", rest.MaxBodyBytes))
	})

	// Over api.rpc-max-body-bytes the REST front door refuses the body
	// before CometBFT's RPC server, under the SDK's, would answer its
	// JSON-RPC 400 (docs/api.md, "Oversized bodies").
	t.Run("a body over rpc-max-body-bytes is 413 in the gateway shape", func(t *testing.T) {
		appToml, err := os.ReadFile(filepath.Join(home, "config", "app.toml"))
		require.NoError(t, err)
		m := regexp.MustCompile(`(?m)^rpc-max-body-bytes = (\d+)$`).FindSubmatch(appToml)
		require.NotNil(t, m, "app.toml sets rpc-max-body-bytes")
		limit, err := strconv.Atoi(string(m[1]))
		require.NoError(t, err)
		for _, path := range []string{"/cosmos/tx/v1beta1/txs", "/socialchain/content/v1/blobs"} {
			status, body := restDo(t, http.MethodPost, path, "application/octet-stream",
				bytes.NewReader(bytes.Repeat([]byte("x"), limit+1)))
			requireRESTError(t, status, body, http.StatusRequestEntityTooLarge, 8,
				fmt.Sprintf("request body is %d bytes; the limit of this REST server for %s is %d bytes ([api] rpc-max-body-bytes)", limit+1, path, limit))
		}
	})

	for _, tc := range []struct {
		name, method, path string
		status, code       int
		message            string
	}{
		{"unknown route under our prefix", http.MethodGet, "/socialchain/posts/v1/nope", 404, 5, "no REST route for GET /socialchain/posts/v1/nope"},
		{"unknown route", http.MethodGet, "/nope", 404, 5, "no REST route for GET /nope; the routes are listed at /openapi.json"},
		{"wrong method on a route", http.MethodDelete, "/socialchain/posts/v1/posts/1", 404, 5, "no REST route for DELETE"},
		{"malformed path parameter", http.MethodGet, "/socialchain/posts/v1/posts/abc", 400, 3, "id"},
		{"missing post", http.MethodGet, "/socialchain/posts/v1/posts/999999", 404, 5, "999999"},
		{"content API: invalid CID", http.MethodGet, "/socialchain/content/v1/pins/not-a-cid", 400, 3, "invalid CID"},
		{"content API: unknown route", http.MethodGet, "/socialchain/content/v1/nope", 404, 5, "no content API route"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := restDo(t, tc.method, tc.path, "", nil)
			requireRESTError(t, status, body, tc.status, tc.code, tc.message)
		})
	}

	t.Run("the OpenAPI document is served", func(t *testing.T) {
		var doc struct {
			Info  struct{ Title string } `json:"info"`
			Paths map[string]any         `json:"paths"`
		}
		getJSON(t, devRESTURL+"/openapi.json", &doc)
		require.Equal(t, "socialchain REST API", doc.Info.Title)
		require.Contains(t, doc.Paths, "/socialchain/posts/v1/posts/{id}")
	})

	// Last: it spends alice's sequence, which the subtests above sign with.
	t.Run("a replayed tx is refused with a reason in raw_log", func(t *testing.T) {
		signed := write("replay.json", lastJSONLine(mustCLI(t, "tx", "sign", unsigned, "--from", "alice", "--chain-id", "socialchain-dev-1", "--home", home)))
		txBytes := mustCLIValue(t, "tx", "encode", signed, "--home", home)
		first := broadcastREST(t, txBytes)
		require.EqualValues(t, 0, first.TxResponse.Code, "%+v", first)
		replay := broadcastREST(t, txBytes)
		require.EqualValues(t, 19, replay.TxResponse.Code, "%+v", replay)
		require.Equal(t, "sdk", replay.TxResponse.Codespace)
		require.Equal(t, first.TxResponse.TxHash, replay.TxResponse.TxHash)
		require.Contains(t, replay.TxResponse.RawLog, "tx already in mempool: this node already received tx "+first.TxResponse.TxHash)
	})
}
