package types

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"
)

// registrationDomain separates signer-registration digests from every
// other message a key might sign.
const registrationDomain = "socialchain/settlement/register-signer/v1"

// RegistrationDigest is what the Ethereum key signs to prove possession:
// keccak256 of the domain and (validator address, cosmos chain id, L1 chain
// id, registration nonce), each length-prefixed or fixed-width, wrapped as
// an EIP-191 personal message so any Ethereum wallet can sign it.
func RegistrationDigest(validator, cosmosChainID string, l1ChainID, nonce uint64) []byte {
	var buf []byte
	buf = appendLengthPrefixed(buf, registrationDomain)
	buf = appendLengthPrefixed(buf, validator)
	buf = appendLengthPrefixed(buf, cosmosChainID)
	buf = binary.BigEndian.AppendUint64(buf, l1ChainID)
	buf = binary.BigEndian.AppendUint64(buf, nonce)
	return accounts.TextHash(crypto.Keccak256(buf))
}

func appendLengthPrefixed(buf []byte, s string) []byte {
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(s)))
	return append(buf, s...)
}
