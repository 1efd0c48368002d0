package benchfixture

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestRemoveAbandonedBuildsKeepsLiveOnes(t *testing.T) {
	final := filepath.Join(t.TempDir(), "posts-v1-10")
	live := fmt.Sprintf("%s.building-%d", final, os.Getpid())
	dead := final + ".building-4194305" // above Linux's pid_max: no such process
	for _, dir := range []string{live, dead} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	removeAbandonedBuilds(final)
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the build of a running process was removed: %v", err)
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the build of a gone process is still there (stat: %v)", err)
	}
}
