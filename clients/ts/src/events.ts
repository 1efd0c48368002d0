// Live new posts over the CometBFT websocket.
import WebSocket from "ws";

import { EventPostCreated } from "./generated/socialchain/posts/v1/events.js";

/**
 * postCreatedEvent is the ABCI event type of EventPostCreated: the SDK names a
 * typed event after its proto full name, with one attribute per field whose
 * value is the field's proto3 JSON.
 */
export const postCreatedEvent = "socialchain.posts.v1.EventPostCreated";

/** newPostsQuery selects the txs that created a post. */
export const newPostsQuery = `tm.event='Tx' AND ${postCreatedEvent}.id EXISTS`;

/**
 * newLanePostsQuery selects the blocks whose own events created a post: the
 * message lane applies its messages before the block's txs, so their events
 * are block events, not tx events.
 */
export const newLanePostsQuery = `tm.event='NewBlockEvents' AND ${postCreatedEvent}.id EXISTS`;

/** NewPost is a post created in a committed block, by a tx or a lane message. */
export interface NewPost extends EventPostCreated {
  /** height is the block that holds the post. */
  height: number;
  /** txHash is the uppercase hex hash of the tx; empty for a lane post. */
  txHash: string;
}

// The parts of CometBFT's JSON-RPC messages read here: the answer to the
// subscribe request, then one message per matching tx with the same id.
interface RpcMessage {
  id?: number;
  error?: { message?: string; data?: string };
  result?: {
    query?: string;
    data?: {
      value?: {
        TxResult?: { height: string; result?: { events?: AbciEvent[] } };
        // NewBlockEvents
        height?: string;
        events?: AbciEvent[];
      };
    };
    events?: Record<string, string[]>;
  };
}
interface AbciEvent {
  type: string;
  attributes?: { key: string; value: string }[];
}

// One subscription for tx posts, one for lane posts, on the same socket.
const txSubscription = 1;
const blockSubscription = 2;

/**
 * PostSubscription yields the posts created after it opened, in block order,
 * until close() is called; it throws if the connection fails or the node
 * closes it.
 *
 * It speaks JSON-RPC on the websocket itself rather than through cosmjs's
 * WebsocketClient, which reconnects after being told to disconnect and so
 * keeps the process alive.
 */
export class PostSubscription implements AsyncIterable<NewPost> {
  private readonly queue: NewPost[] = [];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private closed = false;
  // ack settles the subscribe requests: called once with the first error,
  // or with none once both are accepted.
  private ack: ((err?: Error) => void) | undefined;
  private unacked = new Set([txSubscription, blockSubscription]);

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data) => this.onMessage(data.toString()));
    ws.on("error", (err) => this.fail(err));
    ws.on("close", (code) => {
      if (!this.closed) this.fail(new Error(`the node closed the websocket (code ${code})`));
    });
  }

  /** @internal open connects to url and subscribes; see subscribeNewPosts. */
  static async open(url: string): Promise<PostSubscription> {
    const ws = new WebSocket(url);
    const sub = new PostSubscription(ws);
    const subscribed = new Promise<void>((resolve, reject) => {
      sub.ack = (err) => (err === undefined ? resolve() : reject(err));
    });
    ws.once("open", () => {
      ws.send(JSON.stringify({ jsonrpc: "2.0", id: txSubscription, method: "subscribe", params: { query: newPostsQuery } }));
      ws.send(
        JSON.stringify({ jsonrpc: "2.0", id: blockSubscription, method: "subscribe", params: { query: newLanePostsQuery } }),
      );
    });
    try {
      await subscribed;
    } catch (err) {
      sub.close();
      throw err;
    }
    return sub;
  }

  /** close ends the subscription and its connection; pending iteration ends. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close();
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<NewPost> {
    try {
      for (;;) {
        const next = this.queue.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (this.failure !== undefined) throw this.failure;
        if (this.closed) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      this.close();
    }
  }

  private onMessage(text: string): void {
    const msg = JSON.parse(text) as RpcMessage;
    if (msg.id !== txSubscription && msg.id !== blockSubscription) return;
    if (msg.error !== undefined) {
      this.fail(new Error(`subscribe: ${msg.error.message ?? ""} ${msg.error.data ?? ""}`.trim()));
      return;
    }
    if (msg.result?.query === undefined) {
      // The empty answer to a subscribe request: from here on, every
      // matching tx or block is sent to this socket.
      this.unacked.delete(msg.id);
      if (this.unacked.size === 0) this.settle();
      return;
    }
    const value = msg.result.data?.value;
    if (msg.id === txSubscription) {
      const tx = value?.TxResult;
      this.push(tx?.result?.events, Number(tx?.height), msg.result.events?.["tx.hash"]?.[0] ?? "");
    } else {
      this.push(value?.events, Number(value?.height), "");
    }
    this.notify();
  }

  private push(events: AbciEvent[] | undefined, height: number, txHash: string): void {
    for (const event of events ?? []) {
      if (event.type !== postCreatedEvent) continue;
      const fields = Object.fromEntries(
        (event.attributes ?? []).filter((a) => a.key !== "msg_index" && a.key !== "mode").map((a) => [a.key, JSON.parse(a.value)]),
      );
      this.queue.push({ ...EventPostCreated.fromJSON(fields), height, txHash });
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.settle(err);
    this.notify();
  }

  private settle(err?: Error): void {
    const ack = this.ack;
    this.ack = undefined;
    ack?.(err);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * subscribeNewPosts subscribes to newPostsQuery on the websocket of the
 * CometBFT RPC server at rpcUrl (http(s):// or ws(s)://). It resolves once
 * the node has accepted the subscription, so every post committed afterwards
 * is delivered.
 */
export function subscribeNewPosts(rpcUrl: string): Promise<PostSubscription> {
  const base = rpcUrl.replace(/^http/, "ws").replace(/\/(websocket)?$/, "");
  return PostSubscription.open(`${base}/websocket`);
}
