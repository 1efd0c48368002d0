// The client library against a running dev chain: two accounts create
// profiles, post, follow and react; the feed is read over REST; a new post
// arrives over the websocket; a refused tx rejects with the chain's message.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";

import { subscribeNewPosts, type NewPost } from "../src/index.js";
import { fundedAccounts, rest, rpcUrl, uniqueHandle, type Account } from "./env.js";

describe("SocialClient on the dev chain", () => {
  let alice: Account;
  let bob: Account;
  let aliceHandle: string;

  before(async () => {
    [alice, bob] = await fundedAccounts(2);
    aliceHandle = uniqueHandle("alice");
    await alice.client.createProfile({ handle: aliceHandle, displayName: "Alice", bio: "from the TS client" });
    await bob.client.createProfile({ handle: uniqueHandle("bob"), displayName: "Bob" });
  });

  after(() => {
    alice?.client.disconnect();
    bob?.client.disconnect();
  });

  it("creates profiles readable over REST", async () => {
    const profile = await rest.profile(alice.address);
    assert.equal(profile.owner, alice.address);
    assert.equal(profile.handle, aliceHandle);
    assert.equal(profile.displayName, "Alice");
    assert.equal(profile.bio, "from the TS client");
    assert.equal((await rest.profileByHandle(aliceHandle)).owner, alice.address);
  });

  it("posts, follows and reacts; the follower's feed shows the post", async () => {
    await bob.client.follow(alice.address);
    assert.equal((await rest.profile(alice.address)).followersCount, 1n);

    const { postId, tx } = await alice.client.createPost({ text: "hello from #typescript" });
    assert.ok(postId > 0n, `post id ${postId}`);
    assert.ok(tx.height > 0);

    const { reactionId } = await bob.client.react(postId, "like");
    assert.ok(reactionId > 0n, `reaction id ${reactionId}`);

    const view = await rest.post(postId);
    assert.equal(view.post?.author, alice.address);
    assert.equal(view.post?.text, "hello from #typescript");
    assert.deepEqual(view.post?.hashtags, ["typescript"]);
    assert.deepEqual(view.counters?.reactions, [{ kind: "like", count: 1n }]);

    const feed = await rest.feed(bob.address);
    const inFeed = feed.posts.find((p) => p.post?.id === postId);
    assert.ok(inFeed, `post ${postId} missing from the feed of ${bob.address}`);
    assert.equal(inFeed.post?.text, "hello from #typescript");
  });

  it("delivers a post made during a websocket subscription", { timeout: 60_000 }, async () => {
    const sub = await subscribeNewPosts(rpcUrl);
    let seen: NewPost | undefined;
    try {
      const { postId, tx } = await alice.client.createPost({ text: "live #now", replyTo: 0 });
      for await (const p of sub) {
        if (p.author === alice.address && p.id === postId) {
          seen = p;
          assert.equal(p.txHash, tx.transactionHash);
          assert.equal(p.height, tx.height);
          break;
        }
      }
    } finally {
      sub.close();
    }
    assert.ok(seen, "the subscription ended without the post");
    assert.deepEqual(seen.hashtags, ["now"]);
  });

  it("pages an author's posts, newest first", async () => {
    const first = await rest.postsByAuthor(alice.address, { limit: 1 });
    assert.deepEqual(
      first.posts.map((p) => p.post?.text),
      ["live #now"],
    );
    const key = first.pagination?.nextKey;
    assert.ok(key && key.length > 0, "no next page key");
    const second = await rest.postsByAuthor(alice.address, { key, limit: 1 });
    assert.deepEqual(
      second.posts.map((p) => p.post?.text),
      ["hello from #typescript"],
    );
  });

  it("rejects a duplicate handle with the chain's message", async () => {
    const [carol] = await fundedAccounts(1);
    try {
      await assert.rejects(carol.client.createProfile({ handle: aliceHandle }), /handle already taken/);
      await assert.rejects(rest.profile(carol.address), /404|not found/i);
    } finally {
      carol.client.disconnect();
    }
  });

  it("runs the quickstart example", { timeout: 90_000 }, async () => {
    const [dave] = await fundedAccounts(1);
    dave.client.disconnect();
    const example = new URL("../examples/quickstart.js", import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, [example.pathname], {
      env: { ...process.env, SOCIAL_MNEMONIC: dave.mnemonic },
      timeout: 80_000,
    });
    assert.match(stdout, new RegExp(`^account ${dave.address}$`, "m"));
    const [, id] = stdout.match(/^post (\d+): "hello #socialchain", 1 like$/m) ?? [];
    assert.ok(id, `no post line in:\n${stdout}`);
    assert.match(stdout, new RegExp(`^new post ${id} by ${dave.address} at height \\d+$`, "m"));
    assert.equal((await rest.post(id)).post?.author, dave.address);
  });

  it("refuses a post id the chain cannot hold, naming the field", async () => {
    await assert.rejects(bob.client.react(-1, "like"), /^Error: postId: -1 is outside/);
  });
});
