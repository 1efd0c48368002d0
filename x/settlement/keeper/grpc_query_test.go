package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestQueries(t *testing.T) {
	t.Run("before any checkpoint the latest checkpoint and signer set are not found", func(t *testing.T) {
		f := newFixture(t)
		_, err := f.query.LatestCheckpoint(f.ctx, &types.QueryLatestCheckpointRequest{})
		require.ErrorIs(t, err, types.ErrCheckpointNotFound)
		_, err = f.query.LatestSignerSet(f.ctx, &types.QueryLatestSignerSetRequest{})
		require.ErrorIs(t, err, types.ErrSignerNotFound)
		_, err = f.query.Checkpoint(f.ctx, nil)
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})

	f := busyFixture(t)
	latest, err := f.query.LatestCheckpoint(f.ctx, &types.QueryLatestCheckpointRequest{})
	require.NoError(t, err)
	require.EqualValues(t, 3, latest.Checkpoint.Checkpoint.Number)

	first, err := f.query.Checkpoint(f.ctx, &types.QueryCheckpointRequest{Epoch: 1})
	require.NoError(t, err)
	require.True(t, first.Checkpoint.Final)
	require.Len(t, first.Checkpoint.Signatures, 3)
	_, err = f.query.Checkpoint(f.ctx, &types.QueryCheckpointRequest{Epoch: 9})
	require.ErrorIs(t, err, types.ErrCheckpointNotFound)

	set, err := f.query.LatestSignerSet(f.ctx, &types.QueryLatestSignerSetRequest{})
	require.NoError(t, err)
	require.EqualValues(t, 1, set.SignerSet.Nonce)

	page, err := f.query.Signers(f.ctx, &types.QuerySignersRequest{Pagination: &query.PageRequest{Limit: 3, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, page.Signers, 3)
	require.EqualValues(t, 4, page.Pagination.Total)
	rest, err := f.query.Signers(f.ctx, &types.QuerySignersRequest{Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, rest.Signers, 1)
	all, err := f.query.Signers(f.ctx, nil)
	require.NoError(t, err)
	require.Len(t, all.Signers, 4)

	params, err := f.query.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, f.params(t), params.Params)
}
