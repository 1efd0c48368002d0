package loadtest

import (
	"context"
	"fmt"

	"github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// Signer signs load transactions offline with SIGN_MODE_DIRECT: no keyring,
// no node round trip, only the account number and sequence it is given.
type Signer struct {
	TxConfig client.TxConfig
	ChainID  string
	// Gas is the gas limit of every tx; Fees their fee (zero by default).
	Gas  uint64
	Fees sdk.Coins
}

// SignedTx is an encoded, signed tx and the hash blocks will list it by.
type SignedTx struct {
	Bytes []byte
	Hash  [32]byte
	Seq   uint64
}

// Sign signs msgs from a with sequence seq.
func (s Signer) Sign(ctx context.Context, a *Account, seq uint64, msgs ...sdk.Msg) (SignedTx, error) {
	b := s.TxConfig.NewTxBuilder()
	if err := b.SetMsgs(msgs...); err != nil {
		return SignedTx{}, err
	}
	b.SetGasLimit(s.Gas)
	b.SetFeeAmount(s.Fees)

	pub := a.Priv.PubKey()
	// DIRECT sign bytes cover the signer infos, so they go in first with
	// an empty signature.
	empty := signing.SignatureV2{
		PubKey:   pub,
		Data:     &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT},
		Sequence: seq,
	}
	if err := b.SetSignatures(empty); err != nil {
		return SignedTx{}, err
	}
	addr, err := s.TxConfig.SigningContext().AddressCodec().BytesToString(a.Address)
	if err != nil {
		return SignedTx{}, err
	}
	signerData := authsigning.SignerData{
		ChainID: s.ChainID, AccountNumber: a.Number, Sequence: seq, PubKey: pub, Address: addr,
	}
	sig, err := clienttx.SignWithPrivKey(ctx, signing.SignMode_SIGN_MODE_DIRECT, signerData, b, a.Priv, s.TxConfig, seq)
	if err != nil {
		return SignedTx{}, fmt.Errorf("signing for account %d: %w", a.Index, err)
	}
	if err := b.SetSignatures(sig); err != nil {
		return SignedTx{}, err
	}
	bz, err := s.TxConfig.TxEncoder()(b.GetTx())
	if err != nil {
		return SignedTx{}, err
	}
	return SignedTx{Bytes: bz, Hash: TxHash(bz), Seq: seq}, nil
}
