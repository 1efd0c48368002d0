// The committed browser bundle (web/app/social.js), loaded as a page would
// load it, keeps the window.Social contract of docs/clients.md.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { runInThisContext } from "node:vm";

import { fundedAccounts, funderMnemonic, rest, restUrl, uniqueHandle } from "./env.js";

// devAddress is what `socialchaind keys add x --recover` derives from the dev
// chain's public DevTestMnemonic.
const devAddress = "social1xpa5xa99jfr3s58422vg6696h9a00ytqjq99tm";

interface SocialAPI {
  generateMnemonic(): string;
  addressFromMnemonic(mnemonic: string): Promise<string>;
  signAndBroadcast(
    mnemonic: string,
    msgs: { typeUrl: string; value: object }[],
    opts?: { restUrl?: string; chainId?: string; memo?: string },
  ): Promise<{ txhash: string; code: number; rawLog: string; height: string }>;
  msgCreateProfile(owner: string, fields: { handle: string; displayName?: string; bio?: string }): { typeUrl: string; value: object };
  msgCreatePost(author: string, fields: { text: string }): { typeUrl: string; value: object };
  msgFollow(follower: string, followee: string): { typeUrl: string; value: object };
  msgReact(user: string, postId: number | string | bigint, kind: string): { typeUrl: string; value: object };
  generateAppKey(): string;
  appKeyPublicKey(seedHex: string): string;
  msgAddAppKey(owner: string, publicKeyHex: string, scopes: string[]): { typeUrl: string; value: object };
  msgRevokeAppKey(owner: string, publicKeyHex: string): { typeUrl: string; value: object };
  laneClient(
    seedHex: string,
    author: string,
    opts?: { restUrl?: string; chainId?: string },
  ): {
    post(text: string, opts?: { replyTo?: number | string | bigint }): Promise<{
      hash: string;
      included(): Promise<{ postId: bigint; height: bigint }>;
    }>;
  };
}

function loadBundle(): SocialAPI {
  const src = readFileSync(new URL("../../../../web/app/social.js", import.meta.url), "utf8");
  const g = globalThis as unknown as { window?: unknown; Social?: SocialAPI };
  g.window = globalThis;
  runInThisContext(src, { filename: "social.js" });
  assert.ok(g.Social, "the bundle did not set window.Social");
  return g.Social;
}

const Social = loadBundle();

describe("web/app/social.js", () => {
  it("derives the dev account's address from the dev mnemonic", async () => {
    assert.equal(await Social.addressFromMnemonic(funderMnemonic()), devAddress);
  });

  it("generates distinct 24-word mnemonics that derive social1 addresses", async () => {
    const a = Social.generateMnemonic();
    const b = Social.generateMnemonic();
    assert.equal(a.split(" ").length, 24);
    assert.notEqual(a, b);
    assert.match(await Social.addressFromMnemonic(a), /^social1[02-9ac-hj-np-z]{38}$/);
  });

  it("builds messages with the proto's field names", () => {
    assert.deepEqual(Social.msgReact("social1x", 7, "like"), {
      typeUrl: "/socialchain.posts.v1.MsgReact",
      value: { user: "social1x", postId: 7n, kind: "like" },
    });
    assert.throws(() => Social.msgReact("social1x", "seven", "like"), /postId: seven is not an integer/);
  });

  it("signs in the page and broadcasts over REST", { timeout: 90_000 }, async () => {
    const [acct] = await fundedAccounts(1);
    acct.client.disconnect();
    const handle = uniqueHandle("web");

    const res = await Social.signAndBroadcast(
      acct.mnemonic,
      [Social.msgCreateProfile(acct.address, { handle, displayName: "From the bundle" })],
      { restUrl, memo: "bundle test" },
    );
    assert.equal(res.code, 0);
    assert.match(res.txhash, /^[0-9A-F]{64}$/);
    assert.ok(Number(res.height) > 0, `height ${res.height}`);
    const profile = await rest.profile(acct.address);
    assert.equal(profile.handle, handle);
    assert.equal(profile.displayName, "From the bundle");

    // A second tx uses the next sequence, read again from the chain.
    const post = await Social.signAndBroadcast(acct.mnemonic, [Social.msgCreatePost(acct.address, { text: "from a page" })], {
      restUrl,
    });
    assert.equal(post.code, 0);
    const posts = await rest.postsByAuthor(acct.address);
    assert.deepEqual(
      posts.posts.map((p) => p.post?.text),
      ["from a page"],
    );

    await assert.rejects(
      Social.signAndBroadcast(acct.mnemonic, [Social.msgCreateProfile(acct.address, { handle })], { restUrl }),
      /address already has a profile/,
    );

    // Fast posting as the web app does it: an app key made in the page,
    // registered with a wallet tx, then a post through the lane.
    const seed = Social.generateAppKey();
    assert.match(seed, /^[0-9a-f]{64}$/);
    const publicKey = Social.appKeyPublicKey(seed);
    await Social.signAndBroadcast(acct.mnemonic, [Social.msgAddAppKey(acct.address, publicKey, ["posts"])], { restUrl });
    const pending = await Social.laneClient(seed, acct.address, { restUrl }).post("from the lane in a page");
    assert.match(pending.hash, /^[0-9a-f]{64}$/);
    const { postId } = await pending.included();
    assert.equal((await rest.post(postId)).post?.text, "from the lane in a page");
    await Social.signAndBroadcast(acct.mnemonic, [Social.msgRevokeAppKey(acct.address, publicKey)], { restUrl });
    assert.deepEqual((await rest.appKeys(acct.address)).appKeys, []);
  });

  it("refuses an app key that is not 32 bytes", () => {
    assert.throws(() => Social.msgAddAppKey("social1x", "00ff", ["posts"]), /app key: 2 bytes, want 32/);
  });
});
