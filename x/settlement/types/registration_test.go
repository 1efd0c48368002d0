package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestRegistrationDigestBindsEveryField(t *testing.T) {
	base := types.RegistrationDigest("socialvaloper1abc", "socialchain-1", 1, 0)
	require.Len(t, base, 32)
	variants := map[string][]byte{
		"another validator":      types.RegistrationDigest("socialvaloper1abd", "socialchain-1", 1, 0),
		"another cosmos chain":   types.RegistrationDigest("socialvaloper1abc", "socialchain-2", 1, 0),
		"another L1 chain":       types.RegistrationDigest("socialvaloper1abc", "socialchain-1", 2, 0),
		"another nonce":          types.RegistrationDigest("socialvaloper1abc", "socialchain-1", 1, 1),
		"fields shifted between": types.RegistrationDigest("socialvaloper1ab", "csocialchain-1", 1, 0),
	}
	for name, d := range variants {
		require.NotEqual(t, base, d, name)
	}
	require.Equal(t, base, types.RegistrationDigest("socialvaloper1abc", "socialchain-1", 1, 0), "deterministic")
}
