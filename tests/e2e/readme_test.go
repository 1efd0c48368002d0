//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// readmeTourHeading starts the README section TestReadmeTour runs.
const readmeTourHeading = "## A five-minute tour with the CLI"

// readmeTourCommands returns the command lines of the sh blocks of the
// README's tour section, in order, comments and blank lines left out.
func readmeTourCommands(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	text := string(readme)
	start := strings.Index(text, readmeTourHeading)
	require.NotEqual(t, -1, start, "README.md has no %q section", readmeTourHeading)
	section := text[start+len(readmeTourHeading):]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	var lines []string
	for _, block := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(section, -1) {
		for _, line := range strings.Split(block[1], "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				lines = append(lines, line)
			}
		}
	}
	require.NotEmpty(t, lines, "the tour has no sh blocks")
	return lines
}

// TestReadmeTour runs the README's five-minute tour as written, against
// `socialchaind dev` in its default home (~/.socialchain of a temporary
// HOME), with `socialchaind` on the PATH: every command must succeed, the
// post id the tx prints must be the one the tour then proves, and the
// proof must verify on the dev L1. Placeholders the tour asks the reader to
// fill in (the contract address dev prints, a message hash) are the only
// text the test replaces; a README that drifts from the CLI fails here.
func TestReadmeTour(t *testing.T) {
	home := t.TempDir()
	env := append(os.Environ(),
		"HOME="+home,
		"PATH="+filepath.Dir(binary)+string(os.PathListSeparator)+os.Getenv("PATH"),
	)
	devOut, err := os.Create(filepath.Join(t.TempDir(), "dev.out"))
	require.NoError(t, err)
	dev := exec.Command(binary, "dev")
	dev.Env, dev.Stdout, dev.Stderr = env, devOut, devOut
	require.NoError(t, dev.Start())
	d := &devChain{cmd: dev, out: devOut, exited: make(chan error, 1)}
	go func() { d.exited <- dev.Wait() }()
	t.Cleanup(func() {
		if dev.ProcessState == nil {
			_ = dev.Process.Kill()
		}
	})
	waitForHeight(t, devRPCPort, 3, 90*time.Second)
	contract := regexp.MustCompile(`settlement contract (0x[0-9a-fA-F]{40})`).FindStringSubmatch(d.output(t))
	require.NotNil(t, contract, "dev prints the settlement contract:\n%s", d.output(t))

	// The values the reader fills in, each from what an earlier step printed.
	var laneHash string
	placeholders := map[string]func() string{
		"<settlement contract printed by dev>": func() string { return contract[1] },
		"messages status HASH":                 func() string { return "messages status " + laneHash },
	}

	run := func(line string) string {
		t.Helper()
		for placeholder, value := range placeholders {
			if strings.Contains(line, placeholder) {
				line = strings.ReplaceAll(line, placeholder, value())
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
		defer cancel()
		var out bytes.Buffer
		sh := exec.CommandContext(ctx, "bash", "-c", line)
		sh.Env, sh.Dir, sh.Stdout, sh.Stderr = env, home, &out, &out
		require.NoError(t, sh.Run(), "README tour: %s\n%s", line, out.String())
		return out.String()
	}

	postIDLine := regexp.MustCompile(`(?m)^post_id: (\d+)$`)
	proveArg := regexp.MustCompile(`settlement prove post (\d+)`)
	assignment := regexp.MustCompile(`^([A-Z_]+)=\$\((.*)\)$`)
	var postID string
	var proved, verified bool
	for _, line := range readmeTourCommands(t) {
		if m := assignment.FindStringSubmatch(line); m != nil {
			value := strings.TrimSpace(run(m[2]))
			env = append(env, m[1]+"="+value)
			continue
		}
		out := run(line)
		switch {
		case strings.HasPrefix(line, "socialchaind tx posts create"):
			m := postIDLine.FindStringSubmatch(out)
			require.NotNil(t, m, "tx posts create prints the new post id:\n%s", out)
			postID = m[1]
		case proveArg.MatchString(line):
			require.Equal(t, postID, proveArg.FindStringSubmatch(line)[1], "the tour proves the post it created")
			require.Contains(t, out, "wrote the proof of post "+postID)
			proved = true
		case strings.HasPrefix(line, "socialchaind settlement verify"):
			require.Contains(t, out, "valid: post "+postID)
			verified = true
		case strings.HasPrefix(line, "socialchaind messages post"):
			m := regexp.MustCompile(`(?m)^hash: ([0-9a-f]{64})$`).FindStringSubmatch(out)
			require.NotNil(t, m, "messages post prints the message hash:\n%s", out)
			laneHash = m[1]
			require.Contains(t, out, "MESSAGE_STATUS_INCLUDED")
		}
	}
	require.NotEmpty(t, postID, "the tour creates a post")
	require.True(t, proved && verified, "the tour proves and verifies the post")
	require.NotEmpty(t, laneHash, "the tour posts through the lane")
	d.stop(t)
}
