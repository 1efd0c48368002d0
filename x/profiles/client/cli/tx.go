// Package cli holds the profiles commands autocli cannot generate:
// add-app-key and revoke-app-key, whose argument is a keyring key name or
// a public key, which a proto bytes field cannot express.
package cli

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdked25519 "github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/socialchain/socialchain/x/profiles/types"
)

// Flags of add-app-key.
const (
	FlagScopes    = "scopes"
	FlagExpiresAt = "expires-at"
)

// keyArgHelp explains KEY_NAME_OR_PUBKEY in both commands' help.
const keyArgHelp = `KEY_NAME_OR_PUBKEY is the app key's 32-byte ed25519 public key in hex (64 characters) or
base64, or the name of an ed25519 key in your keyring (make one with
"keys add NAME --algo ed25519"), whose public key is taken. A value that decodes as a
32-byte key in hex or base64 is read as a key, anything else as a key name.`

// NewAddAppKeyCmd returns `add-app-key KEY_NAME_OR_PUBKEY --scopes ...`:
// MsgAddAppKey authorising an ed25519 key to sign message-lane messages
// for the --from account's profile.
func NewAddAppKeyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add-app-key KEY_NAME_OR_PUBKEY",
		Short: "Authorise an ed25519 app key to sign message-lane messages for your profile",
		Long: "Authorise an ed25519 app key to sign message-lane messages for your profile, within the scopes you give: " +
			strings.Join(types.AllScopes, ", ") + ` ("follows" covers follow, unfollow, block and unblock).` + "\n\n" + keyArgHelp,
		Example: fmt.Sprintf(`$ %[1]s keys add alice-app --algo ed25519
$ %[1]s tx profiles add-app-key alice-app --scopes posts,reactions,follows --from alice
$ %[1]s tx profiles add-app-key d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a --scopes posts --expires-at 2027-01-01T00:00:00Z --from alice`,
			version.AppName),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			pubKey, err := ParseAppKey(clientCtx.Keyring, args[0])
			if err != nil {
				return err
			}
			scopes, err := cmd.Flags().GetStringSlice(FlagScopes)
			if err != nil {
				return err
			}
			if err := types.ValidateScopes(scopes); err != nil {
				return fmt.Errorf("--%s: %w", FlagScopes, err)
			}
			expiresAt, err := cmd.Flags().GetString(FlagExpiresAt)
			if err != nil {
				return err
			}
			expiry, err := ParseExpiresAt(expiresAt, time.Now())
			if err != nil {
				return err
			}
			owner, err := fromAddress(clientCtx)
			if err != nil {
				return err
			}
			msg := &types.MsgAddAppKey{Owner: owner, PubKey: pubKey, Scopes: scopes, ExpiresAt: expiry}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().StringSlice(FlagScopes, nil, "comma-separated scopes the key may sign: "+strings.Join(types.AllScopes, ",")+
		" (follows covers follow, unfollow, block, unblock); at least one, required")
	cmd.Flags().String(FlagExpiresAt, "", "RFC 3339 time from which the key signs nothing, e.g. 2027-01-01T00:00:00Z; leave out for a key that does not expire")
	_ = cmd.MarkFlagRequired(FlagScopes)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewRevokeAppKeyCmd returns `revoke-app-key KEY_NAME_OR_PUBKEY`:
// MsgRevokeAppKey withdrawing an app key of the --from account's profile.
func NewRevokeAppKeyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "revoke-app-key KEY_NAME_OR_PUBKEY",
		Short: "Revoke an app key of your profile; lane messages it signed that are not in a block yet fail",
		Long:  "Revoke an app key of your profile; lane messages it signed that are not in a block yet fail.\n\n" + keyArgHelp,
		Example: fmt.Sprintf(`$ %[1]s tx profiles revoke-app-key alice-app --from alice`,
			version.AppName),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			pubKey, err := ParseAppKey(clientCtx.Keyring, args[0])
			if err != nil {
				return err
			}
			owner, err := fromAddress(clientCtx)
			if err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), &types.MsgRevokeAppKey{Owner: owner, PubKey: pubKey})
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// ParseAppKey resolves KEY_NAME_OR_PUBKEY to a 32-byte ed25519 public key.
// A 64-character hex string (an optional 0x prefix aside) or base64 (std
// or URL alphabet, padded or not) that decodes to 32 bytes is the key
// itself; anything else names a key in kr, which must be ed25519. Literal
// keys are tried first so that passing a key never opens the keyring
// (which would ask the file backend's passphrase).
func ParseAppKey(kr keyring.Keyring, arg string) ([]byte, error) {
	if arg == "" {
		return nil, fmt.Errorf("KEY_NAME_OR_PUBKEY is empty")
	}
	if pk, ok := decodePubKeyLiteral(arg); ok {
		return pk, nil
	}
	if kr == nil {
		return nil, fmt.Errorf("KEY_NAME_OR_PUBKEY %q: not a 32-byte public key in hex or base64, and there is no keyring to find a key of that name in", arg)
	}
	rec, err := kr.Key(arg)
	if errorsmod.IsOf(err, sdkerrors.ErrKeyNotFound) {
		return nil, fmt.Errorf("KEY_NAME_OR_PUBKEY %q: no key of that name in the keyring, and not a 32-byte public key in hex (64 characters) or base64", arg)
	}
	if err != nil {
		return nil, fmt.Errorf("KEY_NAME_OR_PUBKEY %q: %w", arg, err)
	}
	pub, err := rec.GetPubKey()
	if err != nil {
		return nil, fmt.Errorf("key %q: %w", arg, err)
	}
	ed, ok := pub.(*sdked25519.PubKey)
	if !ok {
		return nil, fmt.Errorf("key %q is a %s key; app keys are ed25519: create one with `%s keys add NAME --algo ed25519`", arg, pub.Type(), version.AppName)
	}
	return bytes.Clone(ed.Key), nil
}

// decodePubKeyLiteral reads s as a 32-byte key in hex or base64.
func decodePubKeyLiteral(s string) ([]byte, bool) {
	if h := strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"); len(h) == 2*types.AppKeyPubKeySize {
		if pk, err := hex.DecodeString(h); err == nil {
			return pk, true
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if pk, err := enc.DecodeString(s); err == nil && len(pk) == types.AppKeyPubKeySize {
			return pk, true
		}
	}
	return nil, false
}

// ParseExpiresAt reads --expires-at: empty means no expiry; otherwise an
// RFC 3339 time after now. The chain checks it against the block time
// again; checking here too saves a failed transaction.
func ParseExpiresAt(s string, now time.Time) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, fmt.Errorf("--%s %q: want an RFC 3339 time such as 2027-01-01T00:00:00Z", FlagExpiresAt, s)
	}
	if !t.After(now) {
		return nil, fmt.Errorf("--%s %s is not in the future", FlagExpiresAt, s)
	}
	t = t.UTC()
	return &t, nil
}

// fromAddress is the --from account in the chain's bech32 form.
func fromAddress(clientCtx client.Context) (string, error) {
	from := clientCtx.GetFromAddress()
	if from.Empty() {
		return "", fmt.Errorf("--%s is required: the profile owner signs", flags.FlagFrom)
	}
	return clientCtx.TxConfig.SigningContext().AddressCodec().BytesToString(from)
}
