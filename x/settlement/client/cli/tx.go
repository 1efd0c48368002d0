// Package cli holds the settlement commands autocli cannot generate: the
// signer registration needs a signature by the Ethereum key itself.
package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/ethkey"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// FlagKeyFile names the Ethereum key file of register-signer.
const FlagKeyFile = "key-file"

// NewRegisterSignerCmd returns `register-signer --key-file FILE`: it reads
// the validator's Ethereum key, signs the registration digest for the
// validator's next nonce (proof of possession) and sends MsgRegisterSigner
// from the operator account. Rotating keys is the same command with the
// new key; put the new key file in place of config/settlement_key.json and
// restart the node once the next signer set holds it.
func NewRegisterSignerCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "register-signer",
		Short:   "Bind (or rotate) your validator's checkpoint-signing Ethereum key",
		Example: "socialchaind tx settlement register-signer --key-file ~/.socialchain/config/settlement_key.json --from validator",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			keyFile, _ := cmd.Flags().GetString(FlagKeyFile)
			key, err := ethkey.Load(keyFile)
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("--%s %q does not exist", FlagKeyFile, keyFile)
			}
			if err != nil {
				return err
			}
			valoper, err := clientCtx.TxConfig.SigningContext().ValidatorAddressCodec().BytesToString(sdk.ValAddress(clientCtx.GetFromAddress()))
			if err != nil {
				return err
			}
			query := types.NewQueryClient(clientCtx)
			reg, err := query.Registration(cmd.Context(), &types.QueryRegistrationRequest{Validator: valoper})
			if err != nil {
				return err
			}
			params, err := query.Params(cmd.Context(), &types.QueryParamsRequest{})
			if err != nil {
				return err
			}
			digest := types.RegistrationDigest(valoper, clientCtx.ChainID, params.Params.L1ChainId, reg.NextNonce)
			proof, err := types.SignDigest(key, [32]byte(digest))
			if err != nil {
				return err
			}
			msg := &types.MsgRegisterSigner{
				Operator:   clientCtx.GetFromAddress().String(),
				EthAddress: crypto.PubkeyToAddress(key.PublicKey).Hex(),
				Proof:      proof[:],
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(FlagKeyFile, "", `Ethereum key file ({"private_key": "0x…"}, the format of config/settlement_key.json)`)
	_ = cmd.MarkFlagRequired(FlagKeyFile)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}
