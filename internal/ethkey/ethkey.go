// Package ethkey reads and writes the Ethereum key files settlement uses:
// a validator's checkpoint-signing key (config/settlement_key.json), and
// the L1 account keys of a relayer and a deployer. They share one format,
//
//	{"address": "0x…", "private_key": "0x…"}
//
// where address is optional when reading but must match the key if given,
// so a file edited by hand cannot sign for another address than it shows.
package ethkey

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

type keyFile struct {
	Address    string `json:"address"`
	PrivateKey string `json:"private_key"`
}

// Load reads the key at path. A missing file is an error that wraps
// fs.ErrNotExist, for callers to whom a key is optional.
func Load(path string) (*ecdsa.PrivateKey, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f keyFile
	if err := json.Unmarshal(bz, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	raw, err := hexutil.Decode(f.PrivateKey)
	if err != nil {
		return nil, fmt.Errorf("%s: private_key: %w", path, err)
	}
	key, err := crypto.ToECDSA(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: private_key: %w", path, err)
	}
	if want := crypto.PubkeyToAddress(key.PublicKey).Hex(); f.Address != "" && f.Address != want {
		return nil, fmt.Errorf("%s: address %s does not match the key's address %s", path, f.Address, want)
	}
	return key, nil
}

// Write stores key at path (0600), creating its directory (0700).
func Write(path string, key *ecdsa.PrivateKey) error {
	bz, err := json.MarshalIndent(keyFile{
		Address:    crypto.PubkeyToAddress(key.PublicKey).Hex(),
		PrivateKey: hexutil.Encode(crypto.FromECDSA(key)),
	}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return os.WriteFile(path, bz, 0o600)
}

// Generate writes a new random key to path and returns it.
func Generate(path string) (*ecdsa.PrivateKey, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	return key, Write(path, key)
}
