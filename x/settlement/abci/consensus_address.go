package abci

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

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
