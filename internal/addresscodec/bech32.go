// Package addresscodec is the bech32 address codec of socialchain's keepers
// and of tx signing. It converts exactly as the SDK's bech32 codecs do,
// without their per-call cost: each of their StringToBytes calls checks the
// address with sdk.VerifyAddressFormat, which calls sdk.GetConfig, and
// GetConfig builds its registry key from os.Executable, os.Hostname and
// fmt.Sprintf under a global mutex on every call. That was about 4% of a
// node's CPU under load. This codec reads the config's address verifier
// once, when it is built.
package addresscodec

import (
	"errors"
	"strings"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkaddress "github.com/cosmos/cosmos-sdk/types/address"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// Bech32Codec converts addresses of one bech32 prefix. Build it with
// NewBech32Codec or NewSigningBech32Codec after the process's sdk.Config
// is set up (prefixes, and the address verifier if any): it reads the
// verifier then, not per call.
type Bech32Codec struct {
	prefix string
	// verify is sdk.Config's address verifier; nil checks the length only,
	// as sdk.VerifyAddressFormat does.
	verify func([]byte) error
	// blankEmpty makes BytesToString of no bytes "", as codec/address's
	// codec does; x/auth/codec's encodes them as the prefix and a checksum.
	blankEmpty bool
}

var _ address.Codec = Bech32Codec{}

// NewBech32Codec returns the codec x/auth/codec.NewBech32Codec(prefix)
// returns, minus the per-call config read: the keepers' codec.
func NewBech32Codec(prefix string) Bech32Codec {
	return Bech32Codec{prefix: prefix, verify: sdk.GetConfig().GetAddressVerifier()}
}

// NewSigningBech32Codec returns the codec codec/address.Bech32Codec{prefix}
// is, minus the per-call config read: the codec of the signing context,
// which finds each message's signers.
func NewSigningBech32Codec(prefix string) Bech32Codec {
	c := NewBech32Codec(prefix)
	c.blankEmpty = true
	return c
}

// StringToBytes decodes a bech32 address of the codec's prefix.
func (c Bech32Codec) StringToBytes(text string) ([]byte, error) {
	if len(strings.TrimSpace(text)) == 0 {
		return []byte{}, errors.New("empty address string is not allowed")
	}
	hrp, bz, err := bech32.DecodeAndConvert(text)
	if err != nil {
		return nil, err
	}
	if hrp != c.prefix {
		return nil, errorsmod.Wrapf(sdkerrors.ErrLogic, "hrp does not match bech32 prefix: expected '%s' got '%s'", c.prefix, hrp)
	}
	if err := c.verifyFormat(bz); err != nil {
		return nil, err
	}
	return bz, nil
}

// BytesToString encodes bz as a bech32 address of the codec's prefix.
func (c Bech32Codec) BytesToString(bz []byte) (string, error) {
	if c.blankEmpty && len(bz) == 0 {
		return "", nil
	}
	return bech32.ConvertAndEncode(c.prefix, bz)
}

// verifyFormat is sdk.VerifyAddressFormat with the verifier read once.
func (c Bech32Codec) verifyFormat(bz []byte) error {
	if c.verify != nil {
		return c.verify(bz)
	}
	if len(bz) == 0 {
		return errorsmod.Wrap(sdkerrors.ErrUnknownAddress, "addresses cannot be empty")
	}
	if len(bz) > sdkaddress.MaxAddrLen {
		return errorsmod.Wrapf(sdkerrors.ErrUnknownAddress, "address max length is %d, got %d", sdkaddress.MaxAddrLen, len(bz))
	}
	return nil
}

// DecodeField parses addr, the value of the message field named field,
// with c. An empty or malformed address fails with invalid, the calling
// module's registered error, wrapped with the field and the reason.
func DecodeField(c address.Codec, invalid error, field, addr string) (sdk.AccAddress, error) {
	if addr == "" {
		return nil, errorsmod.Wrapf(invalid, "%s is empty", field)
	}
	bz, err := c.StringToBytes(addr)
	if err != nil {
		return nil, errorsmod.Wrapf(invalid, "%s %q: %v", field, addr, err)
	}
	return bz, nil
}
