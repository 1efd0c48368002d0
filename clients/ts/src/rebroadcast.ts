// Waiting for a tx while offering it again. A node keeps its mempool in
// memory: if it crashes after answering code 0, the tx is gone unless a
// peer already has it. SocialClient therefore signs every tx with a timeout
// height and, while the tx is not in a block, offers the same signed bytes
// again, until the chain passes that height and no block can include it.
// An offer again never applies the tx twice: it is the same bytes with the
// same account sequence.
import type { IndexedTx } from "@cosmjs/stargate";

/** RebroadcastOptions bound how SocialClient waits for its txs. */
export interface RebroadcastOptions {
  /** timeoutBlocks is how far past the node's latest height a tx's timeout height is set (default 30 blocks). */
  timeoutBlocks?: number;
  /** intervalMs is how long a tx may stay out of a block before it is offered again (default 3000). */
  intervalMs?: number;
  /** pollMs is how often the node is asked whether the tx is in a block (default 500). */
  pollMs?: number;
  /** timeoutMs ends the wait of a chain that makes no blocks (default 120000). */
  timeoutMs?: number;
}

export const defaultRebroadcast: Required<RebroadcastOptions> = {
  timeoutBlocks: 30,
  intervalMs: 3000,
  pollMs: 500,
  timeoutMs: 120_000,
};

/** TxNode is what waiting for a tx needs from its node (a cosmjs StargateClient has it). */
export interface TxNode {
  getTx(hash: string): Promise<IndexedTx | null>;
  getHeight(): Promise<number>;
  broadcastTxSync(tx: Uint8Array): Promise<string>;
}

/** TxExpiredError: the chain passed the tx's timeout height without it; it can be signed and sent again. */
export class TxExpiredError extends Error {
  constructor(
    readonly hash: string,
    readonly timeoutHeight: bigint,
    readonly height: number,
  ) {
    super(`tx ${hash} expired: not in a block by its timeout height ${timeoutHeight} (the chain is at ${height}), so no block can include it any more; send it again`);
    this.name = "TxExpiredError";
  }
}

/**
 * waitRebroadcasting polls node until the tx with hash is in a block and
 * returns it. Every intervalMs without it, it compares the chain's height
 * with timeoutHeight (past it: TxExpiredError, unless a last look finds
 * the tx) and offers tx again. A node that does not answer (it may be
 * restarting) is asked again at the next poll; the answer to an offer
 * again does not matter (in the mempool, already there, or its sequence
 * used by its commit).
 */
export async function waitRebroadcasting(
  node: TxNode,
  tx: Uint8Array,
  hash: string,
  timeoutHeight: bigint,
  options: RebroadcastOptions = {},
): Promise<IndexedTx> {
  const o = { ...defaultRebroadcast, ...options };
  const start = Date.now();
  let lastOffer = start;
  let lastErr: unknown;
  for (;;) {
    const found = await node.getTx(hash).catch((err: unknown) => {
      lastErr = err;
      return null;
    });
    if (found) {
      return found;
    }
    if (Date.now() - start >= o.timeoutMs) {
      throw new Error(`tx ${hash} is not in a block after ${o.timeoutMs} ms (last error: ${String(lastErr ?? "none")})`);
    }
    if (Date.now() - lastOffer >= o.intervalMs) {
      lastOffer = Date.now();
      const height = await node.getHeight().catch(() => undefined);
      if (height !== undefined && BigInt(height) > timeoutHeight) {
        const last = await node.getTx(hash).catch(() => null);
        if (last) {
          return last; // in block timeoutHeight, committed since the poll above
        }
        throw new TxExpiredError(hash, timeoutHeight, height);
      }
      await node.broadcastTxSync(tx).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, o.pollMs));
  }
}
