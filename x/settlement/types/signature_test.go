package types_test

import (
	"bytes"
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestSignDigestIsLowSAndRecovers(t *testing.T) {
	halfN := new(big.Int).Rsh(crypto.S256().Params().N, 1)
	for i := range 64 {
		key := testKey(t, string(rune('A'+i)))
		digest := crypto.Keccak256Hash([]byte{byte(i)})
		sig, err := types.SignDigest(key, digest)
		require.NoError(t, err)
		s := sig.S()
		require.LessOrEqual(t, new(big.Int).SetBytes(s[:]).Cmp(halfN), 0, "high s")
		require.Contains(t, []uint8{27, 28}, sig.V())
		got, err := sig.Recover(digest)
		require.NoError(t, err)
		require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), got)

		again, err := types.SignDigest(key, digest)
		require.NoError(t, err)
		require.Equal(t, sig, again, "signing is deterministic")
	}
}

func TestRecoverSignerRefusals(t *testing.T) {
	key := testKey(t, "signer")
	digest := crypto.Keccak256Hash([]byte("digest"))
	good, err := types.SignDigest(key, digest)
	require.NoError(t, err)

	highS := good
	n := crypto.S256().Params().N
	s := good.S()
	new(big.Int).Sub(n, new(big.Int).SetBytes(s[:])).FillBytes(highS[32:64])
	highS[64] = 27 + 28 - good[64]

	badV := good
	badV[64] = 29
	zeroR := good
	clear(zeroR[0:32])

	cases := []struct {
		name string
		sig  types.Signature
		want error
	}{
		{"high-s twin of a valid signature is refused", highS, types.ErrHighS},
		{"v other than 27 or 28 is refused", badV, types.ErrMalformedSignature},
		{"zero r is refused", zeroR, types.ErrMalformedSignature},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.sig.Recover(digest)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestSignatureFromBytes(t *testing.T) {
	key := testKey(t, "signer")
	digest := crypto.Keccak256Hash([]byte("digest"))
	raw, err := crypto.Sign(digest[:], key) // v in {0, 1}
	require.NoError(t, err)

	sig, err := types.SignatureFromBytes(raw)
	require.NoError(t, err)
	require.Equal(t, raw[64]+27, sig.V())
	got, err := sig.Recover(digest)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), got)

	_, err = types.SignatureFromBytes(raw[:64])
	require.ErrorIs(t, err, types.ErrMalformedSignature)
	raw[64] = 5
	_, err = types.SignatureFromBytes(raw)
	require.ErrorIs(t, err, types.ErrMalformedSignature)
}

// FuzzRecoverSigner feeds arbitrary bytes where vote extensions and relayed
// signatures enter: decoding and recovery must fail cleanly, never panic,
// and never accept a high-s signature.
func FuzzRecoverSigner(f *testing.F) {
	key := testKey(f, "fuzz")
	digest := crypto.Keccak256Hash([]byte("fuzz"))
	good, err := types.SignDigest(key, digest)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good[:], digest[:])
	f.Add(make([]byte, 65), make([]byte, 32))
	f.Add([]byte{1, 2, 3}, digest[:])
	halfN := new(big.Int).Rsh(crypto.S256().Params().N, 1)
	f.Fuzz(func(t *testing.T, raw, d []byte) {
		if len(d) != 32 {
			return
		}
		sig, err := types.SignatureFromBytes(raw)
		if err != nil {
			return
		}
		if _, err := sig.Recover([32]byte(d)); err == nil {
			s := sig.S()
			if new(big.Int).SetBytes(s[:]).Cmp(halfN) > 0 {
				t.Fatal("high-s signature accepted")
			}
		}
	})
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

// testKey derives a fixed secp256k1 key from a label, so sets, addresses
// and orderings are the same on every run.
func testKey(t testing.TB, label string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("socialchain/l1 test key: " + label)))
	require.NoError(t, err)
	return k
}
