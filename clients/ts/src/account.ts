// Account and fee conventions of socialchain, shared by the node client and
// the browser bundle.
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";

/** addressPrefix is the bech32 prefix of socialchain account addresses. */
export const addressPrefix = "social";

/** denom is the base denomination of the staking and fee token. */
export const denom = "usocial";

/** gasMultiplier scales the simulated gas to the gas limit of a tx. */
export const gasMultiplier = 1.4;

/** walletFromMnemonic derives the first account (m/44'/118'/0'/0/0) of a BIP-39 mnemonic. */
export function walletFromMnemonic(mnemonic: string): Promise<DirectSecp256k1HdWallet> {
  return DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: addressPrefix });
}
