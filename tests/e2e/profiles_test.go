//go:build e2e

package e2e

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type restProfile struct {
	Profile struct {
		Owner          string `json:"owner"`
		Handle         string `json:"handle"`
		DisplayName    string `json:"display_name"`
		Bio            string `json:"bio"`
		FollowersCount string `json:"followers_count"`
		FollowingCount string `json:"following_count"`
	} `json:"profile"`
}

// TestProfilesOnDevChain runs the profiles CLI and REST API against a dev
// chain: two profiles, a follow, both lists over REST, and each bad input
// refused with the state unchanged.
func TestProfilesOnDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	alice := newFundedKey(t, home, "alice")
	bob := newFundedKey(t, home, "bob")

	// The README/issue examples, verbatim apart from --home.
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--display-name", "Alice", "--bio", "hi", "--from", "alice")
	// A bio at the 500-rune limit fits in a tx with the default gas.
	longBio := strings.Repeat("ü", 500)
	mustDeliver(t, home, "tx", "profiles", "create-profile", "bob", "--bio", longBio, "--from", "bob")
	out := mustCLI(t, "query", "profiles", "handle", "alice", "--home", home)
	require.Contains(t, out, "display_name: Alice")

	mustDeliver(t, home, "tx", "profiles", "follow", alice, "--from", "bob")

	var byAddr, byHandle restProfile
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+alice, &byAddr)
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/handles/alice", &byHandle)
	require.Equal(t, byAddr, byHandle)
	require.Equal(t, "hi", byAddr.Profile.Bio)
	require.Equal(t, "1", byAddr.Profile.FollowersCount)

	var followers struct {
		Followers []string `json:"followers"`
		Total     string   `json:"total"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+alice+"/followers", &followers)
	require.Equal(t, []string{bob}, followers.Followers)
	require.Equal(t, "1", followers.Total)
	var following struct {
		Following []string `json:"following"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+bob+"/following", &following)
	require.Equal(t, []string{alice}, following.Following)
	var rel map[string]bool
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/relationship/"+bob+"/"+alice, &rel)
	require.True(t, rel["follows"])

	// Updating only the bio leaves the display name alone.
	mustDeliver(t, home, "tx", "profiles", "update-profile", "--bio", "new bio", "--from", "alice")
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+alice, &byAddr)
	require.Equal(t, "new bio", byAddr.Profile.Bio)
	require.Equal(t, "Alice", byAddr.Profile.DisplayName)

	resp, err := http.Get(devRESTURL + "/socialchain/profiles/v1/handles/nobody")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusNotFound, resp.StatusCode)

	stateOf := func() string {
		return mustCLI(t, "query", "profiles", "profiles", "--output", "json", "--home", home) +
			mustCLI(t, "query", "profiles", "following", bob, "--output", "json", "--home", home)
	}
	before := stateOf()
	refused := []struct {
		name string
		args []string
		want string
	}{
		{"uppercase handle", []string{"tx", "profiles", "create-profile", "Carol", "--from", "dev"}, "uppercase letters are not allowed"},
		{"taken handle", []string{"tx", "profiles", "create-profile", "alice", "--from", "dev"}, "handle already taken"},
		{"second profile", []string{"tx", "profiles", "create-profile", "alice2", "--from", "alice"}, "already has a profile"},
		{"reserved handle", []string{"tx", "profiles", "create-profile", "admin", "--from", "dev"}, "handle is reserved"},
		{"over-long bio", []string{"tx", "profiles", "update-profile", "--bio", strings.Repeat("x", 501), "--from", "alice"}, "the limit is 500"},
		{"bad avatar CID", []string{"tx", "profiles", "update-profile", "--avatar-cid", "not-a-cid", "--from", "alice"}, "invalid CID"},
		{"self-follow", []string{"tx", "profiles", "follow", alice, "--from", "alice"}, "cannot follow or block yourself"},
		{"following twice", []string{"tx", "profiles", "follow", alice, "--from", "bob"}, "already follows"},
		{"follow without a profile", []string{"tx", "profiles", "follow", alice, "--from", "dev"}, "profile not found"},
	}
	for _, tc := range refused {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			res := deliverTx(t, home, tc.args...)
			require.NotZero(t, res.Code)
			require.Contains(t, res.RawLog, tc.want)
		})
	}
	require.Equal(t, before, stateOf(), "refused txs changed the state")

	// Blocking removes the follow, and the blocked account cannot follow back.
	mustDeliver(t, home, "tx", "profiles", "block", bob, "--from", "alice")
	res := deliverTx(t, home, "tx", "profiles", "follow", alice, "--from", "bob")
	require.NotZero(t, res.Code)
	require.Contains(t, res.RawLog, "has blocked")
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+alice, &byAddr)
	require.Equal(t, "0", byAddr.Profile.FollowersCount)
}
