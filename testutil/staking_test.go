package testutil_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/socialchain/socialchain/testutil"
)

func TestStaking(t *testing.T) {
	ctx := context.Background()
	s := testutil.NewStaking()
	val := func(i byte) (sdk.ValAddress, string, sdk.ConsAddress) {
		return bytes.Repeat([]byte{i}, 20), string('a' + rune(i)), bytes.Repeat([]byte{100 + i}, 20)
	}
	for i, power := range []int64{10, 30, 30, 0} {
		v, str, cons := val(byte(i))
		s.Set(v, str, cons, power)
	}

	bonded, err := s.GetBondedValidatorsByPower(ctx)
	require.NoError(t, err)
	var order []string
	for _, v := range bonded {
		order = append(order, v.OperatorAddress)
	}
	require.Equal(t, []string{"b", "c", "a"}, order, "most power first, ties by operator address, power 0 unbonded")

	v1, _, cons1 := val(1)
	got, err := s.GetValidator(ctx, v1)
	require.NoError(t, err)
	require.Equal(t, "b", got.OperatorAddress)
	require.Equal(t, sdk.TokensFromConsensusPower(30, s.PowerReduction(ctx)), got.Tokens)
	got, err = s.GetValidatorByConsAddr(ctx, cons1)
	require.NoError(t, err)
	require.Equal(t, "b", got.OperatorAddress)

	v3, _, _ := val(3)
	got, err = s.GetValidator(ctx, v3)
	require.NoError(t, err)
	require.Equal(t, stakingtypes.Unbonded, got.Status)

	s.Remove(v1)
	_, err = s.GetValidator(ctx, v1)
	require.ErrorIs(t, err, stakingtypes.ErrNoValidatorFound)
	_, err = s.GetValidatorByConsAddr(ctx, cons1)
	require.ErrorIs(t, err, stakingtypes.ErrNoValidatorFound)
}
