package types_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

func TestEventPostCreatedABCIEventIsTheTypedEvent(t *testing.T) {
	for _, e := range []*types.EventPostCreated{
		{},
		{ID: 1, Author: "social1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du", RootID: 1},
		{
			ID: 18446744073709551615, Author: "social1x", ReplyTo: 7, RootID: 3, QuoteOf: 9,
			Hashtags:  []string{"gm", "ünïcode", `"quoted"`, "<tag>&"},
			Mentioned: []string{"social1a", "social1b"},
			CIDs:      []string{"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"},
		},
	} {
		want, err := sdk.TypedEventToEvent(e)
		require.NoError(t, err)
		require.Equal(t, abci.Event(want), e.ABCIEvent())
		parsed, err := sdk.ParseTypedEvent(e.ABCIEvent())
		require.NoError(t, err)
		require.Equal(t, e.ID, parsed.(*types.EventPostCreated).ID)
		require.Equal(t, len(e.CIDs), len(parsed.(*types.EventPostCreated).CIDs))
	}
}
