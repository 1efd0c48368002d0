package abci

import (
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// SigningKeyFile is where a validator's checkpoint-signing key lives,
// relative to the node home. It never goes on chain.
const SigningKeyFile = "config/settlement_key.json"

type signingKeyJSON struct {
	Address    string `json:"address"`
	PrivateKey string `json:"private_key"`
}

// LoadSigningKey reads the key at path; a missing file means the node
// does not sign (nil, nil).
func LoadSigningKey(path string) (*ecdsa.PrivateKey, error) {
	bz, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f signingKeyJSON
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

// GenerateSigningKey writes a new key to path (0600) and returns it.
func GenerateSigningKey(path string) (*ecdsa.PrivateKey, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	bz, err := json.MarshalIndent(signingKeyJSON{
		Address:    crypto.PubkeyToAddress(key.PublicKey).Hex(),
		PrivateKey: hexutil.Encode(crypto.FromECDSA(key)),
	}, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	return key, os.WriteFile(path, bz, 0o600)
}

// LoadConsensusAddress reads the validator's consensus address from
// CometBFT's priv_validator_key.json; a missing file (a non-validator)
// gives nil.
func LoadConsensusAddress(path string) ([]byte, error) {
	bz, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal(bz, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	addr, err := hex.DecodeString(f.Address)
	if err != nil {
		return nil, fmt.Errorf("%s: address: %w", path, err)
	}
	return addr, nil
}
