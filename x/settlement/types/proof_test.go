package types_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
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

func TestRecoverSigner(t *testing.T) {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("types test key")))
	require.NoError(t, err)
	want := crypto.PubkeyToAddress(key.PublicKey)
	digest := crypto.Keccak256([]byte("digest"))
	sig01, err := crypto.Sign(digest, key)
	require.NoError(t, err)
	sig2728 := bytes.Clone(sig01)
	sig2728[64] += 27
	n := crypto.S256().Params().N
	high := bytes.Clone(sig2728)
	new(big.Int).Sub(n, new(big.Int).SetBytes(high[32:64])).FillBytes(high[32:64])
	high[64] = 27 + ((high[64] - 27) ^ 1)
	// The malleable form is a valid signature by the same key; only the
	// low-s rule refuses it.
	raw := bytes.Clone(high)
	raw[64] -= 27
	pub, err := crypto.SigToPub(digest, raw)
	require.NoError(t, err)
	require.Equal(t, want, crypto.PubkeyToAddress(*pub))

	cases := []struct {
		name    string
		digest  []byte
		sig     []byte
		wantErr bool
		errIs   error
	}{
		{name: "v in 0/1 recovers the signer", digest: digest, sig: sig01},
		{name: "v in 27/28 recovers the signer", digest: digest, sig: sig2728},
		{name: "high s is refused", digest: digest, sig: high, wantErr: true, errIs: types.ErrHighS},
		{name: "64-byte signature is refused", digest: digest, sig: sig2728[:64], wantErr: true},
		{name: "66-byte signature is refused", digest: digest, sig: append(bytes.Clone(sig2728), 0), wantErr: true},
		{name: "v of 29 is refused", digest: digest, sig: append(bytes.Clone(sig2728[:64]), 29), wantErr: true},
		{name: "a 31-byte digest is refused", digest: digest[:31], sig: sig2728, wantErr: true},
		{name: "zero r and s are refused", digest: digest, sig: append(make([]byte, 64), 27), wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := types.RecoverSigner(tc.digest, tc.sig)
			if tc.wantErr {
				require.Error(t, err)
				if tc.errIs != nil {
					require.ErrorIs(t, err, tc.errIs)
				}
				return
			}
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}
