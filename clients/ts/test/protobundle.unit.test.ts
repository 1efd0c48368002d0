// The proto bundle (`make proto-bundle`) is enough for a client without our
// generated code: a cosmjs Registry built from its descriptors alone
// (examples/bundle-registry.ts) knows every socialchain Msg and encodes them
// byte for byte as the generated codec does. The image path comes from
// SOCIAL_PROTO_BUNDLE_IMAGE (tests/e2e sets it), else build/proto-bundle.binpb.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

import { TxBody } from "cosmjs-types/cosmos/tx/v1beta1/tx";

import { registryFromBundle } from "../examples/bundle-registry.js";
import { MsgCreatePost } from "../src/generated/socialchain/posts/v1/tx.js";
import { MsgCreateProfile } from "../src/generated/socialchain/profiles/v1/tx.js";

const image =
  process.env.SOCIAL_PROTO_BUNDLE_IMAGE ??
  fileURLToPath(new URL("../../../../build/proto-bundle.binpb", import.meta.url));

describe("registry from the proto bundle", () => {
  const { registry, typeUrls } = registryFromBundle(image);

  it("registers the Msgs of every socialchain module", () => {
    for (const url of [
      "/socialchain.posts.v1.MsgCreatePost",
      "/socialchain.profiles.v1.MsgCreateProfile",
      "/socialchain.profiles.v1.MsgAddAppKey",
      "/socialchain.messages.v1.MsgBuyUnits",
      "/socialchain.settlement.v1.MsgUpdateParams",
    ]) {
      assert.ok(typeUrls.includes(url), `${url} is not in ${typeUrls.join(", ")}`);
      assert.ok(registry.lookupType(url), `${url} is not registered`);
    }
  });

  it("encodes MsgCreatePost as the generated codec does and decodes it back", () => {
    const value = {
      author: "social1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5vst3f9",
      text: "hello #bundle",
      attachments: [{ cid: "bafkqaaa", mimeType: "image/png", sizeBytes: 3n, altText: "" }],
      replyTo: 7n,
    };
    const typeUrl = "/socialchain.posts.v1.MsgCreatePost";
    const fromBundle = registry.encode({ typeUrl, value });
    const generated = MsgCreatePost.encode(MsgCreatePost.fromPartial(value)).finish();
    assert.deepEqual(fromBundle, generated);
    const decoded = registry.decode({ typeUrl, value: generated });
    assert.equal(decoded.text, value.text);
    assert.equal(decoded.replyTo, 7n);
    assert.equal(decoded.attachments[0].mimeType, "image/png");
  });

  it("wraps a Msg in a TxBody as the generated codec does", () => {
    const value = { owner: "social1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5vst3f9", handle: "bundle_user" };
    const typeUrl = "/socialchain.profiles.v1.MsgCreateProfile";
    const body = registry.encodeTxBody({ messages: [{ typeUrl, value }], memo: "m" });
    const raw = TxBody.decode(body);
    assert.equal(raw.messages[0].typeUrl, typeUrl);
    assert.deepEqual(raw.messages[0].value, MsgCreateProfile.encode(MsgCreateProfile.fromPartial(value)).finish());
    const messages: unknown[] = registry.decodeTxBody(body).messages;
    assert.equal((messages[0] as { handle: string }).handle, "bundle_user");
  });
});
