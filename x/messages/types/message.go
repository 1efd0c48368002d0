package types

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"

	errorsmod "cosmossdk.io/errors"
)

// SigningDomain prefixes the bytes an app key signs, so a lane signature can
// never be mistaken for a signature over anything else the key signs.
const SigningDomain = "socialchain/message/v1\x00"

const (
	// PubKeySize is the size of an ed25519 public key.
	PubKeySize = cmted25519.PubKeySize
	// SignatureSize is the size of an ed25519 signature.
	SignatureSize = cmted25519.SignatureSize
)

// Hash is a message hash: SHA-256 of the message's signing bytes.
type Hash [sha256.Size]byte

// String returns the hash in lowercase hex, as the API spells it.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// ParseHash reads a hex-encoded message hash.
func ParseHash(s string) (Hash, error) {
	var h Hash
	bz, err := hex.DecodeString(s)
	if err != nil || len(bz) != len(h) {
		return h, errorsmod.Wrapf(ErrInvalidRequest, "hash %q is not %d hex-encoded bytes", s, len(h))
	}
	copy(h[:], bz)
	return h, nil
}

// SigningBytes returns what the app key signs and what the hash covers:
// the domain tag followed by the body exactly as encoded.
func SigningBytes(body []byte) []byte {
	out := make([]byte, 0, len(SigningDomain)+len(body))
	return append(append(out, SigningDomain...), body...)
}

// HashOf returns the hash of a message with the given body bytes.
func HashOf(body []byte) Hash {
	h := sha256.New()
	h.Write([]byte(SigningDomain))
	h.Write(body)
	var out Hash
	h.Sum(out[:0])
	return out
}

// Sign encodes body and signs its signing bytes with key: the one way a Go
// client (the load generator, tests) makes a SignedMessage.
func Sign(key ed25519.PrivateKey, body *MessageBody) (SignedMessage, error) {
	bz, err := body.Marshal()
	if err != nil {
		return SignedMessage{}, err
	}
	return SignedMessage{Body: bz, Signature: ed25519.Sign(key, SigningBytes(bz))}, nil
}

// Message is a decoded lane message with what every check needs.
type Message struct {
	Signed SignedMessage
	Body   MessageBody
	Hash   Hash
	// Size is the encoded size of the SignedMessage in bytes.
	Size int
}

// Decode decodes the bytes of a SignedMessage and checks everything that
// needs no state and no signature check: size, encoding, chain id, author
// and key shape, and that the body has a kind. It names the field at fault.
func Decode(bz []byte, chainID string, maxBytes uint32) (*Message, error) {
	if len(bz) > int(maxBytes) {
		return nil, errorsmod.Wrapf(ErrMessageTooLarge, "%d bytes, limit max_message_bytes %d", len(bz), maxBytes)
	}
	var signed SignedMessage
	if err := signed.Unmarshal(bz); err != nil {
		return nil, errorsmod.Wrapf(ErrMalformedMessage, "decoding the signed message: %v", err)
	}
	return FromSigned(signed, len(bz), chainID)
}

// FromSigned is Decode for an already decoded SignedMessage of size bytes.
func FromSigned(signed SignedMessage, size int, chainID string) (*Message, error) {
	m := &Message{Signed: signed, Size: size}
	if err := m.Body.Unmarshal(signed.Body); err != nil {
		return nil, errorsmod.Wrapf(ErrMalformedMessage, "decoding the body: %v", err)
	}
	m.Hash = HashOf(signed.Body)
	if err := m.validateBasic(chainID); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *Message) validateBasic(chainID string) error {
	b := &m.Body
	if b.ChainID != chainID {
		return errorsmod.Wrapf(ErrWrongChain, "chain_id %q, this chain is %q", b.ChainID, chainID)
	}
	if b.Author == "" {
		return errorsmod.Wrap(ErrInvalidAuthor, "author is empty")
	}
	if len(b.AppKey) != PubKeySize {
		return errorsmod.Wrapf(ErrInvalidAppKey, "app_key is %d bytes, want %d (ed25519)", len(b.AppKey), PubKeySize)
	}
	if len(m.Signed.Signature) != SignatureSize {
		return errorsmod.Wrapf(ErrInvalidSignature, "signature is %d bytes, want %d (ed25519)", len(m.Signed.Signature), SignatureSize)
	}
	if b.TimestampMs <= 0 {
		return errorsmod.Wrapf(ErrInvalidField, "timestamp_ms %d must be a positive Unix time in milliseconds", b.TimestampMs)
	}
	if b.Kind == nil {
		return errorsmod.Wrap(ErrNoKind, "set one of create_post, edit_post, delete_post, repost, undo_repost, react, unreact, follow, unfollow, block, unblock")
	}
	return nil
}

// VerifySignature checks the app key's signature over the signing bytes.
func (m *Message) VerifySignature() error {
	if !cmted25519.PubKey(m.Body.AppKey).VerifySignature(SigningBytes(m.Signed.Body), m.Signed.Signature) {
		return errorsmod.Wrapf(ErrInvalidSignature, "signature does not verify with app_key %x", m.Body.AppKey)
	}
	return nil
}

// Kind returns the name of the message kind and the app-key scope it needs.
func (b *MessageBody) KindInfo() (name, scope string) {
	switch b.Kind.(type) {
	case *MessageBody_CreatePost:
		return KindCreatePost, ScopePosts
	case *MessageBody_EditPost:
		return KindEditPost, ScopePosts
	case *MessageBody_DeletePost:
		return KindDeletePost, ScopePosts
	case *MessageBody_Repost:
		return KindRepost, ScopeReposts
	case *MessageBody_UndoRepost:
		return KindUndoRepost, ScopeReposts
	case *MessageBody_React:
		return KindReact, ScopeReactions
	case *MessageBody_Unreact:
		return KindUnreact, ScopeReactions
	case *MessageBody_Follow:
		return KindFollow, ScopeFollows
	case *MessageBody_Unfollow:
		return KindUnfollow, ScopeFollows
	case *MessageBody_Block:
		return KindBlock, ScopeFollows
	case *MessageBody_Unblock:
		return KindUnblock, ScopeFollows
	default:
		return fmt.Sprintf("%T", b.Kind), ""
	}
}

// Kind is the action of a MessageBody: one of the MessageBody_* oneof
// wrappers (MessageBody_CreatePost, ...).
type Kind = isMessageBody_Kind
