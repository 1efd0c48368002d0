package cliwait

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
)

func testContext(t *testing.T, output string) (client.Context, *bytes.Buffer) {
	t.Helper()
	registry := codectypes.NewInterfaceRegistry()
	poststypes.RegisterInterfaces(registry)
	var out bytes.Buffer
	return client.Context{}.
		WithInterfaceRegistry(registry).
		WithCodec(codec.NewProtoCodec(registry)).
		WithOutputFormat(output).
		WithOutput(&out), &out
}

func TestBroadcastRecorderKeepsOnlyTheBroadcastResponse(t *testing.T) {
	clientCtx, _ := testContext(t, "json")
	res := &sdk.TxResponse{TxHash: "ABCD", Code: 0}
	resJSON, err := clientCtx.Codec.MarshalJSON(res)
	require.NoError(t, err)
	resYAML, err := yaml.JSONToYAML(resJSON)
	require.NoError(t, err)
	// What the confirmation prompt shows: a tx, not a response.
	txJSON := []byte(`{"body":{"messages":[],"memo":""},"auth_info":{},"signatures":[]}`)

	for _, tc := range []struct {
		name   string
		writes [][]byte
		passed string
	}{
		{"a JSON response and its newline are kept", [][]byte{resJSON, []byte("\n")}, ""},
		{"a YAML response is kept", [][]byte{resYAML}, ""},
		{"the confirmation tx passes through", [][]byte{txJSON, resJSON, []byte("\n")}, string(txJSON)},
		{"a newline before any response passes through", [][]byte{[]byte("\n"), resYAML}, "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			rec := &broadcastRecorder{out: &out, cdc: clientCtx.Codec}
			for _, w := range tc.writes {
				n, err := rec.Write(w)
				require.NoError(t, err)
				require.Equal(t, len(w), n)
			}
			require.Equal(t, tc.passed, out.String())
			require.NotNil(t, rec.res)
			require.Equal(t, "ABCD", rec.res.TxHash)
		})
	}
}

// committedTx is a TxResponse carrying resps as its Msg responses.
func committedTx(t *testing.T, code uint32, resps ...proto.Message) *sdk.TxResponse {
	t.Helper()
	var data sdk.TxMsgData
	for _, r := range resps {
		a, err := codectypes.NewAnyWithValue(r)
		require.NoError(t, err)
		data.MsgResponses = append(data.MsgResponses, a)
	}
	bz, err := proto.Marshal(&data)
	require.NoError(t, err)
	return &sdk.TxResponse{TxHash: "ABCD", Height: 12, Code: code, Codespace: "posts", RawLog: "no", Data: hex.EncodeToString(bz)}
}

func TestPrintOutcome(t *testing.T) {
	for _, tc := range []struct {
		name   string
		output string
		res    *sdk.TxResponse
		want   string
	}{
		{
			"a new post's id is printed as post_id (text)", "text",
			committedTx(t, 0, &poststypes.MsgCreatePostResponse{ID: 7}),
			"txhash: ABCD\nheight: 12\ncode: 0\npost_id: 7\n",
		},
		{
			"a new post's id is a post_id field (json)", "json",
			committedTx(t, 0, &poststypes.MsgCreatePostResponse{ID: 7}),
			`{"txhash":"ABCD","height":12,"code":0,"post_id":"7"}` + "\n",
		},
		{
			"a reaction's id is printed as reaction_id", "text",
			committedTx(t, 0, &poststypes.MsgReactResponse{ID: 3}),
			"txhash: ABCD\nheight: 12\ncode: 0\nreaction_id: 3\n",
		},
		{
			"other response fields keep their names", "text",
			committedTx(t, 0, &poststypes.MsgEditPostResponse{Version: 2, ContentHash: []byte{1, 2}}),
			"txhash: ABCD\nheight: 12\ncode: 0\ncontent_hash: AQI=\nversion: 2\n",
		},
		{
			"a failed tx prints codespace and log, no ids", "text",
			committedTx(t, 18, &poststypes.MsgCreatePostResponse{ID: 7}),
			"txhash: ABCD\nheight: 12\ncode: 18\ncodespace: posts\nraw_log: no\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clientCtx, out := testContext(t, tc.output)
			fields, err := responseFields(clientCtx, tc.res)
			require.NoError(t, err)
			require.NoError(t, printOutcome(clientCtx, tc.res, fields))
			require.Equal(t, tc.want, out.String())
		})
	}
}
