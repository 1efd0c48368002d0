package addresscodec_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	sdkcodec "github.com/cosmos/cosmos-sdk/codec/address"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"

	"github.com/socialchain/socialchain/internal/addresscodec"
)

const prefix = "social"

// pairs are each codec of this package beside the SDK codec it replaces.
func pairs() map[string][2]address.Codec {
	return map[string][2]address.Codec{
		"keepers": {addresscodec.NewBech32Codec(prefix), authcodec.NewBech32Codec(prefix)},
		"signing": {addresscodec.NewSigningBech32Codec(prefix), sdkcodec.Bech32Codec{Bech32Prefix: prefix}},
	}
}

// sampleBytes are addresses of every interesting length.
var sampleBytes = [][]byte{
	nil, {}, {1}, bytes.Repeat([]byte{7}, 20), bytes.Repeat([]byte{0xff}, 32), bytes.Repeat([]byte{3}, 255), bytes.Repeat([]byte{3}, 256),
}

// sampleStrings are addresses valid and not: the encodings of sampleBytes,
// then blanks, other prefixes, broken checksums and non-bech32 text.
func sampleStrings() []string {
	ref := authcodec.NewBech32Codec(prefix)
	other := authcodec.NewBech32Codec("cosmos")
	var out []string
	for _, bz := range sampleBytes {
		if s, err := ref.BytesToString(bz); err == nil {
			out = append(out, s, strings.ToUpper(s), s[:len(s)-1]+"q")
		}
		if s, err := other.BytesToString(bz); err == nil {
			out = append(out, s)
		}
	}
	return append(out, "", " ", "\t\n", "social", "social1", "not an address", "social1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")
}

// TestCodecsConvertAsTheSDKCodecsDo checks every sample both ways against
// the SDK codec each codec replaces: same bytes or string, same error.
func TestCodecsConvertAsTheSDKCodecsDo(t *testing.T) {
	for name, p := range pairs() {
		ours, sdk := p[0], p[1]
		t.Run(name, func(t *testing.T) {
			for _, bz := range sampleBytes {
				wantS, wantErr := sdk.BytesToString(bz)
				gotS, gotErr := ours.BytesToString(bz)
				require.Equal(t, wantS, gotS, "BytesToString(%x)", bz)
				require.Equal(t, errString(wantErr), errString(gotErr), "BytesToString(%x)", bz)
			}
			for _, s := range sampleStrings() {
				wantBz, wantErr := sdk.StringToBytes(s)
				gotBz, gotErr := ours.StringToBytes(s)
				require.Equal(t, wantBz, gotBz, "StringToBytes(%q)", s)
				require.Equal(t, errString(wantErr), errString(gotErr), "StringToBytes(%q)", s)
			}
		})
	}
}

// FuzzStringToBytes checks that any text decodes, or fails, as the SDK
// codec decodes it: addresses are user input at every trust boundary.
func FuzzStringToBytes(f *testing.F) {
	for _, s := range sampleStrings() {
		f.Add(s)
	}
	ours, sdk := addresscodec.NewBech32Codec(prefix), authcodec.NewBech32Codec(prefix)
	f.Fuzz(func(t *testing.T, s string) {
		wantBz, wantErr := sdk.StringToBytes(s)
		gotBz, gotErr := ours.StringToBytes(s)
		require.Equal(t, wantBz, gotBz)
		require.Equal(t, errString(wantErr), errString(gotErr))
	})
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// BenchmarkStringToBytes decodes a 20-byte account address with the SDK's
// codec (sdk) and this package's (addresscodec).
func BenchmarkStringToBytes(b *testing.B) {
	s, err := authcodec.NewBech32Codec(prefix).BytesToString(bytes.Repeat([]byte{7}, 20))
	require.NoError(b, err)
	for name, c := range map[string]address.Codec{
		"sdk":          authcodec.NewBech32Codec(prefix),
		"addresscodec": addresscodec.NewBech32Codec(prefix),
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.StringToBytes(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBytesToString encodes a 20-byte account address; neither codec
// reads the config here, so both should be the same.
func BenchmarkBytesToString(b *testing.B) {
	bz := bytes.Repeat([]byte{7}, 20)
	for name, c := range map[string]address.Codec{
		"sdk":          authcodec.NewBech32Codec(prefix),
		"addresscodec": addresscodec.NewBech32Codec(prefix),
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.BytesToString(bz); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestDecodeFieldWrapsTheCallersError(t *testing.T) {
	errInvalid := errorsmod.Register("addresscodec_test", 2, "invalid address")
	c := addresscodec.NewBech32Codec(prefix)
	want := bytes.Repeat([]byte{7}, 20)
	s, err := c.BytesToString(want)
	require.NoError(t, err)

	got, err := addresscodec.DecodeField(c, errInvalid, "owner", s)
	require.NoError(t, err)
	require.Equal(t, want, []byte(got))

	_, err = addresscodec.DecodeField(c, errInvalid, "owner", "")
	require.ErrorIs(t, err, errInvalid)
	require.EqualError(t, err, "owner is empty: invalid address")

	_, err = addresscodec.DecodeField(c, errInvalid, "owner", "cosmos1nope")
	require.ErrorIs(t, err, errInvalid)
	require.ErrorContains(t, err, `owner "cosmos1nope": `)
}
