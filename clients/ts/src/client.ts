// SocialClient signs and broadcasts socialchain messages with cosmjs over
// CometBFT RPC.
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import { Registry, type EncodeObject, type OfflineSigner } from "@cosmjs/proto-signing";
import { calculateFee, defaultRegistryTypes, GasPrice, SigningStargateClient, type DeliverTxResponse } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";

import { denom, gasMultiplier } from "./account.js";
import { socialTypes } from "./codec.js";
import { MsgCreatePostResponse, MsgReactResponse } from "./generated/socialchain/posts/v1/tx.js";
import {
  msgAddAppKey,
  msgCreatePost,
  msgCreateProfile,
  msgFollow,
  msgReact,
  msgRevokeAppKey,
  type AppKeyFields,
  type PostFields,
  type PostID,
  type ProfileFields,
} from "./msgs.js";
import { defaultRebroadcast, waitRebroadcasting, type RebroadcastOptions } from "./rebroadcast.js";

/** createRegistry returns a cosmjs Registry of the SDK's and socialchain's messages. */
export function createRegistry(): Registry {
  return new Registry([...defaultRegistryTypes, ...socialTypes]);
}

/** SocialClientOptions tune SocialClient.connect. */
export interface SocialClientOptions {
  /** gasPrice is the fee per unit of gas; the dev chain takes 0usocial. */
  gasPrice?: string;
  /** rebroadcast bounds how a tx is waited for and offered again (see signAndBroadcast). */
  rebroadcast?: RebroadcastOptions;
}

/**
 * SocialClient sends the messages of one account. It talks to CometBFT RPC
 * with cosmjs's Comet38Client: CometBFT v0.40 speaks the 0.38 RPC but its
 * /status reports version 0.39.0, which cosmjs's connectComet would serve
 * with the 0.37 client.
 */
export class SocialClient {
  private constructor(
    /** address is the signing account. */
    readonly address: string,
    /** stargate is the underlying cosmjs client, for anything not wrapped here. */
    readonly stargate: SigningStargateClient,
    private readonly gasPrice: GasPrice,
    private readonly rebroadcast: RebroadcastOptions,
  ) {}

  /** connect opens a client for the first account of signer. */
  static async connect(rpcUrl: string, signer: OfflineSigner, options: SocialClientOptions = {}): Promise<SocialClient> {
    const [account] = await signer.getAccounts();
    if (account === undefined) {
      throw new Error("signer has no accounts");
    }
    const comet = await Comet38Client.connect(rpcUrl);
    const gasPrice = GasPrice.fromString(options.gasPrice ?? `0${denom}`);
    const stargate = SigningStargateClient.createWithSigner(comet, signer, { registry: createRegistry(), gasPrice });
    return new SocialClient(account.address, stargate, gasPrice, options.rebroadcast ?? {});
  }

  /**
   * signAndBroadcast signs msgs with gas from a simulation and a timeout
   * height (the node's height plus rebroadcast.timeoutBlocks, default 30),
   * broadcasts them and waits for the block. While the tx is not in a
   * block it offers it again every rebroadcast.intervalMs (a node that
   * crashed has lost its mempool), until the chain passes the timeout
   * height: then it rejects with TxExpiredError and the tx can be sent
   * again. It rejects with the chain's log when the tx is refused, in
   * simulation, CheckTx or DeliverTx.
   */
  async signAndBroadcast(msgs: EncodeObject[], memo = ""): Promise<DeliverTxResponse> {
    const timeoutBlocks = this.rebroadcast.timeoutBlocks ?? defaultRebroadcast.timeoutBlocks;
    const timeoutHeight = BigInt((await this.stargate.getHeight()) + timeoutBlocks);
    const gas = Math.round((await this.stargate.simulate(this.address, msgs, memo)) * gasMultiplier);
    const signed = await this.stargate.sign(this.address, msgs, calculateFee(gas, this.gasPrice), memo, undefined, timeoutHeight);
    const tx = TxRaw.encode(signed).finish();
    const hash = toHex(sha256(tx)).toUpperCase();
    await this.stargate.broadcastTxSync(tx); // rejects on a CheckTx refusal
    const res = await waitRebroadcasting(this.stargate, tx, hash, timeoutHeight, this.rebroadcast);
    if (res.code !== 0) {
      throw new Error(res.rawLog || `tx ${hash} failed with code ${res.code}`);
    }
    return {
      height: res.height,
      txIndex: res.txIndex,
      code: res.code,
      transactionHash: hash,
      events: res.events,
      rawLog: res.rawLog,
      msgResponses: res.msgResponses,
      gasUsed: res.gasUsed,
      gasWanted: res.gasWanted,
    };
  }

  /** createProfile creates this account's profile. */
  async createProfile(fields: ProfileFields): Promise<DeliverTxResponse> {
    return this.signAndBroadcast([msgCreateProfile(this.address, fields)]);
  }

  /** createPost publishes a post and returns its id. */
  async createPost(fields: PostFields): Promise<{ postId: bigint; tx: DeliverTxResponse }> {
    const tx = await this.signAndBroadcast([msgCreatePost(this.address, fields)]);
    return { postId: MsgCreatePostResponse.decode(firstResponse(tx)).id, tx };
  }

  /** follow makes this account follow followee. */
  async follow(followee: string): Promise<DeliverTxResponse> {
    return this.signAndBroadcast([msgFollow(this.address, followee)]);
  }

  /** react adds this account's reaction kind to a post and returns the reaction id. */
  async react(postId: PostID, kind: string): Promise<{ reactionId: bigint; tx: DeliverTxResponse }> {
    const tx = await this.signAndBroadcast([msgReact(this.address, postId, kind)]);
    return { reactionId: MsgReactResponse.decode(firstResponse(tx)).id, tx };
  }

  /**
   * addAppKey registers an app key (its 32-byte public key) on this
   * account's profile with the scopes it may sign in the message lane.
   */
  async addAppKey(pubKey: Uint8Array, fields: AppKeyFields): Promise<DeliverTxResponse> {
    return this.signAndBroadcast([msgAddAppKey(this.address, pubKey, fields)]);
  }

  /** revokeAppKey deletes an app key of this account's profile; its pending lane messages fail. */
  async revokeAppKey(pubKey: Uint8Array): Promise<DeliverTxResponse> {
    return this.signAndBroadcast([msgRevokeAppKey(this.address, pubKey)]);
  }

  /** disconnect closes the RPC connection. */
  disconnect(): void {
    this.stargate.disconnect();
  }
}

// firstResponse is the encoded response of the first message of a tx.
function firstResponse(tx: DeliverTxResponse): Uint8Array {
  const [res] = tx.msgResponses;
  if (res === undefined) {
    throw new Error(`tx ${tx.transactionHash} has no message responses`);
  }
  return res.value;
}
