//go:build e2e

package e2e

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/types/descriptorpb"
)

// TestProtoBundleIsSelfContained runs scripts/proto-bundle.sh (`make
// proto-bundle`), which compiles the bundle with buf and only the bundle on
// the include path, and checks its FileDescriptorSet a second way, with Go's
// protodesc: every file resolves its imports within the set, the set is
// exactly the tree on disk, every file under proto/ is in it, and every
// third-party file is needed by one of ours.
func TestProtoBundleIsSelfContained(t *testing.T) {
	out := filepath.Join(t.TempDir(), "proto-bundle")
	script := exec.Command("bash", filepath.Join(repoRoot, "scripts", "proto-bundle.sh"), out)
	log, err := script.CombinedOutput()
	require.NoError(t, err, "scripts/proto-bundle.sh:\n%s", log)

	raw, err := os.ReadFile(out + ".binpb")
	require.NoError(t, err)
	var set descriptorpb.FileDescriptorSet
	require.NoError(t, proto.Unmarshal(raw, &set))
	files, err := protodesc.NewFiles(&set)
	require.NoError(t, err, "the bundle's descriptors do not resolve among themselves")

	var inSet []string
	deps := map[string][]string{}
	for _, f := range set.GetFile() {
		inSet = append(inSet, f.GetName())
		deps[f.GetName()] = f.GetDependency()
	}
	sort.Strings(inSet)
	require.Equal(t, protoFiles(t, out), inSet, "the compiled set and the bundle's tree differ")

	ours := protoFiles(t, filepath.Join(repoRoot, "proto"))
	require.Subset(t, inSet, ours, "a file under proto/ is missing from the bundle")
	needed := map[string]bool{}
	var visit func(string)
	visit = func(name string) {
		if needed[name] {
			return
		}
		needed[name] = true
		for _, d := range deps[name] {
			visit(d)
		}
	}
	for _, f := range ours {
		visit(f)
	}
	for _, f := range inSet {
		require.True(t, needed[f], "%s is in the bundle but nothing under proto/ imports it", f)
	}
	// The imports the issue found unresolvable are there.
	for _, f := range []string{"amino/amino.proto", "gogoproto/gogo.proto", "cosmos_proto/cosmos.proto", "cosmos/msg/v1/msg.proto"} {
		require.Contains(t, inSet, f)
	}
	_, err = files.FindDescriptorByName("socialchain.posts.v1.MsgCreatePost")
	require.NoError(t, err)
}

// TestProtoBundleParsesInGrpcurl has a second parser of .proto source
// (grpcurl's, as protoc's -I) read every file of ours with only the bundle on
// its import path.
func TestProtoBundleParsesInGrpcurl(t *testing.T) {
	bin := os.Getenv("GRPCURL_BIN")
	require.NotEmpty(t, bin, "GRPCURL_BIN is not set: run `make test-e2e`, which installs grpcurl with scripts/install-grpcurl.sh")
	out := filepath.Join(t.TempDir(), "proto-bundle")
	script := exec.Command("bash", filepath.Join(repoRoot, "scripts", "proto-bundle.sh"), out)
	log, err := script.CombinedOutput()
	require.NoError(t, err, "scripts/proto-bundle.sh:\n%s", log)

	args := []string{"-import-path", out}
	for _, f := range protoFiles(t, filepath.Join(repoRoot, "proto")) {
		args = append(args, "-proto", f)
	}
	described, err := exec.Command(bin, append(args, "describe", "socialchain.posts.v1.Msg")...).CombinedOutput()
	require.NoError(t, err, "grpcurl:\n%s", described)
	require.Contains(t, string(described), "rpc CreatePost ( .socialchain.posts.v1.MsgCreatePost )")
}

// TestProtoBundleCompilesWithProtoc compiles every file of the bundle with
// protoc and nothing but the bundle on the include path, as a third-party
// client would (scripts/install-protoc.sh provides protoc), and checks the
// descriptor set it writes holds every file of the tree.
func TestProtoBundleCompilesWithProtoc(t *testing.T) {
	protoc, err := exec.LookPath("protoc")
	require.NoError(t, err, "protoc is not installed: run `make test-e2e`, which runs scripts/install-protoc.sh")
	out := filepath.Join(t.TempDir(), "proto-bundle")
	script := exec.Command("bash", filepath.Join(repoRoot, "scripts", "proto-bundle.sh"), out)
	log, err := script.CombinedOutput()
	require.NoError(t, err, "scripts/proto-bundle.sh:\n%s", log)

	files := protoFiles(t, out)
	setFile := filepath.Join(t.TempDir(), "set.binpb")
	args := append([]string{"-I", out, "--include_imports", "--descriptor_set_out", setFile}, files...)
	compiled, err := exec.Command(protoc, args...).CombinedOutput()
	require.NoError(t, err, "protoc -I <bundle>:\n%s", compiled)

	raw, err := os.ReadFile(setFile)
	require.NoError(t, err)
	var set descriptorpb.FileDescriptorSet
	require.NoError(t, proto.Unmarshal(raw, &set))
	var names []string
	for _, f := range set.GetFile() {
		names = append(names, f.GetName())
	}
	sort.Strings(names)
	require.Equal(t, files, names, "protoc compiled every file of the bundle")
}

// protoFiles lists the .proto files under dir, relative and sorted.
func protoFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".proto") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		names = append(names, filepath.ToSlash(rel))
		return err
	}))
	sort.Strings(names)
	return names
}
