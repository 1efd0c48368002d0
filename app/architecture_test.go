package app_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// dependencyRules say which of this module's packages each package may
// import (docs/architecture.md, "Dependency rules"). Paths are relative to
// the module; "a/..." is a and everything under it, "*" one path element,
// and "{m}" in a row's from is the module a row is about, so "x/{m}/..."
// may import its own tree. The first row whose from matches a package is
// its rule; every package must match one. The shared helpers (internal/...
// and the generated api/...) are open to all and need no mention. The
// rules hold for what a package compiles into the binary (not for its
// tests, which may wire real neighbours as fixtures).
var dependencyRules = []dependencyRule{
	{"cmd/...", []string{"cmd/...", "app", "p2p/...", "l1/...", "indexer/...", "loadtest", "x/*/types", "x/*/client/cli"},
		"cmd adds commands: it reaches the modules through app, their types and their CLIs, never their keepers"},
	{"app", []string{"app/rest", "x/...", "p2p/...", "l1/...", "web", "docs"},
		"app wires the modules, the content node and the L1 tools together"},
	{"app/rest", []string{"p2p/...", "web", "docs"},
		"the REST surface serves the content node, the web app and the OpenAPI document; it knows no module"},
	{"loadtest", []string{"app", "x/*/types"},
		"the load generator builds transactions from the modules' types"},
	{"indexer/...", []string{"indexer/...", "x/*/types"},
		"the indexer reads the chain's events and types"},
	{"p2p/...", []string{"p2p/..."},
		"the content node knows no module"},
	{"l1/...", []string{"l1/...", "x/settlement/types"},
		"the L1 tools know x/settlement's types only, and no social module"},
	{"x/posts/...", []string{"x/posts/...", "x/profiles/types"},
		"x/posts reaches x/profiles through its expected-keeper interface (x/posts/types), so at most x/profiles/types"},
	{"x/messages/...", []string{"x/messages/...", "x/posts/types", "x/posts/keeper", "x/profiles/types", "x/profiles/keeper"},
		"the message lane applies messages through the social modules' exported keeper methods"},
	{"x/settlement/...", []string{"x/settlement/..."},
		"x/settlement knows no social module; the app supplies what it must know of them"},
	{"x/{m}/...", []string{"x/{m}/..."},
		"a module imports its own packages only (and never app, cmd, p2p or l1)"},
	{"internal/...", nil, "shared helpers know no part of the application"},
	// No row lets a package import testutil/, so only _test.go files can.
	{"testutil/...", []string{"testutil/...", "x/..."},
		"test support: doubles and benchmark fixtures that build real keepers"},
	{"api/...", nil, "generated protobuf code"},
	{"web", nil, "the browser app's files and handler"},
	{"docs", nil, "embedded documents (the OpenAPI file)"},
	{"scripts/...", nil, "build tools"},
}

// dependencyRule is one row: packages matching from may import what
// matches may, for the reason why.
type dependencyRule struct {
	from string
	may  []string
	why  string
}

// sharedHelpers are open to every package.
var sharedHelpers = []string{"internal/...", "api/..."}

// matchPath reports whether path matches pattern, and the value "{m}"
// took.
func matchPath(pattern, path string) (bool, string) {
	tree := strings.HasSuffix(pattern, "/...")
	pat := strings.Split(strings.TrimSuffix(pattern, "/..."), "/")
	elems := strings.Split(path, "/")
	if len(elems) < len(pat) || (!tree && len(elems) != len(pat)) {
		return false, ""
	}
	var m string
	for i, p := range pat {
		switch p {
		case "*":
		case "{m}":
			m = elems[i]
		default:
			if p != elems[i] {
				return false, ""
			}
		}
	}
	return true, m
}

// ruleFor returns the rule of pkg and the module "{m}" stands for in it.
func ruleFor(pkg string) (dependencyRule, string, bool) {
	for _, rule := range dependencyRules {
		if ok, m := matchPath(rule.from, pkg); ok {
			return rule, m, true
		}
	}
	return dependencyRule{}, "", false
}

// importViolation explains why from may not import imp, or is "" when it
// may. A package without a rule is a violation too: the table must say
// where every package stands.
func importViolation(from, imp string) string {
	rule, m, ok := ruleFor(from)
	if !ok {
		return from + " has no row in dependencyRules (app/architecture_test.go): add one"
	}
	may := make([]string, 0, len(rule.may)+len(sharedHelpers))
	for _, pattern := range append(slices.Clone(rule.may), sharedHelpers...) {
		pattern = strings.ReplaceAll(pattern, "{m}", m)
		if matched, _ := matchPath(pattern, imp); matched {
			return ""
		}
		may = append(may, pattern)
	}
	return fmt.Sprintf("%s imports %s, which the rule for %s forbids: %s (it may import %s)",
		from, imp, rule.from, rule.why, strings.Join(may, ", "))
}

func TestArchitectureRuleTable(t *testing.T) {
	cases := []struct {
		name, from, imp string
		allowed         bool
	}{
		{"x/posts may use x/profiles' types", "x/posts/keeper", "x/profiles/types", true},
		{"x/posts may not use x/profiles' keeper", "x/posts/keeper", "x/profiles/keeper", false},
		{"x/messages may use the social keepers", "x/messages/keeper", "x/posts/keeper", true},
		{"x/messages may not use settlement", "x/messages/keeper", "x/settlement/keeper", false},
		{"x/settlement may not know posts", "x/settlement/keeper", "x/posts/types", false},
		{"a module may use its own packages", "x/profiles/keeper", "x/profiles/types", true},
		{"a new module may use its own packages", "x/moderation/keeper", "x/moderation/types", true},
		{"a new module may not use another's", "x/moderation/keeper", "x/posts/types", false},
		{"no module may import app", "x/posts/keeper", "app", false},
		{"no module may import p2p", "x/profiles/types", "p2p", false},
		{"no module may import l1", "x/settlement/types", "l1", false},
		{"no module may import cmd", "x/settlement/abci", "cmd/socialchaind/cmd", false},
		{"every package may use internal helpers", "x/settlement/client/cli", "internal/ethkey", true},
		{"l1 may use settlement's types", "l1/relayer", "x/settlement/types", true},
		{"l1 may not use settlement's keeper", "l1/proof", "x/settlement/keeper", false},
		{"l1 may not know posts", "l1/proof", "x/posts/types", false},
		{"cmd may use a module's CLI", "cmd/socialchaind/cmd", "x/messages/client/cli", true},
		{"cmd may not use a keeper", "cmd/socialchaind/cmd", "x/posts/keeper", false},
		{"cmd may use l1", "cmd/socialchaind/cmd", "l1/cli", true},
		{"app may use l1", "app", "l1/proof", true},
		{"p2p may not know a module", "p2p", "x/posts/types", false},
		{"internal helpers may not know a module", "internal/textrules", "x/posts/types", false},
		{"app may use its REST surface", "app", "app/rest", true},
		{"the REST surface may use the content node", "app/rest", "p2p", true},
		{"the REST surface may not know a module", "app/rest", "x/posts/types", false},
		{"test support may build real keepers", "testutil/benchfixture", "x/posts/keeper", true},
		{"the binary may not link test support", "app", "testutil", false},
		{"a module may not link test support", "x/settlement/keeper", "testutil", false},
		{"a package without a row is refused", "tools/gen", "internal/resterr", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			why := importViolation(tc.from, tc.imp)
			if tc.allowed {
				require.Empty(t, why)
			} else {
				require.NotEmpty(t, why)
				require.Contains(t, why, tc.from)
			}
		})
	}
}

// listedPackage is what TestArchitecture reads of `go list -json`.
type listedPackage struct {
	ImportPath string
	GoFiles    []string
	Imports    []string
	Module     *struct{ Path string }
	Error      *struct{ Err string }
}

// TestArchitecture checks every package of the module against
// dependencyRules, from its imports as `go list` reports them.
func TestArchitecture(t *testing.T) {
	// go test runs with a go command; without one the rules go unchecked,
	// which must fail, not pass as skipped.
	_, err := exec.LookPath("go")
	require.NoError(t, err, "the go command lists the packages")
	cmd := exec.Command("go", "list", "-json", "github.com/socialchain/socialchain/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "go list: %s", stderr.String())

	dec := json.NewDecoder(bytes.NewReader(out))
	var checked int
	for {
		var p listedPackage
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		require.Nil(t, p.Error, "go list %s", p.ImportPath)
		if len(p.GoFiles) == 0 || p.Module == nil {
			continue // only tests here (tests/e2e), or not ours
		}
		prefix := p.Module.Path + "/"
		from := strings.TrimPrefix(p.ImportPath, prefix)
		if _, _, ok := ruleFor(from); !ok {
			t.Errorf("%s has no row in dependencyRules: add one", from)
			continue
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, prefix) {
				continue
			}
			if why := importViolation(from, strings.TrimPrefix(imp, prefix)); why != "" {
				t.Error(why)
			}
		}
		checked++
	}
	require.Greater(t, checked, 30, "go list found too few packages")
}
