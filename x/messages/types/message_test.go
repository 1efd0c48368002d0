package types_test

import (
	"crypto/ed25519"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/x/messages/types"
)

// The published test vector (docs/messages.md): a third-party client that
// builds this body from these fields must produce these bytes, signature
// and hash.
const (
	vectorSeed      = "1427a1fff8f037ceb49094dc39351aa8e6e2baa4e4137e6a9860942297ae5d70"
	vectorPubKey    = "7bc94ec82909874e7f8aae1e9c2578c16d25d5b0495bd0af6093e1ac72884a8f"
	vectorAuthor    = "social1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5vst3f9"
	vectorChainID   = "socialchain-dev-1"
	vectorTimestamp = 1767225600000
	vectorText      = "hello #socialchain"
	vectorBody      = "0a11736f6369616c636861696e2d6465762d31122d736f6369616c31717970717870713971637273737a673270767871367273307a716733797963357673743366391a207bc94ec82909874e7f8aae1e9c2578c16d25d5b0495bd0af6093e1ac72884a8f2080d0eab6b73352140a1268656c6c6f2023736f6369616c636861696e"
	vectorSigning   = "736f6369616c636861696e2f6d6573736167652f7631000a11736f6369616c636861696e2d6465762d31122d736f6369616c31717970717870713971637273737a673270767871367273307a716733797963357673743366391a207bc94ec82909874e7f8aae1e9c2578c16d25d5b0495bd0af6093e1ac72884a8f2080d0eab6b73352140a1268656c6c6f2023736f6369616c636861696e"
	vectorSignature = "7ea28b3dc8e222a38873ea6222dcc763050c74d5a943007daef9473984faf1ada31009c5a14170e2dafd2b699ffb7943c178c91d521715e8d19d9fd99890180a"
	vectorHash      = "4d6db3ca1a77794b73f1bc770b03f7e303e78dbd67cf7385cdbfdafebf08d91a"
	vectorSigned    = "0a81010a11736f6369616c636861696e2d6465762d31122d736f6369616c31717970717870713971637273737a673270767871367273307a716733797963357673743366391a207bc94ec82909874e7f8aae1e9c2578c16d25d5b0495bd0af6093e1ac72884a8f2080d0eab6b73352140a1268656c6c6f2023736f6369616c636861696e12407ea28b3dc8e222a38873ea6222dcc763050c74d5a943007daef9473984faf1ada31009c5a14170e2dafd2b699ffb7943c178c91d521715e8d19d9fd99890180a"
)

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	bz, err := hex.DecodeString(s)
	require.NoError(t, err)
	return bz
}

func TestTestVector(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(mustHex(t, vectorSeed))
	require.Equal(t, vectorPubKey, hex.EncodeToString(priv.Public().(ed25519.PublicKey)))

	body := types.MessageBody{
		ChainID: vectorChainID, Author: vectorAuthor, AppKey: mustHex(t, vectorPubKey), TimestampMs: vectorTimestamp,
		Kind: &types.MessageBody_CreatePost{CreatePost: &types.CreatePost{Text: vectorText}},
	}
	bz, err := body.Marshal()
	require.NoError(t, err)
	require.Equal(t, vectorBody, hex.EncodeToString(bz), "body encoding")
	require.Equal(t, vectorSigning, hex.EncodeToString(types.SigningBytes(bz)), "signing bytes")
	sig := ed25519.Sign(priv, types.SigningBytes(bz))
	require.Equal(t, vectorSignature, hex.EncodeToString(sig), "signature (ed25519 is deterministic)")
	require.Equal(t, vectorHash, types.HashOf(bz).String(), "hash")
	signed, err := (&types.SignedMessage{Body: bz, Signature: sig}).Marshal()
	require.NoError(t, err)
	require.Equal(t, vectorSigned, hex.EncodeToString(signed), "signed message encoding")

	m, err := types.Decode(signed, vectorChainID, types.DefaultMaxMessageBytes)
	require.NoError(t, err)
	require.NoError(t, m.VerifySignature())
	require.Equal(t, vectorHash, m.Hash.String())
	name, scope := m.Body.KindInfo()
	require.Equal(t, types.KindCreatePost, name)
	require.Equal(t, types.ScopePosts, scope)
}

// signedWith encodes body and signs it with priv.
func signedWith(t testing.TB, priv ed25519.PrivateKey, body types.MessageBody) []byte {
	t.Helper()
	signed, err := types.Sign(priv, &body)
	require.NoError(t, err)
	out, err := signed.Marshal()
	require.NoError(t, err)
	return out
}

func validBody(t testing.TB) (ed25519.PrivateKey, types.MessageBody) {
	priv := ed25519.NewKeyFromSeed(mustHex(t, vectorSeed))
	return priv, types.MessageBody{
		ChainID: vectorChainID, Author: vectorAuthor, AppKey: priv.Public().(ed25519.PublicKey), TimestampMs: vectorTimestamp,
		Kind: &types.MessageBody_React{React: &types.React{PostID: 1, Kind: "like"}},
	}
}

func TestDecodeRefusals(t *testing.T) {
	priv, good := validBody(t)
	otherPriv := ed25519.NewKeyFromSeed(make([]byte, 32))
	cases := []struct {
		name  string
		bytes func() []byte
		err   *errorsmod.Error
		// sigErr: the bytes decode but the signature must fail.
		sigErr bool
	}{
		{"bytes that are not protobuf are malformed", func() []byte { return []byte{0xff, 0xff, 0xff} }, types.ErrMalformedMessage, false},
		{"a body that is not a MessageBody is malformed", func() []byte {
			out, _ := (&types.SignedMessage{Body: []byte{0xff, 0x01}, Signature: make([]byte, 64)}).Marshal()
			return out
		}, types.ErrMalformedMessage, false},
		{"a message over max_message_bytes is refused before decoding", func() []byte { return make([]byte, types.DefaultMaxMessageBytes+1) }, types.ErrMessageTooLarge, false},
		{"another chain id is refused", func() []byte { b := good; b.ChainID = "other-1"; return signedWith(t, priv, b) }, types.ErrWrongChain, false},
		{"an empty author is refused", func() []byte { b := good; b.Author = ""; return signedWith(t, priv, b) }, types.ErrInvalidAuthor, false},
		{"a 31-byte app key is refused", func() []byte { b := good; b.AppKey = b.AppKey[:31]; return signedWith(t, priv, b) }, types.ErrInvalidAppKey, false},
		{"a zero timestamp is refused", func() []byte { b := good; b.TimestampMs = 0; return signedWith(t, priv, b) }, types.ErrInvalidField, false},
		{"a body without kind is refused", func() []byte { b := good; b.Kind = nil; return signedWith(t, priv, b) }, types.ErrNoKind, false},
		{"a short signature is refused", func() []byte {
			bz, _ := good.Marshal()
			out, _ := (&types.SignedMessage{Body: bz, Signature: make([]byte, 63)}).Marshal()
			return out
		}, types.ErrInvalidSignature, false},
		{"a signature by another key does not verify", func() []byte { return signedWith(t, otherPriv, good) }, types.ErrInvalidSignature, true},
		{"a tampered body does not verify", func() []byte {
			bz, _ := good.Marshal()
			sig := ed25519.Sign(priv, types.SigningBytes(bz))
			b := good
			b.TimestampMs++
			bz2, _ := b.Marshal()
			out, _ := (&types.SignedMessage{Body: bz2, Signature: sig}).Marshal()
			return out
		}, types.ErrInvalidSignature, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := types.Decode(tc.bytes(), vectorChainID, types.DefaultMaxMessageBytes)
			if tc.sigErr {
				require.NoError(t, err)
				require.ErrorIs(t, m.VerifySignature(), tc.err)
				require.ErrorIs(t, types.VerifySignatures([]*types.Message{m})[0], tc.err)
				return
			}
			require.ErrorIs(t, err, tc.err)
			require.Nil(t, m)
		})
	}
}

// A forged message in a batch fails alone: its honest neighbours verify.
func TestVerifySignaturesFindsTheForgedOne(t *testing.T) {
	priv, good := validBody(t)
	var msgs []*types.Message
	for i := range 300 {
		b := good
		b.TimestampMs += int64(i)
		bz := signedWith(t, priv, b)
		if i == 137 {
			m, err := types.Decode(bz, vectorChainID, types.DefaultMaxMessageBytes)
			require.NoError(t, err)
			m.Signed.Signature[0] ^= 1
			msgs = append(msgs, m)
			continue
		}
		m, err := types.Decode(bz, vectorChainID, types.DefaultMaxMessageBytes)
		require.NoError(t, err)
		msgs = append(msgs, m)
	}
	errs := types.VerifySignatures(msgs)
	for i, err := range errs {
		if i == 137 {
			require.ErrorIs(t, err, types.ErrInvalidSignature)
		} else {
			require.NoError(t, err, "message %d", i)
		}
	}
}

func TestParseHash(t *testing.T) {
	h, err := types.ParseHash(vectorHash)
	require.NoError(t, err)
	require.Equal(t, vectorHash, h.String())
	for _, bad := range []string{"", "zz", vectorHash[:62], vectorHash + "00"} {
		_, err := types.ParseHash(bad)
		require.ErrorIs(t, err, types.ErrInvalidRequest, bad)
	}
}

// FuzzDecode feeds arbitrary bytes, as a peer or client may send, to the
// decoder and the signature check: they must refuse or accept, never panic,
// and an accepted message's hash must be the hash of its body.
func FuzzDecode(f *testing.F) {
	f.Add(mustHex(f, vectorSigned))
	f.Add([]byte{})
	f.Add([]byte{0x0a, 0x00})
	f.Fuzz(func(t *testing.T, bz []byte) {
		m, err := types.Decode(bz, vectorChainID, types.DefaultMaxMessageBytes)
		if err != nil {
			return
		}
		require.Equal(t, types.HashOf(m.Signed.Body), m.Hash)
		_ = m.VerifySignature()
		_ = types.VerifySignatures([]*types.Message{m, m})
		_, _ = m.Body.KindInfo()
	})
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := map[string]func(*types.Params){
		"max_message_bytes below 256 is refused":         func(p *types.Params) { p.MaxMessageBytes = 255 },
		"max_message_bytes above the ceiling is refused": func(p *types.Params) { p.MaxMessageBytes = types.MessageBytesCeiling + 1 },
		"zero messages per block is refused":             func(p *types.Params) { p.MaxMessagesPerBlock = 0 },
		"a window under 10 s is refused":                 func(p *types.Params) { p.TimestampWindowSeconds = 9 },
		"a future skew beyond the window is refused":     func(p *types.Params) { p.MaxFutureSeconds = p.TimestampWindowSeconds + 1 },
		"a period under a minute is refused":             func(p *types.Params) { p.PeriodSeconds = 59 },
		"zero messages per unit is refused":              func(p *types.Params) { p.MessagesPerUnit = 0 },
		"max_units below free_units is refused":          func(p *types.Params) { p.MaxUnits = 0 },
		"an invalid unit price is refused":               func(p *types.Params) { p.UnitPrice.Denom = "" },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			p := types.DefaultParams()
			mutate(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}
