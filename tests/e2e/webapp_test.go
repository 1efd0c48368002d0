//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestWebApp runs tests/browser/webapp.mjs in headless Chromium against the
// dev chain: the page at /app/ shows a post made with the CLI (and its image
// from /ipfs/), then, with the recovery phrase of a fresh account that only
// has coins, creates the profile, posts with an uploaded image, replies,
// opens the profile page, follows the CLI poster, and turns on fast posting
// to post through the message lane with an app key generated in the page.
// The chain is checked afterwards for what the page signed. Needs node (18+)
// and Chromium (CHROMIUM_BIN, default /usr/bin/chromium); installs the
// script's npm dependencies with `npm ci` when they are missing. The
// screenshot lands in ARTIFACT_DIR (default build/artifacts).
func TestWebApp(t *testing.T) {
	chromiumBin := envOr("CHROMIUM_BIN", "/usr/bin/chromium")
	_, err := os.Stat(chromiumBin)
	require.NoError(t, err, "TestWebApp needs Chromium (Debian: apt-get install chromium; or set CHROMIUM_BIN)")
	_, err = exec.LookPath("node")
	require.NoError(t, err, "TestWebApp needs node 18+ (Debian: apt-get install nodejs npm)")
	browserDir := filepath.Join(repoRoot, "tests", "browser")
	npmCI(t, browserDir)
	artifactDir := envOr("ARTIFACT_DIR", filepath.Join(repoRoot, "build", "artifacts"))
	screenshot := filepath.Join(artifactDir, "webapp-timeline.png")
	// A screenshot left by an earlier run must not pass for this one.
	if err := os.Remove(screenshot); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	// The post the timeline must show: made with the CLI, with an image
	// uploaded to the node's content API.
	mustDeliver(t, home, "tx", "profiles", "create-profile", "cli_poster", "--display-name", "CLI Poster", "--from", "dev")
	cid, size := uploadPNG(t)
	const seedText, seedAlt = "a post from the CLI with a picture", "a red and blue test pattern"
	attachment := fmt.Sprintf(`{"cid":%q,"mime_type":"image/png","size_bytes":"%d","alt_text":%q}`, cid, size, seedAlt)
	mustDeliver(t, home, "tx", "posts", "create", seedText, "--attachments", attachment, "--from", "dev")

	// The browser's account: a fresh key with coins (so it exists on chain)
	// and no profile; the page creates that.
	out := mustCLI(t, "keys", "add", "browser", "--keyring-backend", "test", "--home", home, "--output", "json")
	var key struct {
		Address  string `json:"address"`
		Mnemonic string `json:"mnemonic"`
	}
	require.NoError(t, json.Unmarshal([]byte(lastJSONLine(out)), &key), out)
	mustDeliver(t, home, "tx", "bank", "send", "dev", key.Address, "1000000usocial")
	const handle = "browser_user"

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	script := exec.CommandContext(ctx, "node", "webapp.mjs")
	script.Dir = browserDir
	script.Env = append(os.Environ(),
		"APP_URL="+devRESTURL+"/app/",
		"MNEMONIC="+key.Mnemonic,
		"HANDLE="+handle,
		"SEED_TEXT="+seedText,
		"SEED_ALT="+seedAlt,
		"CHROMIUM_BIN="+chromiumBin,
		"ARTIFACT_DIR="+artifactDir,
	)
	var log bytes.Buffer
	script.Stdout, script.Stderr = &log, &log
	if err := script.Run(); err != nil {
		t.Fatalf("webapp.mjs: %v (a screenshot of the failure is in %s):\n%s", err, artifactDir, log.String())
	}
	t.Logf("webapp.mjs:\n%s", log.String())

	st, err := os.Stat(screenshot)
	require.NoError(t, err)
	require.Positive(t, st.Size())

	// What the page signed is on chain: its profile, a post, a reply, the
	// app key and the post made through the lane.
	var profile struct {
		Profile struct {
			Owner      string `json:"owner"`
			PostsCount string `json:"posts_count"`
		} `json:"profile"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/handles/"+handle, &profile)
	require.Equal(t, key.Address, profile.Profile.Owner)
	require.Equal(t, "3", profile.Profile.PostsCount)
	var posts restPostList
	getJSON(t, devRESTURL+"/socialchain/posts/v1/authors/"+key.Address+"/posts", &posts)
	require.Len(t, posts.Posts, 3)
	lanePost, reply, post := posts.Posts[0].Post, posts.Posts[1].Post, posts.Posts[2].Post
	require.Contains(t, lanePost.Text, "posted through the lane")
	require.Equal(t, []string{"fast"}, lanePost.Hashtags)
	var appKeys struct {
		AppKeys []struct {
			Scopes []string `json:"scopes"`
		} `json:"app_keys"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+key.Address+"/app_keys", &appKeys)
	require.Len(t, appKeys.AppKeys, 1, "the page registered one app key")
	require.Equal(t, []string{"posts"}, appKeys.AppKeys[0].Scopes)
	require.Contains(t, post.Text, "hello from headless chromium")
	require.Equal(t, []string{"webapp"}, post.Hashtags)
	var full struct {
		Post struct {
			Post struct {
				Attachments []struct {
					MimeType  string `json:"mime_type"`
					SizeBytes string `json:"size_bytes"`
					AltText   string `json:"alt_text"`
				} `json:"attachments"`
			} `json:"post"`
		} `json:"post"`
	}
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts/"+post.ID, &full)
	require.Len(t, full.Post.Post.Attachments, 1, "the page uploads the image and attaches it")
	att := full.Post.Post.Attachments[0]
	require.Equal(t, "image/png", att.MimeType)
	require.Equal(t, "a dot drawn by the test", att.AltText)
	require.NotEqual(t, "0", att.SizeBytes)
	require.Equal(t, post.ID, reply.ReplyTo)
	require.Equal(t, "a reply typed in the browser", reply.Text)
	devAddr := mustCLIValue(t, "keys", "show", "dev", "-a", "--keyring-backend", "test", "--home", home)
	var rel struct {
		Follows bool `json:"follows"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/relationship/"+key.Address+"/"+devAddr, &rel)
	require.True(t, rel.Follows, "the page's Follow button followed the CLI poster")
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// npmCI installs the browser script's pinned dependencies unless they are
// already there.
func npmCI(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "playwright-core", "package.json")); err == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "npm ci in %s:\n%s", dir, out)
}

// uploadPNG stores a small PNG on the dev node's content API and returns
// its CID and size.
func uploadPNG(t *testing.T) (string, int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := range 8 {
		for y := range 8 {
			c := color.RGBA{R: 220, A: 255}
			if x >= 4 {
				c = color.RGBA{B: 220, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	resp, err := http.Post(devRESTURL+"/socialchain/content/v1/blobs", "application/octet-stream", bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	defer resp.Body.Close()
	var blob struct {
		CID  string `json:"cid"`
		Size int    `json:"size"`
	}
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&blob))
	require.True(t, strings.HasPrefix(blob.CID, "Qm"), blob.CID)
	require.Equal(t, buf.Len(), blob.Size)
	return blob.CID, blob.Size
}
