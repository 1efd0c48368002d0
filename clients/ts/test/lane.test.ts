// The message lane against a running dev chain: an account registers an app
// key with a wallet tx, posts, replies and follows through the lane without
// gas, reads the posts back over REST; refused messages reject with the
// node's message, codespace and code and change nothing; a revoked key
// posts no more; the lane example runs.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";

import { toHex } from "@cosmjs/encoding";

import { AppKey, LaneClient, LaneError, MessageStatus, subscribeNewPosts, type NewPost } from "../src/index.js";
import { fundedAccounts, rest, restUrl, rpcUrl, uniqueHandle, type Account } from "./env.js";

describe("LaneClient on the dev chain", () => {
  let alice: Account;
  let bob: Account;
  let key: AppKey;
  let lane: LaneClient;

  before(async () => {
    [alice, bob] = await fundedAccounts(2);
    await alice.client.createProfile({ handle: uniqueHandle("lane"), displayName: "Lane" });
    await bob.client.createProfile({ handle: uniqueHandle("bob"), displayName: "Bob" });
    key = AppKey.generate();
    lane = new LaneClient(restUrl, { author: alice.address, appKey: key });
  });

  after(() => {
    alice?.client.disconnect();
    bob?.client.disconnect();
  });

  it("registers an app key with a wallet tx, listed over REST", async () => {
    const tx = await alice.client.addAppKey(key.publicKey, { scopes: ["posts", "follows"] });
    assert.ok(tx.height > 0);
    const { appKeys } = await rest.appKeys(alice.address);
    assert.equal(appKeys.length, 1);
    assert.equal(toHex(appKeys[0]!.pubKey), key.publicKeyHex);
    assert.deepEqual(appKeys[0]!.scopes, ["posts", "follows"]);
    assert.equal(appKeys[0]!.owner, alice.address);
  });

  it("posts through the lane: pending at once, then included, then readable over REST", async () => {
    const pending = await lane.post("through the #lane");
    assert.match(pending.hash, /^[0-9a-f]{64}$/);
    const { status } = await lane.status(pending.hash);
    assert.ok(
      status === MessageStatus.MESSAGE_STATUS_PENDING || status === MessageStatus.MESSAGE_STATUS_INCLUDED,
      `status ${MessageStatus[status]}`,
    );
    const receipt = await pending.included();
    assert.ok(receipt.postId > 0n, `post id ${receipt.postId}`);
    assert.ok(receipt.height > 0n);
    assert.equal(receipt.kind, "create_post");
    assert.equal(receipt.author, alice.address);

    const view = await rest.post(receipt.postId);
    assert.equal(view.post?.author, alice.address);
    assert.equal(view.post?.text, "through the #lane");
    assert.deepEqual(view.post?.hashtags, ["lane"]);

    const reply = await (await lane.post("a lane reply", { replyTo: receipt.postId })).included();
    assert.equal((await rest.post(reply.postId)).post?.replyTo, receipt.postId);
    assert.equal((await rest.profile(alice.address)).postsCount, 2n);
  });

  it("follows through the lane", async () => {
    await (await lane.follow(bob.address)).included();
    assert.equal((await rest.profile(bob.address)).followersCount, 1n);
  });

  it("delivers a lane post on the websocket like a tx post", { timeout: 60_000 }, async () => {
    const sub = await subscribeNewPosts(rpcUrl);
    let seen: NewPost | undefined;
    try {
      const receipt = await (await lane.post("live through the #lane")).included();
      for await (const p of sub) {
        if (p.author === alice.address && BigInt(p.id) === receipt.postId) {
          seen = p;
          assert.equal(BigInt(p.height), receipt.height);
          assert.equal(p.txHash, "");
          break;
        }
      }
    } finally {
      sub.close();
    }
    assert.ok(seen, "the subscription ended without the lane post");
    assert.deepEqual(seen.hashtags, ["lane"]);
  });

  it("submits a batch, each message on its own", async () => {
    const results = await lane.submitBatch([
      { createPost: { text: "batch one", bodyCid: "", attachments: [], replyTo: 0n, quoteOf: 0n } },
      { createPost: { text: "x".repeat(501), bodyCid: "", attachments: [], replyTo: 0n, quoteOf: 0n } },
    ]);
    assert.equal(results.length, 2);
    assert.equal(results[0]!.accepted, true);
    assert.equal(results[1]!.accepted, false);
    assert.equal(results[1]!.error?.codespace, "posts");
    assert.equal(results[1]!.error?.code, 9);
    const receipt = await results[0]!.pending!.included();
    assert.equal((await rest.post(receipt.postId)).post?.text, "batch one");
  });

  it("refuses a text over the limit with the node's message and code, changing nothing", async () => {
    const before = (await rest.profile(alice.address)).postsCount;
    await assert.rejects(lane.post("x".repeat(501)), (err: unknown) => {
      assert.ok(err instanceof LaneError, String(err));
      assert.equal(err.codespace, "posts");
      assert.equal(err.code, 9);
      assert.match(err.message, /text too long: text: 501 characters, the limit is 500/);
      return true;
    });
    assert.equal((await rest.profile(alice.address)).postsCount, before);
  });

  it("refuses a kind the key has no scope for", async () => {
    const { postId } = await alice.client.createPost({ text: "react to me" });
    await assert.rejects(lane.react(postId, "like"), (err: unknown) => {
      assert.ok(err instanceof LaneError, String(err));
      assert.equal(err.codespace, "profiles");
      assert.equal(err.code, 29);
      assert.match(err.message, /app key not authorised for this scope/);
      return true;
    });
    assert.deepEqual((await rest.post(postId)).counters?.reactions, []);
  });

  it("refuses a timestamp outside the window", async () => {
    const stale = new LaneClient(restUrl, { author: alice.address, appKey: key, now: () => Date.now() - 3_600_000 });
    await assert.rejects(stale.post("from the past"), (err: unknown) => {
      assert.ok(err instanceof LaneError, String(err));
      assert.equal(err.codespace, "messages");
      assert.equal(err.code, 8);
      return true;
    });
  });

  it("posts no more once the key is revoked", async () => {
    await alice.client.revokeAppKey(key.publicKey);
    assert.deepEqual((await rest.appKeys(alice.address)).appKeys, []);
    await assert.rejects(lane.post("after the revoke"), (err: unknown) => {
      assert.ok(err instanceof LaneError, String(err));
      assert.equal(err.codespace, "profiles");
      assert.equal(err.code, 25);
      assert.match(err.message, /app key not found/);
      return true;
    });
  });

  it("runs the lane example", { timeout: 90_000 }, async () => {
    const [erin] = await fundedAccounts(1);
    erin.client.disconnect();
    const example = new URL("../examples/lane.js", import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, [example.pathname], {
      env: { ...process.env, SOCIAL_MNEMONIC: erin.mnemonic },
      timeout: 80_000,
    });
    assert.match(stdout, new RegExp(`^app key [0-9a-f]{64} registered for ${erin.address}$`, "m"));
    assert.match(stdout, /^pending [0-9a-f]{64}$/m);
    const [, id] = stdout.match(/^post (\d+) included at height \d+: "gm from the lane"$/m) ?? [];
    assert.ok(id, `no post line in:\n${stdout}`);
    assert.match(stdout, /^refused: posts 9 text too long/m);
    assert.equal((await rest.post(id)).post?.author, erin.address);
  });
});
