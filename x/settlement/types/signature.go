package types

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// SignatureLength is the length of a Signature: r ‖ s ‖ v.
const SignatureLength = 65

// Errors returned by Signature.Recover and RecoverSigner.
var (
	ErrMalformedSignature = errors.New("invalid signature") // InvalidSignature
	ErrHighS              = errors.New("signature s is in the upper half of the curve order")
)

var (
	secp256k1N     = crypto.S256().Params().N
	secp256k1HalfN = new(big.Int).Rsh(secp256k1N, 1)
)

// Signature is a secp256k1 signature in the form the contract accepts:
// 32 bytes r, 32 bytes s with s ≤ n/2 (EIP-2), and one byte v ∈ {27, 28}.
type Signature [SignatureLength]byte

// SignatureFromBytes copies a 65-byte r ‖ s ‖ v signature, accepting v as
// 0/1 or 27/28 and returning it with v ∈ {27, 28}. It does not check s.
func SignatureFromBytes(b []byte) (Signature, error) {
	var sig Signature
	if len(b) != SignatureLength {
		return sig, fmt.Errorf("%w: length %d, want %d", ErrMalformedSignature, len(b), SignatureLength)
	}
	copy(sig[:], b)
	if sig[64] < 27 {
		sig[64] += 27
	}
	if sig[64] != 27 && sig[64] != 28 {
		return Signature{}, fmt.Errorf("%w: v = %d", ErrMalformedSignature, b[64])
	}
	return sig, nil
}

// R is the signature's r value.
func (s Signature) R() [32]byte { return [32]byte(s[0:32]) }

// S is the signature's s value.
func (s Signature) S() [32]byte { return [32]byte(s[32:64]) }

// V is the recovery byte, 27 or 28.
func (s Signature) V() uint8 { return s[64] }

// SignDigest signs a 32-byte digest (normally CheckpointDigest) with priv,
// returning a low-s signature with v ∈ {27, 28}. Signing is deterministic
// (RFC 6979).
func SignDigest(priv *ecdsa.PrivateKey, digest [32]byte) (Signature, error) {
	raw, err := crypto.Sign(digest[:], priv)
	if err != nil {
		return Signature{}, err
	}
	var sig Signature
	copy(sig[:], raw)
	// crypto.Sign already returns canonical low-s signatures; normalize
	// anyway so the contract's HighS check can never refuse our own output.
	s := new(big.Int).SetBytes(sig[32:64])
	if s.Cmp(secp256k1HalfN) > 0 {
		s.Sub(secp256k1N, s)
		s.FillBytes(sig[32:64])
		sig[64] ^= 1
	}
	sig[64] += 27
	return sig, nil
}

// Recover returns the address that produced sig over digest, with the
// contract's rules: v must be 27 or 28, s must not exceed n/2, and r and s
// must be valid scalars.
func (sig Signature) Recover(digest [32]byte) (common.Address, error) {
	v := sig.V()
	if v != 27 && v != 28 {
		return common.Address{}, fmt.Errorf("%w: v = %d", ErrMalformedSignature, v)
	}
	r := new(big.Int).SetBytes(sig[0:32])
	s := new(big.Int).SetBytes(sig[32:64])
	if s.Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, ErrHighS
	}
	if !crypto.ValidateSignatureValues(v-27, r, s, true) {
		return common.Address{}, fmt.Errorf("%w: r or s out of range", ErrMalformedSignature)
	}
	raw := sig
	raw[64] = v - 27
	pub, err := crypto.SigToPub(digest[:], raw[:])
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrMalformedSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// RecoverSigner returns the address whose key made the 65-byte signature
// sig (v in {0,1} or {27,28}, low s) of the 32-byte digest: the form
// signatures take in messages and vote extensions.
func RecoverSigner(digest, sig []byte) (common.Address, error) {
	if len(digest) != 32 {
		return common.Address{}, fmt.Errorf("digest is %d bytes, want 32", len(digest))
	}
	s, err := SignatureFromBytes(sig)
	if err != nil {
		return common.Address{}, err
	}
	return s.Recover([32]byte(digest))
}
