// Package ed25519hd derives ed25519 keys from a BIP-39 mnemonic with
// SLIP-0010, as a signing algorithm for the SDK keyring, so that
// `socialchaind keys add NAME --algo ed25519` creates (and `--recover`
// restores) an app key the way secp256k1 account keys are made.
//
// The SDK's crypto/hd only derives secp256k1 (BIP-32). SLIP-0010 is the
// BIP-32 analogue for ed25519 (Stellar's SEP-0005 and Solana wallets use
// it); for ed25519 it has hardened children only.
// The keyring's default path, m/44'/118'/0'/0/0, has two unhardened
// levels, so every level is derived as hardened: m/44'/118'/0'/0/0 and
// m/44'/118'/0'/0'/0' give the same key.
package ed25519hd

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/cosmos/go-bip39"

	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdked25519 "github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
)

// Type is the keyring name of the algorithm, the value of `--algo`.
const Type = hd.Ed25519Type

// hardened is the offset of hardened child indices (BIP-32's 2^31).
const hardened = 1 << 31

// Algo derives ed25519 keys with SLIP-0010; it is a keyring.SignatureAlgo.
var Algo keyring.SignatureAlgo = algo{}

// KeyringOption adds Algo to the keyring's software algorithms, keeping
// the SDK's. Ledger stays secp256k1 only: the Cosmos Ledger app signs
// nothing else.
func KeyringOption() keyring.Option {
	return func(o *keyring.Options) {
		if !o.SupportedAlgos.Contains(Algo) {
			o.SupportedAlgos = append(o.SupportedAlgos, Algo)
		}
	}
}

type algo struct{}

// Name returns "ed25519".
func (algo) Name() hd.PubKeyType { return Type }

// Derive returns the 32-byte ed25519 seed of the mnemonic's key at hdPath;
// an empty path gives the master key.
func (algo) Derive() hd.DeriveFn {
	return func(mnemonic, bip39Passphrase, hdPath string) ([]byte, error) {
		seed, err := bip39.NewSeedWithErrorChecking(mnemonic, bip39Passphrase)
		if err != nil {
			return nil, err
		}
		key, _, err := DerivePath(seed, hdPath)
		if err != nil {
			return nil, err
		}
		return key[:], nil
	}
}

// Generate turns a 32-byte ed25519 seed (what Derive returns) or a 64-byte
// seed||public key into an SDK ed25519 private key. The keyring's
// interface has no error return: other lengths panic, which the keyring
// turns into an error on the one path where a user supplies the bytes
// (`keys import-hex`).
func (algo) Generate() hd.GenerateFn {
	return func(bz []byte) cryptotypes.PrivKey {
		switch len(bz) {
		case ed25519.SeedSize:
		case ed25519.PrivateKeySize:
			bz = bz[:ed25519.SeedSize] // the public half is recomputed from the seed
		default:
			panic(fmt.Sprintf("ed25519 private key must be %d or %d bytes, got %d", ed25519.SeedSize, ed25519.PrivateKeySize, len(bz)))
		}
		return &sdked25519.PrivKey{Key: ed25519.NewKeyFromSeed(bz)}
	}
}

// DerivePath derives the SLIP-0010 ed25519 key and chain code at path from
// a BIP-39 seed. path is "m" or "" (the master key) or "m/44'/118'/0'/0/0":
// levels are decimal indices below 2^31, each optionally marked hardened
// with ' or h, and all are derived as hardened.
func DerivePath(seed []byte, path string) (key, chainCode [32]byte, err error) {
	key, chainCode = split(hmacSHA512([]byte("ed25519 seed"), seed))
	path = strings.TrimSpace(path)
	if path == "" || path == "m" {
		return key, chainCode, nil
	}
	rest, ok := strings.CutPrefix(path, "m/")
	if !ok {
		return key, chainCode, fmt.Errorf("hd path %q: must start with m/", path)
	}
	for i, level := range strings.Split(rest, "/") {
		digits := strings.TrimRight(level, "'hH")
		if len(level)-len(digits) > 1 {
			return key, chainCode, fmt.Errorf("hd path %q: level %d %q is marked hardened twice", path, i+1, level)
		}
		index, err := strconv.ParseUint(digits, 10, 32)
		if err != nil || index >= hardened {
			return key, chainCode, fmt.Errorf("hd path %q: level %d %q is not an index below 2^31", path, i+1, level)
		}
		key, chainCode = deriveHardenedChild(key, chainCode, uint32(index)+hardened)
	}
	return key, chainCode, nil
}

// deriveHardenedChild is SLIP-0010's CKDpriv for ed25519:
// HMAC-SHA512(chainCode, 0x00 || key || ser32(index)) split into the
// child key and chain code.
func deriveHardenedChild(key, chainCode [32]byte, index uint32) ([32]byte, [32]byte) {
	data := make([]byte, 0, 1+32+4)
	data = append(data, 0)
	data = append(data, key[:]...)
	data = binary.BigEndian.AppendUint32(data, index)
	return split(hmacSHA512(chainCode[:], data))
}

func hmacSHA512(key, data []byte) []byte {
	mac := hmac.New(sha512.New, key)
	mac.Write(data)
	return mac.Sum(nil)
}

// split returns the left and right halves of a 64-byte HMAC output.
func split(i []byte) (left, right [32]byte) {
	copy(left[:], i[:32])
	copy(right[:], i[32:])
	return left, right
}
