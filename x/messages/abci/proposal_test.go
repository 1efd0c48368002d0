package abci_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/messages/abci"
	"github.com/socialchain/socialchain/x/messages/types"
)

const chainID = "abci-test-1"

func signedRaw(t testing.TB, text string) []byte { return signedFor(t, chainID, text) }

// signedFor returns the encoding of a signed create_post for chain.
func signedFor(t testing.TB, chain, text string) []byte {
	t.Helper()
	seed := sha256.Sum256([]byte("abci test"))
	key := ed25519.NewKeyFromSeed(seed[:])
	body := types.MessageBody{ChainID: chain, Author: "social1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5vst3f9", AppKey: key.Public().(ed25519.PublicKey),
		TimestampMs: 1_767_225_600_000, Kind: &types.MessageBody_CreatePost{CreatePost: &types.CreatePost{Text: text}}}
	signed, err := types.Sign(key, &body)
	require.NoError(t, err)
	raw, err := signed.Marshal()
	require.NoError(t, err)
	return raw
}

func TestBatchEncodingRoundTrips(t *testing.T) {
	raws := [][]byte{signedRaw(t, "one"), signedRaw(t, "two")}
	tx := abci.EncodeBatch(raws)
	require.True(t, abci.IsBatch(tx))
	batch, rest, err := abci.SplitBatch([][]byte{tx, []byte("user tx")})
	require.NoError(t, err)
	require.Equal(t, [][]byte{[]byte("user tx")}, rest)
	msgs, err := abci.DecodeBatch(batch, chainID, types.DefaultParams())
	require.NoError(t, err)
	require.Len(t, msgs, 2)
	for i, m := range msgs {
		require.Equal(t, types.HashOf(mustBody(t, raws[i])), m.Hash)
	}
	for _, err := range types.VerifySignatures(msgs) {
		require.NoError(t, err)
	}
}

func mustBody(t testing.TB, raw []byte) []byte {
	var sm types.SignedMessage
	require.NoError(t, sm.Unmarshal(raw))
	return sm.Body
}

func TestDecodeBatchRefusals(t *testing.T) {
	one := signedRaw(t, "one")
	params := types.DefaultParams()
	small := params
	small.MaxMessagesPerBlock = 1
	cases := []struct {
		name   string
		batch  []byte
		params types.Params
	}{
		{"an empty batch is refused", abci.AppendMessageBatch(nil, nil), params},
		{"bytes that are no batch are refused", []byte{0xff, 0xff}, params},
		{"a message twice is refused", abci.AppendMessageBatch(nil, [][]byte{one, one}), params},
		{"more messages than max_messages_per_block are refused", abci.AppendMessageBatch(nil, [][]byte{one, signedRaw(t, "two")}), small},
		{"a message for another chain is refused", abci.AppendMessageBatch(nil, [][]byte{signedFor(t, "other-1", "elsewhere")}), params},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := abci.DecodeBatch(tc.batch, chainID, tc.params)
			require.ErrorIs(t, err, types.ErrInvalidBatch)
		})
	}
	_, _, err := abci.SplitBatch([][]byte{[]byte("tx"), abci.EncodeBatch([][]byte{one})})
	require.Error(t, err, "a batch after a user tx is refused")
}

// FuzzDecodeBatch feeds a proposer's batch bytes, the lane's input from other
// validators, to the decoder and the signature check: never a panic, and a
// decoded batch holds distinct messages within the limits.
func FuzzDecodeBatch(f *testing.F) {
	f.Add(abci.AppendMessageBatch(nil, [][]byte{signedRaw(f, "seed")}))
	f.Add([]byte{})
	f.Add([]byte{0x0a, 0x00})
	params := types.DefaultParams()
	f.Fuzz(func(t *testing.T, bz []byte) {
		_, _, _ = abci.SplitBatch([][]byte{bz, append(abci.EncodeBatch(nil), bz...)})
		msgs, err := abci.DecodeBatch(bz, chainID, params)
		if err != nil {
			return
		}
		require.LessOrEqual(t, len(msgs), int(params.MaxMessagesPerBlock))
		seen := map[types.Hash]bool{}
		for _, m := range msgs {
			require.False(t, seen[m.Hash])
			seen[m.Hash] = true
		}
		_ = types.VerifySignatures(msgs)
	})
}
