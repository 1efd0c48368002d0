// The browser bundle's entry point (web/app/social.js, built by
// scripts/web-bundle.sh): window.Social signs in the page, so the mnemonic
// and the app key never leave it, and talks only to the node's REST server.
// It stays off @cosmjs/stargate and tendermint-rpc to keep the bundle small.
import { encodeSecp256k1Pubkey, type Coin } from "@cosmjs/amino";
import { Bip39, Random } from "@cosmjs/crypto";
import { fromBase64, fromHex, toBase64 } from "@cosmjs/encoding";
import { encodePubkey, makeAuthInfoBytes, makeSignDoc, Registry, type EncodeObject } from "@cosmjs/proto-signing";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";

import { denom, gasMultiplier, walletFromMnemonic } from "./account.js";
import { AppKey } from "./appkey.js";
import { socialTypes } from "./codec.js";
import { LaneClient } from "./lane.js";
import * as msgs from "./msgs.js";
import { msgCreatePost, msgCreateProfile, msgFollow, msgReact } from "./msgs.js";

/** BroadcastOptions tune signAndBroadcast. */
export interface BroadcastOptions {
  /** restUrl is the REST server; default the page's origin. */
  restUrl?: string;
  /** chainId defaults to the network the REST server's node reports. */
  chainId?: string;
  memo?: string;
  /** fee overrides the default of 0usocial and simulated gas × gasMultiplier. */
  fee?: { amount: Coin[]; gas?: string };
}

/** BroadcastResult is how a committed tx ended. */
export interface BroadcastResult {
  txhash: string;
  code: number;
  rawLog: string;
  height: string;
}

/** inclusionTimeoutMs bounds the wait for a broadcast tx to be in a block. */
const inclusionTimeoutMs = 30_000;
const pollIntervalMs = 500;

const registry = new Registry(socialTypes);

/** generateMnemonic returns a new 24-word BIP-39 mnemonic. */
export function generateMnemonic(): string {
  return Bip39.encode(Random.getBytes(32)).toString();
}

/** addressFromMnemonic returns the social1… address of the mnemonic's first account. */
export async function addressFromMnemonic(mnemonic: string): Promise<string> {
  const [account] = await (await walletFromMnemonic(mnemonic)).getAccounts();
  return account!.address;
}

/**
 * signAndBroadcast signs msgs (SIGN_MODE_DIRECT) with the mnemonic's first
 * account, broadcasts them and resolves once they are in a block. It rejects
 * with the chain's log when simulation, CheckTx or DeliverTx refuses the tx.
 */
export async function signAndBroadcast(
  mnemonic: string,
  msgs: EncodeObject[],
  opts: BroadcastOptions = {},
): Promise<BroadcastResult> {
  const base = (opts.restUrl ?? globalThis.location.origin).replace(/\/+$/, "");
  const wallet = await walletFromMnemonic(mnemonic);
  const [account] = await wallet.getAccounts();
  const address = account!.address;

  const chainId =
    opts.chainId ??
    ((await restJSON(base, "GET", "/cosmos/base/tendermint/v1beta1/node_info")) as NodeInfo).default_node_info.network;
  const { info } = (await restJSON(base, "GET", `/cosmos/auth/v1beta1/account_info/${address}`)) as AccountInfo;
  const pubkey = encodePubkey(encodeSecp256k1Pubkey(account!.pubkey));
  const bodyBytes = registry.encodeTxBody({ messages: msgs, memo: opts.memo ?? "" });
  const amount = opts.fee?.amount ?? [{ denom, amount: "0" }];

  const sign = async (gas: bigint): Promise<string> => {
    const authInfoBytes = makeAuthInfoBytes([{ pubkey, sequence: BigInt(info.sequence) }], amount, Number(gas), undefined, undefined);
    const doc = makeSignDoc(bodyBytes, authInfoBytes, chainId, BigInt(info.account_number));
    const { signed, signature } = await wallet.signDirect(address, doc);
    const raw = TxRaw.fromPartial({
      bodyBytes: signed.bodyBytes,
      authInfoBytes: signed.authInfoBytes,
      signatures: [fromBase64(signature.signature)],
    });
    return toBase64(TxRaw.encode(raw).finish());
  };

  let gas: bigint;
  if (opts.fee?.gas !== undefined) {
    gas = BigInt(opts.fee.gas);
  } else {
    // Simulation ignores the gas limit and the signature, not the signer info.
    const sim = (await restJSON(base, "POST", "/cosmos/tx/v1beta1/simulate", { tx_bytes: await sign(0n) })) as Simulation;
    gas = BigInt(Math.ceil(Number(sim.gas_info.gas_used) * gasMultiplier));
  }

  const sent = (await restJSON(base, "POST", "/cosmos/tx/v1beta1/txs", {
    tx_bytes: await sign(gas),
    mode: "BROADCAST_MODE_SYNC",
  })) as TxResponseBody;
  if (sent.tx_response.code !== 0) {
    throw new Error(sent.tx_response.raw_log);
  }
  const hash = sent.tx_response.txhash;

  const deadline = Date.now() + inclusionTimeoutMs;
  for (;;) {
    const res = await fetch(`${base}/cosmos/tx/v1beta1/txs/${hash}`);
    if (res.ok) {
      const { tx_response: r } = (await res.json()) as TxResponseBody;
      if (r.code !== 0) {
        throw new Error(r.raw_log);
      }
      return { txhash: r.txhash, code: r.code, rawLog: r.raw_log, height: r.height };
    }
    if (Date.now() > deadline) {
      throw new Error(`tx ${hash} was not included within ${inclusionTimeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}

interface NodeInfo {
  default_node_info: { network: string };
}
interface AccountInfo {
  info: { account_number: string; sequence: string };
}
interface Simulation {
  gas_info: { gas_used: string };
}
interface TxResponseBody {
  tx_response: { txhash: string; code: number; raw_log: string; height: string };
}

// restJSON sends a JSON request and returns the JSON answer; a non-2xx answer
// rejects with the server's message, which is the chain's error for a refused
// simulation.
async function restJSON(base: string, method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const out: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const message = (out as { message?: string } | undefined)?.message ?? res.statusText;
    throw new Error(message || `${method} ${path}: ${res.status}`);
  }
  return out;
}

/** generateAppKey returns the hex seed of a new ed25519 app key. */
export function generateAppKey(): string {
  return AppKey.generate().seedHex;
}

/** appKeyPublicKey returns the hex public key of the app key with hex seed. */
export function appKeyPublicKey(seedHex: string): string {
  return AppKey.fromSeed(seedHex).publicKeyHex;
}

/** msgAddAppKey registers the app key with hex public key on owner's profile, for scopes. */
export function msgAddAppKey(owner: string, publicKeyHex: string, scopes: string[], expiresAt?: Date): EncodeObject {
  return msgs.msgAddAppKey(owner, appKeyBytes(publicKeyHex), { scopes, expiresAt });
}

/** msgRevokeAppKey withdraws the app key with hex public key from owner's profile. */
export function msgRevokeAppKey(owner: string, publicKeyHex: string): EncodeObject {
  return msgs.msgRevokeAppKey(owner, appKeyBytes(publicKeyHex));
}

/** LaneOptions tune laneClient. */
export interface LaneOptions {
  /** restUrl is the REST server; default the page's origin. */
  restUrl?: string;
  /** chainId defaults to the network the REST server's node reports. */
  chainId?: string;
}

/**
 * laneClient returns a LaneClient that signs lane messages for author with
 * the app key of hex seed (registered with msgAddAppKey) and submits them
 * to the REST server: post, react, follow, … resolve when the node accepted
 * the message, and the result's included() when it is in a block.
 */
export function laneClient(seedHex: string, author: string, opts: LaneOptions = {}): LaneClient {
  const base = opts.restUrl ?? globalThis.location.origin;
  return new LaneClient(base, { author, appKey: AppKey.fromSeed(seedHex), chainId: opts.chainId });
}

function appKeyBytes(publicKeyHex: string): Uint8Array {
  const b = fromHex(publicKeyHex);
  if (b.length !== 32) {
    throw new Error(`app key: ${b.length} bytes, want 32`);
  }
  return b;
}

/** Social is the API the bundle sets as window.Social. */
export const Social = {
  generateMnemonic,
  addressFromMnemonic,
  signAndBroadcast,
  msgCreateProfile,
  msgCreatePost,
  msgFollow,
  msgReact,
  generateAppKey,
  appKeyPublicKey,
  msgAddAppKey,
  msgRevokeAppKey,
  laneClient,
};

(globalThis as unknown as { Social: typeof Social }).Social = Social;
