// Package loadtest is the engine of `socialchaind loadtest`: it derives
// load accounts from a seed mnemonic, funds them and creates their profiles
// where missing, signs transactions offline with known sequence numbers,
// broadcasts them at a target rate over CometBFT RPC or gRPC, matches them
// in committed blocks and reports throughput, latency and errors by kind.
package loadtest

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultMnemonic is the PUBLIC seed of the load accounts. Anyone can derive
// their keys: use it on test chains only, never for real value.
const DefaultMnemonic = "happy avocado luxury cupboard tomorrow frozen oppose power helmet edge permit gate unlock fury rely trade pull manual black guess client bone over rifle"

// MaxAccounts bounds --accounts: every account is queried and funded in
// one multi-send at setup.
const MaxAccounts = 5000

// Account is one load account: its key, its app key for the message lane,
// and the account number and next sequence the chain holds for it.
type Account struct {
	Index   int
	Priv    *secp256k1.PrivKey
	Address sdk.AccAddress
	// AppKey signs the account's lane messages (see AppKeyOf).
	AppKey ed25519.PrivateKey
	Number uint64
	// Sequence is the next sequence to sign with.
	Sequence uint64
}

// appKeyDomain separates the app-key seed from any other hash of the
// account key.
const appKeyDomain = "socialchain/loadtest/app-key/v1\x00"

// AppKeyOf returns the ed25519 app key of the load account whose account
// key is priv: the seed is SHA-256("socialchain/loadtest/app-key/v1\x00" ||
// the 32 secp256k1 private key bytes). It follows from the seed mnemonic
// and the HD index, so reruns find the key they registered, and it is as
// public as the mnemonic.
func AppKeyOf(priv *secp256k1.PrivKey) ed25519.PrivateKey {
	h := sha256.New()
	h.Write([]byte(appKeyDomain))
	h.Write(priv.Key)
	return ed25519.NewKeyFromSeed(h.Sum(nil))
}

// Handle is the profile handle of the account: derived from its address so
// reruns find the same one and two seeds do not collide.
func (a *Account) Handle() string {
	return "lt_" + hex.EncodeToString(a.Address[:6])
}

// DeriveAccounts derives n accounts from mnemonic at HD indexes 0..n-1 of
// the SDK coin type, so reruns with the same seed reuse the same accounts.
func DeriveAccounts(mnemonic string, n int) ([]*Account, error) {
	if n < 1 || n > MaxAccounts {
		return nil, fmt.Errorf("accounts %d is outside 1-%d", n, MaxAccounts)
	}
	coinType := sdk.GetConfig().GetCoinType()
	accounts := make([]*Account, n)
	for i := range accounts {
		path := hd.CreateHDPath(coinType, 0, uint32(i)).String()
		seed, err := hd.Secp256k1.Derive()(mnemonic, "", path)
		if err != nil {
			return nil, fmt.Errorf("deriving account %d: %w", i, err)
		}
		priv, ok := hd.Secp256k1.Generate()(seed).(*secp256k1.PrivKey)
		if !ok {
			return nil, fmt.Errorf("account %d: unexpected key type", i)
		}
		accounts[i] = &Account{Index: i, Priv: priv, Address: sdk.AccAddress(priv.PubKey().Address()), AppKey: AppKeyOf(priv)}
	}
	return accounts, nil
}

// TxHash is the CometBFT hash of a tx: sha256 of its bytes, as blocks and
// the tx index name it.
func TxHash(tx []byte) [32]byte {
	return sha256.Sum256(tx)
}
