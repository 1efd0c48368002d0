// Package testutil holds the test doubles that the tests of several
// packages share, so each double exists once. Only _test.go files import
// it; nothing in the node links it.
package testutil

import (
	"context"
	"sort"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// Staking is the staking keeper as a module that reads the validator set
// sees it (x/settlement's expected StakingKeeper): validators with powers,
// found by operator or consensus address, in memory.
type Staking struct {
	byVal  map[string]stakingtypes.Validator // by operator address bytes
	byCons map[string]string                 // consensus address bytes → operator address bytes
}

// NewStaking returns a staking keeper with no validators.
func NewStaking() *Staking {
	return &Staking{byVal: map[string]stakingtypes.Validator{}, byCons: map[string]string{}}
}

// Set adds or updates the validator val (valStr is its bech32 operator
// address) with consensus address cons and power in consensus units; power
// 0 leaves it unbonded.
func (s *Staking) Set(val sdk.ValAddress, valStr string, cons sdk.ConsAddress, power int64) {
	status := stakingtypes.Bonded
	if power == 0 {
		status = stakingtypes.Unbonded
	}
	s.byVal[string(val)] = stakingtypes.Validator{
		OperatorAddress: valStr,
		Status:          status,
		Tokens:          sdk.TokensFromConsensusPower(power, sdk.DefaultPowerReduction),
	}
	s.byCons[string(cons)] = string(val)
}

// Remove deletes the validator val, as if it had never existed.
func (s *Staking) Remove(val sdk.ValAddress) {
	delete(s.byVal, string(val))
}

// GetValidator returns the validator with operator address addr.
func (s *Staking) GetValidator(_ context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error) {
	v, ok := s.byVal[string(addr)]
	if !ok {
		return v, stakingtypes.ErrNoValidatorFound
	}
	return v, nil
}

// GetValidatorByConsAddr returns the validator with consensus address
// consAddr.
func (s *Staking) GetValidatorByConsAddr(_ context.Context, consAddr sdk.ConsAddress) (stakingtypes.Validator, error) {
	op, ok := s.byCons[string(consAddr)]
	if !ok {
		return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
	}
	v, ok := s.byVal[op]
	if !ok {
		return v, stakingtypes.ErrNoValidatorFound
	}
	return v, nil
}

// GetBondedValidatorsByPower returns the bonded validators, most power
// first and then by operator address, as x/staking orders them.
func (s *Staking) GetBondedValidatorsByPower(context.Context) ([]stakingtypes.Validator, error) {
	var out []stakingtypes.Validator
	for _, v := range s.byVal {
		if v.IsBonded() {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Tokens.Equal(out[j].Tokens) {
			return out[i].Tokens.GT(out[j].Tokens)
		}
		return out[i].OperatorAddress < out[j].OperatorAddress
	})
	return out, nil
}

// PowerReduction is the SDK's default.
func (s *Staking) PowerReduction(context.Context) math.Int { return sdk.DefaultPowerReduction }
