package app

import (
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client/flags"
)

// homeOption gives the app a home, where its message pool lives.
type homeOption string

func (h homeOption) Get(key string) any {
	if key == flags.FlagHome {
		return string(h)
	}
	return nil
}

// TestCloseTwiceClosesOnce: the SDK's server calls Close twice when
// CometBFT runs in process (a node stopped with SIGINT panicked on the
// second call, closing the lane gossip's channel again).
func TestCloseTwiceClosesOnce(t *testing.T) {
	a := NewSocialApp(log.NewNopLogger(), dbm.NewMemDB(), false, homeOption(t.TempDir()))
	a.laneGossip = newLaneGossip(nil, log.NewNopLogger())
	first := a.Close()
	require.NotPanics(t, func() { require.Equal(t, first, a.Close()) })
}
