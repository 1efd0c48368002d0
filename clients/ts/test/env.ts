// The dev chain the tests run against, and funded accounts on it.
import { randomBytes } from "node:crypto";

import { Bip39, Random } from "@cosmjs/crypto";

import { denom, RestClient, SocialClient, walletFromMnemonic } from "../src/index.js";

export const rpcUrl = process.env.SOCIAL_RPC ?? "http://127.0.0.1:26657";
export const restUrl = process.env.SOCIAL_REST ?? "http://127.0.0.1:1317";

/** funderMnemonic is the dev chain's PUBLIC funded test mnemonic (cmd/socialchaind/cmd/dev.go). */
export function funderMnemonic(): string {
  const m = process.env.SOCIAL_FUNDER_MNEMONIC;
  if (!m) {
    throw new Error("SOCIAL_FUNDER_MNEMONIC is not set; use the dev chain's DevTestMnemonic");
  }
  return m;
}

export const rest = new RestClient(restUrl);

/** Account is a fresh funded account with a connected client. */
export interface Account {
  mnemonic: string;
  address: string;
  client: SocialClient;
}

/** fundedAccounts creates n fresh accounts and funds them in one tx from the funder. */
export async function fundedAccounts(n: number): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let i = 0; i < n; i++) {
    const mnemonic = Bip39.encode(Random.getBytes(32)).toString();
    const client = await SocialClient.connect(rpcUrl, await walletFromMnemonic(mnemonic));
    accounts.push({ mnemonic, address: client.address, client });
  }
  const funder = await SocialClient.connect(rpcUrl, await walletFromMnemonic(funderMnemonic()));
  try {
    await funder.signAndBroadcast(
      accounts.map((a) => ({
        typeUrl: "/cosmos.bank.v1beta1.MsgSend",
        value: { fromAddress: funder.address, toAddress: a.address, amount: [{ denom, amount: "1000000" }] },
      })),
    );
  } finally {
    funder.disconnect();
  }
  return accounts;
}

/** uniqueHandle is a valid handle no earlier run has taken. */
export function uniqueHandle(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}
