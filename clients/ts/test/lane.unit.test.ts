// Unit tests of the message lane client, without a chain: the published test
// vector of docs/messages.md (x/messages/types TestTestVector asserts the
// same lines in Go), and LaneClient against a stub REST server on loopback.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

import { fromBase64, fromHex, toBech32, toHex } from "@cosmjs/encoding";

import {
  AppKey,
  buildMessageBody,
  encodeSignedMessage,
  LaneClient,
  LaneError,
  messageHash,
  signingBytes,
  signMessage,
} from "../src/index.js";
import { MessageBody } from "../src/generated/socialchain/messages/v1/message.js";

// The lines of the table "Test vector" in docs/messages.md.
const vector = {
  seed: "1427a1fff8f037ceb49094dc39351aa8e6e2baa4e4137e6a9860942297ae5d70",
  publicKey: "7bc94ec82909874e7f8aae1e9c2578c16d25d5b0495bd0af6093e1ac72884a8f",
  chainId: "socialchain-dev-1",
  author: "social1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5vst3f9",
  timestampMs: 1767225600000n,
  text: "hello #socialchain",
  body: "0a11736f6369616c636861696e2d6465762d31122d736f6369616c31717970717870713971637273737a673270767871367273307a716733797963357673743366391a207bc94ec82909874e7f8aae1e9c2578c16d25d5b0495bd0af6093e1ac72884a8f2080d0eab6b73352140a1268656c6c6f2023736f6369616c636861696e",
  domain: "736f6369616c636861696e2f6d6573736167652f763100",
  signature: "7ea28b3dc8e222a38873ea6222dcc763050c74d5a943007daef9473984faf1ada31009c5a14170e2dafd2b699ffb7943c178c91d521715e8d19d9fd99890180a",
  hash: "4d6db3ca1a77794b73f1bc770b03f7e303e78dbd67cf7385cdbfdafebf08d91a",
};

function vectorBody(): MessageBody {
  return buildMessageBody({
    chainId: vector.chainId,
    author: vector.author,
    appKey: fromHex(vector.publicKey),
    timestampMs: vector.timestampMs,
    kind: { createPost: { text: vector.text, bodyCid: "", attachments: [], replyTo: 0n, quoteOf: 0n } },
  });
}

describe("the lane test vector of docs/messages.md", () => {
  it("is the table published in docs/messages.md", () => {
    const doc = readFileSync(new URL("../../../../docs/messages.md", import.meta.url), "utf8");
    const table = doc.slice(doc.indexOf("### Test vector"), doc.indexOf("## Submit"));
    const row = (name: string): string => {
      const m = table.match(new RegExp(`^\\| ${name} \\| \`([^\`]+)\``, "m"));
      assert.ok(m, `no row ${name} in the test vector of docs/messages.md`);
      return m[1]!;
    };
    assert.equal(row("ed25519 seed \\(private key\\)"), vector.seed);
    assert.equal(row("public key \\(`app_key`\\)"), vector.publicKey);
    assert.equal(row("`chain_id`"), vector.chainId);
    assert.equal(row("`author`"), vector.author);
    assert.equal(toBech32("social", Uint8Array.from({ length: 20 }, (_, i) => i + 1)), vector.author, "address bytes 0x01…0x14");
    assert.equal(row("`timestamp_ms`"), String(vector.timestampMs));
    assert.equal(row("kind"), `create_post { text: "${vector.text}" }`);
    assert.equal(row("body \\(hex\\)"), vector.body);
    assert.equal(row("signing bytes \\(hex\\)"), vector.domain);
    assert.equal(row("signature \\(hex\\)"), vector.signature);
    assert.equal(row("hash"), vector.hash);
  });

  it("derives the public key from the seed", () => {
    const key = AppKey.fromSeed(vector.seed);
    assert.equal(key.publicKeyHex, vector.publicKey);
    assert.equal(key.seedHex, vector.seed);
    assert.equal(AppKey.fromSeed(fromHex(vector.seed)).publicKeyHex, vector.publicKey);
  });

  it("encodes the body, signs it and hashes it", () => {
    const m = signMessage(AppKey.fromSeed(vector.seed), vectorBody());
    assert.equal(toHex(m.body), vector.body);
    assert.equal(toHex(signingBytes(m.body)), vector.domain + vector.body);
    assert.equal(toHex(m.signature), vector.signature);
    assert.equal(m.hash, vector.hash);
    assert.equal(messageHash(fromHex(vector.body)), vector.hash);
    assert.equal(toHex(encodeSignedMessage(m)), "0a8101" + vector.body + "1240" + vector.signature);
  });

  it("decodes the body back to its fields", () => {
    const body = MessageBody.decode(fromHex(vector.body));
    assert.equal(body.chainId, vector.chainId);
    assert.equal(body.author, vector.author);
    assert.equal(toHex(body.appKey), vector.publicKey);
    assert.equal(body.timestampMs, vector.timestampMs);
    assert.equal(body.createPost?.text, vector.text);
  });
});

describe("app keys and message bodies", () => {
  it("generates distinct keys that restore from their seed", () => {
    const a = AppKey.generate();
    const b = AppKey.generate();
    assert.notEqual(a.seedHex, b.seedHex);
    assert.equal(a.publicKey.length, 32);
    assert.equal(AppKey.fromSeed(a.seedHex).publicKeyHex, a.publicKeyHex);
    assert.equal(a.sign(new Uint8Array([1])).length, 64);
  });

  it("refuses a seed that is not 32 bytes", () => {
    assert.throws(() => AppKey.fromSeed("00ff"), /app key seed: 2 bytes, want 32/);
  });

  it("refuses a body with no kind or two kinds", () => {
    const fields = { chainId: "c", author: "a", appKey: new Uint8Array(32), timestampMs: 1 };
    assert.throws(() => buildMessageBody({ ...fields, kind: {} }), /want exactly one of .*got none/);
    assert.throws(
      () => buildMessageBody({ ...fields, kind: { follow: { followee: "x" }, block: { blocked: "x" } } }),
      /got follow, block/,
    );
  });
});

// A stub of the node's lane routes: answers from a queue per route and
// records what it was sent.
interface StubAnswer {
  status: number;
  body: unknown;
}

class StubNode {
  server: Server;
  url = "";
  submitted: { body: Uint8Array; signature: Uint8Array }[] = [];
  answers = new Map<string, StubAnswer[]>();

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  answer(route: string, ...answers: StubAnswer[]): void {
    this.answers.set(route, answers);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += String(chunk);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    let route = `${req.method} ${path}`;
    if (req.method === "POST" && path === "/socialchain/messages/v1/messages") {
      const { message } = JSON.parse(raw) as { message: { body: string; signature: string } };
      this.submitted.push({ body: fromBase64(message.body), signature: fromBase64(message.signature) });
    }
    if (req.method === "GET" && path.startsWith("/socialchain/messages/v1/messages/")) route = "GET status";
    const queue = this.answers.get(route) ?? [];
    const next = queue.length > 1 ? queue.shift()! : queue[0] ?? { status: 404, body: { code: 5, message: "no stub" } };
    res.writeHead(next.status, { "content-type": "application/json" });
    res.end(JSON.stringify(next.body));
  }
}

describe("LaneClient against a stub node", () => {
  const node = new StubNode();
  const key = AppKey.fromSeed(vector.seed);
  let lane: LaneClient;

  before(async () => {
    await new Promise<void>((resolve) => node.server.listen(0, "127.0.0.1", resolve));
    node.url = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`;
    node.answer("GET /cosmos/base/tendermint/v1beta1/node_info", {
      status: 200,
      body: { default_node_info: { network: vector.chainId } },
    });
    lane = new LaneClient(node.url, { author: vector.author, appKey: key, now: () => Number(vector.timestampMs) });
  });

  after(() => new Promise<void>((resolve) => node.server.close(() => resolve())));

  it("submits the vector's message and waits through pending to included", async () => {
    node.answer("POST /socialchain/messages/v1/messages", { status: 200, body: { hash: vector.hash } });
    node.answer(
      "GET status",
      { status: 200, body: { status: "MESSAGE_STATUS_PENDING" } },
      {
        status: 200,
        body: { status: "MESSAGE_STATUS_INCLUDED", receipt: { status: "MESSAGE_STATUS_INCLUDED", height: "7", post_id: "42" } },
      },
    );
    const pending = await lane.post(vector.text);
    assert.equal(pending.hash, vector.hash);
    const sent = node.submitted.at(-1)!;
    assert.equal(toHex(sent.body), vector.body, "the chain id comes from node_info; the body is the vector's");
    assert.equal(toHex(sent.signature), vector.signature);
    const receipt = await pending.included({ intervalMs: 10 });
    assert.equal(receipt.postId, 42n);
    assert.equal(receipt.height, 7n);
  });

  it("gives each message a later timestamp than the one before, even in the same millisecond", async () => {
    const a = MessageBody.decode((await lane.sign({ follow: { followee: "x" } })).body);
    const b = MessageBody.decode((await lane.sign({ follow: { followee: "x" } })).body);
    assert.equal(b.timestampMs, a.timestampMs + 1n);
  });

  it("rejects a refused submit with the node's message, codespace and code", async () => {
    node.answer("POST /socialchain/messages/v1/messages", {
      status: 400,
      body: { code: 3, message: "codespace posts code 9: text too long: text: 501 characters, the limit is 500 (max_text_runes): text too long", details: [] },
    });
    const err = await lane.post("x".repeat(501)).then(
      () => assert.fail("no error"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof LaneError);
    assert.equal(err.codespace, "posts");
    assert.equal(err.code, 9);
    assert.equal(err.httpStatus, 400);
    assert.match(err.message, /^text too long: text: 501 characters/);
    assert.match(err.hash ?? "", /^[0-9a-f]{64}$/);
  });

  it("rejects a message that failed in its block with the receipt's reason", async () => {
    node.answer("POST /socialchain/messages/v1/messages", { status: 200, body: {} });
    node.answer("GET status", {
      status: 200,
      body: {
        status: "MESSAGE_STATUS_FAILED",
        receipt: { status: "MESSAGE_STATUS_FAILED", codespace: "profiles", code: 25, error: "app key not found" },
      },
    });
    // The stub answers no hash: the client refuses an answer that is not its message's.
    await assert.rejects(lane.post("hi"), /node answered hash  for message [0-9a-f]{64}/);
    await assert.rejects(lane.waitIncluded(vector.hash, { intervalMs: 10 }), (e: unknown) => {
      assert.ok(e instanceof LaneError);
      assert.equal(e.codespace, "profiles");
      assert.equal(e.code, 25);
      assert.equal(e.message, "app key not found");
      return true;
    });
  });

  it("reports each result of a batch", async () => {
    node.answer("POST /socialchain/messages/v1/messages/batch", {
      status: 200,
      body: {
        results: [
          { hash: "aa", accepted: true },
          { hash: "bb", accepted: false, codespace: "messages", code: 11, error: "allowance exhausted" },
        ],
        accepted: 1,
      },
    });
    const [ok, refused] = await lane.submitBatch([{ follow: { followee: "x" } }, { unfollow: { followee: "x" } }]);
    assert.equal(ok?.accepted, true);
    assert.equal(ok?.pending?.hash, ok?.message.hash);
    assert.equal(refused?.accepted, false);
    assert.equal(refused?.error?.codespace, "messages");
    assert.equal(refused?.error?.code, 11);
  });
});
