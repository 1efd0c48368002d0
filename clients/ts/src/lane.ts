// The message lane (docs/messages.md): small messages signed by an app key,
// submitted to a node's REST server without gas, then followed by hash from
// pending to included. The same code runs in node and in the browser bundle:
// it needs only fetch and the generated codec.
import { toBase64, toHex, toUtf8 } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2.js";

import type { AppKey } from "./appkey.js";
import { MessageBody, SignedMessage } from "./generated/socialchain/messages/v1/message.js";
import { QueryMessageResponse, SubmitBatchResponse, SubmitResponse } from "./generated/socialchain/messages/v1/query.js";
import { MessageStatus, type Receipt } from "./generated/socialchain/messages/v1/types.js";
import { uint64, type AttachmentFields, type PostID } from "./msgs.js";

/** laneDomainTag starts the signing bytes of every lane message, before a zero byte. */
export const laneDomainTag = "socialchain/message/v1";

const domainPrefix = Uint8Array.from([...toUtf8(laneDomainTag), 0]);

/** signingBytes is what the app key signs and the hash covers: the domain tag, 0x00, then the body bytes. */
export function signingBytes(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(domainPrefix.length + body.length);
  out.set(domainPrefix);
  out.set(body, domainPrefix.length);
  return out;
}

/** messageHash is a message's id: SHA-256 of its signing bytes, lowercase hex. */
export function messageHash(body: Uint8Array): string {
  return toHex(sha256(signingBytes(body)));
}

/**
 * MessageKind is the action of a message: exactly one of the MessageBody
 * oneof fields, named as ts-proto names them (`{ createPost: {...} }`).
 */
export type MessageKind = Pick<
  MessageBody,
  | "createPost"
  | "editPost"
  | "deletePost"
  | "repost"
  | "undoRepost"
  | "react"
  | "unreact"
  | "follow"
  | "unfollow"
  | "block"
  | "unblock"
>;

const kindFields: readonly (keyof MessageKind)[] = [
  "createPost",
  "editPost",
  "deletePost",
  "repost",
  "undoRepost",
  "react",
  "unreact",
  "follow",
  "unfollow",
  "block",
  "unblock",
];

/** BodyFields are the fields of a MessageBody. */
export interface BodyFields {
  chainId: string;
  author: string;
  /** appKey is the 32-byte public key that signs. */
  appKey: Uint8Array;
  /** timestampMs is Unix milliseconds; it must lie within the chain's window around block time. */
  timestampMs: bigint | number;
  kind: MessageKind;
}

/** buildMessageBody returns the MessageBody of fields, refusing a kind that is not exactly one action. */
export function buildMessageBody(fields: BodyFields): MessageBody {
  const set = kindFields.filter((k) => fields.kind[k] !== undefined);
  if (set.length !== 1) {
    throw new Error(`message kind: want exactly one of ${kindFields.join(", ")}, got ${set.length ? set.join(", ") : "none"}`);
  }
  return MessageBody.fromPartial({
    chainId: fields.chainId,
    author: fields.author,
    appKey: fields.appKey,
    timestampMs: BigInt(fields.timestampMs),
    ...fields.kind,
  });
}

/** LaneMessage is a signed message ready to submit, with its hash. */
export interface LaneMessage {
  /** body is the encoded MessageBody: the bytes the signature and the hash cover. */
  body: Uint8Array;
  /** signature is the app key's 64-byte ed25519 signature of signingBytes(body). */
  signature: Uint8Array;
  /** hash is the message id, lowercase hex. */
  hash: string;
}

/** signMessage encodes body once and signs it with key, which must be body.appKey. */
export function signMessage(key: AppKey, body: MessageBody): LaneMessage {
  const bytes = MessageBody.encode(body).finish();
  return { body: bytes, signature: key.sign(signingBytes(bytes)), hash: messageHash(bytes) };
}

/** encodeSignedMessage is the SignedMessage protobuf of m, as a block carries it. */
export function encodeSignedMessage(m: LaneMessage): Uint8Array {
  return SignedMessage.encode({ body: m.body, signature: m.signature }).finish();
}

/**
 * LaneError is a message the node or the chain refused. codespace and code
 * name the registered error ("messages" 8: timestamp before the window,
 * "posts" 9: text too long, …; docs/messages.md); message is the node's.
 */
export class LaneError extends Error {
  constructor(
    message: string,
    /** codespace of the registered error, e.g. "messages", "posts", "profiles"; "" when the node gave none. */
    readonly codespace: string,
    /** code of the registered error within its codespace; 0 when the node gave none. */
    readonly code: number,
    /** hash of the refused message, when known. */
    readonly hash?: string,
    /** httpStatus of a refused REST call; undefined for a message that failed in a block. */
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "LaneError";
  }
}

/** PostOptions are what a lane post may carry besides its text. */
export interface PostOptions {
  replyTo?: PostID;
  quoteOf?: PostID;
  bodyCid?: string;
  attachments?: AttachmentFields[];
}

/** WaitOptions bound the wait for a message's block. */
export interface WaitOptions {
  /** timeoutMs is the longest wait; default 30 s. */
  timeoutMs?: number;
  /** intervalMs is the time between status queries; default 250 ms. */
  intervalMs?: number;
}

/** BatchResult is the node's answer for one message of a batch. */
export interface BatchResult {
  message: LaneMessage;
  accepted: boolean;
  /** error is set when the node refused the message. */
  error?: LaneError;
  /** pending follows an accepted message to its block. */
  pending?: PendingMessage;
}

/** LaneClientOptions configure a LaneClient. */
export interface LaneClientOptions {
  /** author is the profile owner the app key acts for. */
  author: string;
  /** appKey is a key the author registered with the scopes of the messages sent. */
  appKey: AppKey;
  /** chainId defaults to the network the REST server's node reports. */
  chainId?: string;
  /** now is the clock of message timestamps, Unix ms; default Date.now. */
  now?: () => number;
}

const defaultTimeoutMs = 30_000;
const defaultIntervalMs = 250;

/**
 * LaneClient signs messages for one author with one app key and submits
 * them to a node's REST server. Timestamps strictly increase per client, so
 * two identical actions in the same millisecond are two messages, not a
 * replay.
 */
export class LaneClient {
  private readonly baseUrl: string;
  private chainId?: string;
  private lastTimestamp = 0;
  readonly author: string;
  readonly appKey: AppKey;
  private readonly now: () => number;

  constructor(restUrl: string, options: LaneClientOptions) {
    this.baseUrl = restUrl.replace(/\/+$/, "");
    this.author = options.author;
    this.appKey = options.appKey;
    this.chainId = options.chainId;
    this.now = options.now ?? Date.now;
  }

  /** sign builds and signs one message of kind, without sending it. */
  async sign(kind: MessageKind): Promise<LaneMessage> {
    const chainId = (this.chainId ??= await this.nodeChainId());
    this.lastTimestamp = Math.max(this.now(), this.lastTimestamp + 1);
    const body = buildMessageBody({
      chainId,
      author: this.author,
      appKey: this.appKey.publicKey,
      timestampMs: this.lastTimestamp,
      kind,
    });
    return signMessage(this.appKey, body);
  }

  /**
   * submit signs and sends one message of kind. It resolves once the node
   * accepted the message (pending) and rejects with a LaneError naming the
   * rule when the node refused it.
   */
  async submit(kind: MessageKind): Promise<PendingMessage> {
    return this.submitSigned(await this.sign(kind));
  }

  /** submitSigned sends a message signed earlier (sign, or another client). */
  async submitSigned(m: LaneMessage): Promise<PendingMessage> {
    const res = await fetch(`${this.baseUrl}/socialchain/messages/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: wireMessage(m) }),
    });
    const out = await jsonBody(res);
    if (!res.ok) {
      throw restError(out, res, m.hash);
    }
    const { hash } = SubmitResponse.fromJSON(out);
    if (hash !== m.hash) {
      throw new Error(`node answered hash ${hash} for message ${m.hash}`);
    }
    return new PendingMessage(this, hash);
  }

  /**
   * submitBatch signs and sends many messages in one call; the node accepts
   * or refuses each on its own, and the results follow the order of kinds.
   */
  async submitBatch(kinds: MessageKind[]): Promise<BatchResult[]> {
    const messages: LaneMessage[] = [];
    for (const k of kinds) messages.push(await this.sign(k));
    const res = await fetch(`${this.baseUrl}/socialchain/messages/v1/messages/batch`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: messages.map(wireMessage) }),
    });
    const out = await jsonBody(res);
    if (!res.ok) {
      throw restError(out, res);
    }
    const { results } = SubmitBatchResponse.fromJSON(out);
    if (results.length !== messages.length) {
      throw new Error(`batch of ${messages.length} messages: node answered ${results.length} results`);
    }
    return results.map((r, i) => {
      const message = messages[i]!;
      if (r.accepted) return { message, accepted: true, pending: new PendingMessage(this, message.hash) };
      return { message, accepted: false, error: new LaneError(r.error, r.codespace, r.code, message.hash) };
    });
  }

  /** status asks the node where the message with hash stands. */
  async status(hash: string): Promise<QueryMessageResponse> {
    const res = await fetch(`${this.baseUrl}/socialchain/messages/v1/messages/${encodeURIComponent(hash)}`);
    const out = await jsonBody(res);
    if (!res.ok) {
      throw restError(out, res, hash);
    }
    return QueryMessageResponse.fromJSON(out);
  }

  /**
   * waitIncluded polls the status of hash until its block: it resolves with
   * the receipt of an included (or settled) message and rejects with a
   * LaneError carrying the receipt's codespace, code and reason when the
   * message failed in its block.
   */
  async waitIncluded(hash: string, options: WaitOptions = {}): Promise<Receipt> {
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status, receipt } = await this.status(hash);
      if (receipt !== undefined) {
        if (status === MessageStatus.MESSAGE_STATUS_INCLUDED || status === MessageStatus.MESSAGE_STATUS_SETTLED) {
          return receipt;
        }
        if (status === MessageStatus.MESSAGE_STATUS_FAILED) {
          throw new LaneError(receipt.error, receipt.codespace, receipt.code, hash);
        }
      }
      if (Date.now() > deadline) {
        throw new Error(`message ${hash} was not in a block within ${timeoutMs / 1000} s (status ${MessageStatus[status] ?? status})`);
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? defaultIntervalMs));
    }
  }

  /** post publishes a post, a reply (replyTo) or a quote (quoteOf); needs scope "posts". */
  post(text: string, options: PostOptions = {}): Promise<PendingMessage> {
    const { replyTo = 0, quoteOf = 0, bodyCid = "", attachments = [] } = options;
    return this.submit({
      createPost: {
        text,
        bodyCid,
        replyTo: uint64("replyTo", replyTo),
        quoteOf: uint64("quoteOf", quoteOf),
        attachments: attachments.map((a, i) => ({
          cid: a.cid,
          mimeType: a.mimeType,
          altText: a.altText ?? "",
          sizeBytes: uint64(`attachments[${i}].sizeBytes`, a.sizeBytes),
        })),
      },
    });
  }

  /** deletePost tombstones one of the author's posts; needs scope "posts". */
  deletePost(postId: PostID): Promise<PendingMessage> {
    return this.submit({ deletePost: { postId: uint64("postId", postId) } });
  }

  /** repost reposts a post; needs scope "reposts". */
  repost(postId: PostID): Promise<PendingMessage> {
    return this.submit({ repost: { postId: uint64("postId", postId) } });
  }

  /** react adds the author's reaction kind ("like" or an allowed emoji); needs scope "reactions". */
  react(postId: PostID, kind: string): Promise<PendingMessage> {
    return this.submit({ react: { postId: uint64("postId", postId), kind } });
  }

  /** unreact removes the author's reaction kind; needs scope "reactions". */
  unreact(postId: PostID, kind: string): Promise<PendingMessage> {
    return this.submit({ unreact: { postId: uint64("postId", postId), kind } });
  }

  /** follow follows followee; needs scope "follows". */
  follow(followee: string): Promise<PendingMessage> {
    return this.submit({ follow: { followee } });
  }

  /** unfollow stops following followee; needs scope "follows". */
  unfollow(followee: string): Promise<PendingMessage> {
    return this.submit({ unfollow: { followee } });
  }

  private async nodeChainId(): Promise<string> {
    const res = await fetch(`${this.baseUrl}/cosmos/base/tendermint/v1beta1/node_info`);
    const out = (await jsonBody(res)) as { default_node_info?: { network?: string } } | undefined;
    const network = out?.default_node_info?.network;
    if (!res.ok || !network) {
      throw new Error(`node_info: ${res.status}: no network in the answer`);
    }
    return network;
  }
}

/**
 * PendingMessage is a message the node accepted: in its pool, gossiped,
 * waiting for a block.
 */
export class PendingMessage {
  constructor(
    private readonly lane: LaneClient,
    /** hash is the message id, lowercase hex. */
    readonly hash: string,
  ) {}

  /** included resolves with the receipt once the message is in a block (receipt.postId for a post). */
  included(options?: WaitOptions): Promise<Receipt> {
    return this.lane.waitIncluded(this.hash, options);
  }
}

// wireMessage is a SignedMessage in the REST server's JSON: bytes in base64.
function wireMessage(m: LaneMessage): { body: string; signature: string } {
  return { body: toBase64(m.body), signature: toBase64(m.signature) };
}

async function jsonBody(res: Response): Promise<unknown> {
  return res.json().catch(() => undefined);
}

// The node turns a registered error into the message
// "codespace <name> code <n>: <reason>"; the codespace and code are the
// ones a batch result or a receipt carries.
const abciPrefix = /^(?:rpc error: code = \w+ desc = )?codespace (\S+) code (\d+): ([\s\S]*)$/;

// restError is the LaneError of a refused REST call ({code, message, details}).
function restError(out: unknown, res: Response, hash?: string): LaneError {
  const body = out as { code?: number; message?: string } | undefined;
  const message = body?.message || `${res.status} ${res.statusText}`;
  const m = abciPrefix.exec(message);
  if (m) {
    return new LaneError(m[3]!, m[1]!, Number(m[2]), hash, res.status);
  }
  return new LaneError(message, "", 0, hash, res.status);
}
