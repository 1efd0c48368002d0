package keeper

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// SignerSetChangeThresholdBps is how far (in basis points of total power)
// the signer set may drift before a handover is due: more than 5%.
const SignerSetChangeThresholdBps = 500

// candidateSignerSet builds the signer set the chain would use now: every
// bonded validator with a registered key, with normalized powers, in the
// canonical order. Validators without a key do not count toward the
// threshold.
func (k Keeper) candidateSignerSet(ctx context.Context, nonce uint64) (types.SignerSet, error) {
	validators, err := k.staking.GetBondedValidatorsByPower(ctx)
	if err != nil {
		return types.SignerSet{}, err
	}
	reduction := k.staking.PowerReduction(ctx)
	var raw []rawMember
	for _, v := range validators {
		valAddr, err := k.valCodec.StringToBytes(v.GetOperator())
		if err != nil {
			return types.SignerSet{}, err
		}
		signer, err := k.Signers.Get(ctx, valAddr)
		if err != nil {
			continue // no key registered: not a signer
		}
		power := v.GetConsensusPower(reduction)
		if power <= 0 {
			continue
		}
		raw = append(raw, rawMember{ethAddress: signer.EthAddress, validator: signer.Validator, power: uint64(power)})
	}
	set := types.SignerSet{Nonce: nonce, Members: normalizeMembers(raw), Height: sdk.UnwrapSDKContext(ctx).BlockHeight()}
	set.Hash, err = signerSetHash(set)
	return set, err
}

// signerSetChanged reports whether next must replace current: a signer
// joined or left, a key rotated, or power moved by more than 5%.
func signerSetChanged(current, next types.SignerSet) bool {
	if len(current.Members) != len(next.Members) {
		return true
	}
	byAddr := make(map[string]uint64, len(current.Members))
	var total uint64
	for _, m := range current.Members {
		byAddr[m.EthAddress] = m.Power
		total += m.Power
	}
	var moved uint64
	for _, m := range next.Members {
		old, ok := byAddr[m.EthAddress]
		if !ok {
			return true
		}
		if m.Power > old {
			moved += m.Power - old
		} else {
			moved += old - m.Power
		}
	}
	// Each unit of power that moves shows up once as a gain and once as a
	// loss, so half the absolute differences is what moved.
	return total == 0 || (moved/2)*10_000 > total*SignerSetChangeThresholdBps
}

// SignerForConsAddr returns the registered Ethereum address of the
// validator with consensus address consAddr.
func (k Keeper) SignerForConsAddr(ctx context.Context, consAddr []byte) (string, error) {
	val, err := k.staking.GetValidatorByConsAddr(ctx, consAddr)
	if err != nil {
		return "", fmt.Errorf("no validator with consensus address %X: %w", consAddr, err)
	}
	valAddr, err := k.valCodec.StringToBytes(val.GetOperator())
	if err != nil {
		return "", err
	}
	signer, err := k.Signers.Get(ctx, valAddr)
	if err != nil {
		return "", fmt.Errorf("validator %s has no registered key: %w", val.GetOperator(), err)
	}
	return signer.EthAddress, nil
}
