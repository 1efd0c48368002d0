package types_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/messages/types"
)

func TestABCIEventIsTheTypedEvent(t *testing.T) {
	for _, e := range []*types.EventMessageApplied{
		{Hash: vectorHash, Author: vectorAuthor, Kind: types.KindCreatePost, Status: types.StatusIncluded},
		{Hash: vectorHash, Author: vectorAuthor, Kind: types.KindReact, Status: types.StatusFailed, Error: `post 7: "quoted" <tag> & ünïcode 🔥 \ back`},
		{},
	} {
		want, err := sdk.TypedEventToEvent(e)
		require.NoError(t, err)
		require.Equal(t, abci.Event(want), e.ABCIEvent())
		parsed, err := sdk.ParseTypedEvent(e.ABCIEvent())
		require.NoError(t, err)
		require.Equal(t, e, parsed)
	}
}
