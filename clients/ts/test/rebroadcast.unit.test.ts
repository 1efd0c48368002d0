// Unit tests of waitRebroadcasting without a chain: a node that lost the tx
// in a crash commits it only once it was offered again; a chain past the
// tx's timeout height ends the wait.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { IndexedTx } from "@cosmjs/stargate";

import { TxExpiredError, waitRebroadcasting, type TxNode } from "../src/index.js";

// RestartingNode is down for downFor questions, then has lost the tx: it
// commits it in the next block after offer number commitsOn (0: never).
// Its chain grows by one block per height question.
class RestartingNode implements TxNode {
  offers = 0;
  committedAt = 0;
  constructor(
    private downFor: number,
    public height: number,
    private readonly commitsOn: number,
  ) {}

  async getTx(hash: string): Promise<IndexedTx | null> {
    if (this.downFor > 0) {
      this.downFor--;
      throw new Error("connect ECONNREFUSED");
    }
    if (this.committedAt === 0) {
      return null;
    }
    return { height: this.committedAt, txIndex: 0, hash, code: 0, events: [], rawLog: "", tx: new Uint8Array(), msgResponses: [], gasUsed: 1n, gasWanted: 1n };
  }

  async getHeight(): Promise<number> {
    return ++this.height;
  }

  async broadcastTxSync(tx: Uint8Array): Promise<string> {
    assert.deepEqual(tx, signed, "offers the same signed bytes again");
    if (++this.offers === this.commitsOn) {
      this.committedAt = this.height + 1;
    }
    return "ABCD";
  }
}

const signed = new Uint8Array([1, 2, 3]);
const fast = { intervalMs: 0, pollMs: 0 };

describe("waitRebroadcasting", () => {
  it("offers the tx again until a node keeps it, through a node that does not answer", async () => {
    const node = new RestartingNode(2, 10, 2);
    const res = await waitRebroadcasting(node, signed, "ABCD", 40n, fast);
    assert.equal(node.offers, 2);
    assert.equal(res.height, 13);
  });

  it("ends with TxExpiredError once the chain passes the timeout height", async () => {
    const node = new RestartingNode(0, 10, 0);
    await assert.rejects(waitRebroadcasting(node, signed, "ABCD", 14n, fast), (err: unknown) => {
      assert.ok(err instanceof TxExpiredError);
      assert.match(err.message, /^tx ABCD expired: not in a block by its timeout height 14 \(the chain is at 15\)/);
      return true;
    });
    assert.equal(node.offers, 4, "offered at heights 11-14, never past the timeout height");
  });

  it("ends a wait on a chain that makes no blocks after timeoutMs", async () => {
    const node = new RestartingNode(1_000_000, 10, 0);
    await assert.rejects(waitRebroadcasting(node, signed, "ABCD", 40n, { ...fast, timeoutMs: 20 }), /is not in a block after 20 ms \(last error: Error: connect ECONNREFUSED\)/);
  });
});
