//go:build e2e

// Package e2e runs socialchaind as real processes on loopback: the dev
// chain, the CLI against it, and a multi-validator localnet.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// binary is the socialchaind under test, built once for the whole package.
var binary string

// repoRoot is the repository root (for scripts/).
var repoRoot string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	repoRoot = filepath.Clean(filepath.Join(wd, "..", ".."))

	binary = os.Getenv("SOCIALCHAIND_BIN")
	if binary == "" {
		dir, err := os.MkdirTemp("", "socialchaind-e2e-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		binary = filepath.Join(dir, "socialchaind")
		build := exec.Command("go", "build", "-o", binary, "./cmd/socialchaind")
		build.Dir = repoRoot
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "building socialchaind:", err)
			return 1
		}
	}
	return m.Run()
}
