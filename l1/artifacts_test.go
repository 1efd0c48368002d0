package l1_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1/bindings"
)

// TestArtifactsAreCurrent catches a contract edited without rerunning
// scripts/l1-build.sh, and bindings out of step with build/.
func TestArtifactsAreCurrent(t *testing.T) {
	raw, err := os.ReadFile("build/solc.json")
	require.NoError(t, err)
	var info struct {
		SourceSha256 map[string]string `json:"sourceSha256"`
	}
	require.NoError(t, json.Unmarshal(raw, &info))

	sources, err := filepath.Glob("contracts/*.sol")
	require.NoError(t, err)
	require.Len(t, info.SourceSha256, len(sources), "contracts added or removed: run scripts/l1-build.sh")
	for _, src := range sources {
		content, err := os.ReadFile(src)
		require.NoError(t, err)
		sum := sha256.Sum256(content)
		require.Equal(t, info.SourceSha256[filepath.ToSlash(src)], hex.EncodeToString(sum[:]),
			"%s changed since the last build: run scripts/l1-build.sh", src)
	}

	bin, err := os.ReadFile("build/SocialchainSettlement.bin")
	require.NoError(t, err)
	require.Equal(t, "0x"+strings.TrimSpace(string(bin)), bindings.SocialchainSettlementMetaData.Bin)
	require.NotEmpty(t, common.FromHex(bindings.SocialchainSettlementMetaData.Bin))

	// abigen embeds the ABI with all whitespace removed.
	abiJSON, err := os.ReadFile("build/SocialchainSettlement.abi")
	require.NoError(t, err)
	stripped := strings.Join(strings.Fields(string(abiJSON)), "")
	require.True(t, stripped == bindings.SocialchainSettlementMetaData.ABI,
		"bindings/ ABI differs from build/: run scripts/l1-build.sh")
}
