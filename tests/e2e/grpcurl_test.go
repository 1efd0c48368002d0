//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// grpcurl runs the GRPCURL_BIN against the dev chain's plaintext gRPC
// port and returns its combined output.
func grpcurl(t *testing.T, args ...string) (string, error) {
	t.Helper()
	bin := os.Getenv("GRPCURL_BIN")
	require.NotEmpty(t, bin, "GRPCURL_BIN is not set: run `make test-e2e`, which installs grpcurl with scripts/install-grpcurl.sh")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, append([]string{"-plaintext"}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func mustGRPCurl(t *testing.T, args ...string) string {
	t.Helper()
	out, err := grpcurl(t, args...)
	require.NoError(t, err, "grpcurl %s:\n%s", strings.Join(args, " "), out)
	return out
}

// grpcPostView is a PostView as grpcurl prints it (protojson: camelCase
// names, uint64 as strings).
type grpcPostView struct {
	Post struct {
		ID     string `json:"id"`
		Author string `json:"author"`
		Text   string `json:"text"`
	} `json:"post"`
}

// TestGRPCurlOnDevChain: the dev chain's gRPC server answers grpcurl
// through reflection alone (no protos on the client): it lists and
// describes socialchain's services (Msg services too, whose direct calls
// are refused with a pointer to BroadcastTx), reads a post made with the
// CLI, and answers NotFound with a clear message for a missing post.
func TestGRPCurlOnDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	services := strings.Fields(mustGRPCurl(t, devGRPCAddr, "list"))
	for _, s := range []string{
		"socialchain.posts.v1.Query", "socialchain.posts.v1.Msg",
		"socialchain.profiles.v1.Query", "socialchain.profiles.v1.Msg",
		"socialchain.settlement.v1.Query", "socialchain.settlement.v1.Msg",
		"cosmos.bank.v1beta1.Query", "cosmos.tx.v1beta1.Service",
	} {
		require.Contains(t, services, s, "grpcurl list")
	}
	msg := mustGRPCurl(t, devGRPCAddr, "describe", "socialchain.posts.v1.Msg")
	require.Contains(t, msg, "rpc CreatePost ( .socialchain.posts.v1.MsgCreatePost )")
	require.Contains(t, mustGRPCurl(t, devGRPCAddr, "describe", "socialchain.posts.v1.MsgCreatePost"), "message MsgCreatePost {")
	// A Msg takes effect only in a signed tx; a direct call says so.
	out, err := grpcurl(t, "-d", `{}`, devGRPCAddr, "socialchain.posts.v1.Msg/CreatePost")
	require.Error(t, err, out)
	require.Contains(t, out, "Code: Unimplemented", out)
	require.Contains(t, out, "BroadcastTx", out)
	desc := mustGRPCurl(t, devGRPCAddr, "describe", "socialchain.posts.v1.Query")
	require.Contains(t, desc, "socialchain.posts.v1.Query is a service:")
	require.Contains(t, desc, "rpc Post ( .socialchain.posts.v1.QueryPostRequest ) returns ( .socialchain.posts.v1.QueryPostResponse )")
	require.Contains(t, desc, "rpc PostsByAuthor (")

	alice := newFundedKey(t, home, "alice")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--from", "alice")
	mustDeliver(t, home, "tx", "posts", "create", "hello over gRPC", "--from", "alice")

	var byAuthor struct {
		Posts []grpcPostView `json:"posts"`
	}
	out = mustGRPCurl(t, "-d", `{"address":"`+alice+`"}`, devGRPCAddr, "socialchain.posts.v1.Query/PostsByAuthor")
	require.NoError(t, json.Unmarshal([]byte(out), &byAuthor), out)
	require.Len(t, byAuthor.Posts, 1, out)
	id := byAuthor.Posts[0].Post.ID
	require.NotEmpty(t, id)

	var one struct {
		Post grpcPostView `json:"post"`
	}
	out = mustGRPCurl(t, "-d", `{"id":"`+id+`"}`, devGRPCAddr, "socialchain.posts.v1.Query/Post")
	require.NoError(t, json.Unmarshal([]byte(out), &one), out)
	require.Equal(t, id, one.Post.Post.ID)
	require.Equal(t, alice, one.Post.Post.Author)
	require.Equal(t, "hello over gRPC", one.Post.Post.Text)

	out, err = grpcurl(t, "-d", `{"id":"999999"}`, devGRPCAddr, "socialchain.posts.v1.Query/Post")
	require.Error(t, err, "a missing post is an error: %s", out)
	require.Contains(t, out, "Code: NotFound", out)
	require.Contains(t, out, "999999", "the message names the id: %s", out)
}
