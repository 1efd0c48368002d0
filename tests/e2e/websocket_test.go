//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	cmthttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/stretchr/testify/require"
)

// TestWebsocketQueryOnAStringAttribute subscribes on the CometBFT websocket
// with exactly the query docs/clients.md shows for one author's posts: the
// typed event's attribute values are proto3 JSON, so the address is
// matched with its JSON quotes, author='"social1…"'. Another author's post
// does not match; the author's post arrives with its id.
func TestWebsocketQueryOnAStringAttribute(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	alice := newFundedKey(t, home, "alice")
	bob := newFundedKey(t, home, "bob")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "ws_alice", "--from", "alice")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "ws_bob", "--from", "bob")

	ws, err := cmthttp.New(fmt.Sprintf("tcp://127.0.0.1:%d", devRPCPort), "/websocket")
	require.NoError(t, err)
	require.NoError(t, ws.Start())
	defer func() { _ = ws.Stop() }()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	query := `tm.event='Tx' AND socialchain.posts.v1.EventPostCreated.author='"` + alice + `"'`
	events, err := ws.Subscribe(ctx, "e2e", query)
	require.NoError(t, err)

	mustDeliver(t, home, "tx", "posts", "create", "not alice", "--from", "bob")
	mustDeliver(t, home, "tx", "posts", "create", "hello from alice", "--from", "alice")

	select {
	case ev := <-events:
		require.Equal(t, []string{`"` + alice + `"`}, ev.Events["socialchain.posts.v1.EventPostCreated.author"],
			"only alice's post matches: %v", ev.Events)
		require.NotEmpty(t, ev.Events["socialchain.posts.v1.EventPostCreated.id"])
		require.NotContains(t, ev.Events["socialchain.posts.v1.EventPostCreated.author"], `"`+bob+`"`)
	case <-ctx.Done():
		t.Fatalf("no event for %s within a minute", query)
	}
}
