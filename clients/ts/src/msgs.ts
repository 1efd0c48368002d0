// Builders of the socialchain messages a client sends most. Each returns a
// cosmjs EncodeObject whose value is the complete generated message, so the
// field names are exactly the proto's (camelCase, as ts-proto spells them).
import type { EncodeObject } from "@cosmjs/proto-signing";

import { MsgCreatePost, MsgReact } from "./generated/socialchain/posts/v1/tx.js";
import {
  MsgAddAppKey,
  MsgCreateProfile,
  MsgFollow,
  MsgRevokeAppKey,
} from "./generated/socialchain/profiles/v1/tx.js";

/** PostID is a post id (uint64 on chain): a bigint, a safe integer or a decimal string. */
export type PostID = bigint | number | string;

/** ProfileFields are the fields of MsgCreateProfile besides its owner. */
export interface ProfileFields {
  handle: string;
  displayName?: string;
  bio?: string;
  avatarCid?: string;
  bannerCid?: string;
  website?: string;
}

/** AttachmentFields describe one media file of a post (see types.proto). */
export interface AttachmentFields {
  cid: string;
  mimeType: string;
  sizeBytes: bigint | number | string;
  altText?: string;
}

/** PostFields are the fields of MsgCreatePost besides its author. */
export interface PostFields {
  text: string;
  bodyCid?: string;
  attachments?: AttachmentFields[];
  replyTo?: PostID;
  quoteOf?: PostID;
}

const maxUint64 = (1n << 64n) - 1n;

/**
 * uint64 converts v for the uint64 field named field, refusing what the chain
 * could not hold (negative, fractional, over 2^64-1, not a number) with an
 * error that names the field.
 */
export function uint64(field: string, v: bigint | number | string): bigint {
  let n: bigint;
  try {
    n = BigInt(v);
  } catch {
    throw new Error(`${field}: ${String(v)} is not an integer`);
  }
  if (n < 0n || n > maxUint64) {
    throw new Error(`${field}: ${n} is outside 0..${maxUint64}`);
  }
  return n;
}

/** typeUrls of the messages built here. */
export const typeUrls = {
  createProfile: "/socialchain.profiles.v1.MsgCreateProfile",
  follow: "/socialchain.profiles.v1.MsgFollow",
  createPost: "/socialchain.posts.v1.MsgCreatePost",
  react: "/socialchain.posts.v1.MsgReact",
  addAppKey: "/socialchain.profiles.v1.MsgAddAppKey",
  revokeAppKey: "/socialchain.profiles.v1.MsgRevokeAppKey",
} as const;

/** msgCreateProfile creates the profile of owner and claims its handle. */
export function msgCreateProfile(owner: string, fields: ProfileFields): EncodeObject {
  return { typeUrl: typeUrls.createProfile, value: MsgCreateProfile.fromPartial({ ...fields, owner }) };
}

/** msgCreatePost publishes a post, a reply (replyTo) or a quote (quoteOf). */
export function msgCreatePost(author: string, fields: PostFields): EncodeObject {
  const { attachments = [], replyTo = 0, quoteOf = 0, bodyCid = "", text } = fields;
  return {
    typeUrl: typeUrls.createPost,
    value: MsgCreatePost.fromPartial({
      author,
      text,
      bodyCid,
      replyTo: uint64("replyTo", replyTo),
      quoteOf: uint64("quoteOf", quoteOf),
      attachments: attachments.map((a, i) => ({ ...a, sizeBytes: uint64(`attachments[${i}].sizeBytes`, a.sizeBytes) })),
    }),
  };
}

/** msgFollow makes follower follow followee. */
export function msgFollow(follower: string, followee: string): EncodeObject {
  return { typeUrl: typeUrls.follow, value: MsgFollow.fromPartial({ follower, followee }) };
}

/** msgReact adds user's reaction kind ("like" or an allowed emoji) to a post. */
export function msgReact(user: string, postId: PostID, kind: string): EncodeObject {
  return { typeUrl: typeUrls.react, value: MsgReact.fromPartial({ user, postId: uint64("postId", postId), kind }) };
}

/** AppKeyFields are the fields of MsgAddAppKey besides its owner and key. */
export interface AppKeyFields {
  /** scopes are the lane message kinds the key may sign: "posts", "reactions", "reposts", "follows". */
  scopes: readonly string[];
  /** expiresAt, if set, is the block time from which the key signs nothing. */
  expiresAt?: Date;
}

/** msgAddAppKey authorises the 32-byte ed25519 pubKey to sign lane messages for owner's profile. */
export function msgAddAppKey(owner: string, pubKey: Uint8Array, fields: AppKeyFields): EncodeObject {
  return {
    typeUrl: typeUrls.addAppKey,
    value: MsgAddAppKey.fromPartial({ owner, pubKey, scopes: [...fields.scopes], expiresAt: fields.expiresAt }),
  };
}

/** msgRevokeAppKey withdraws an app key of owner's profile. */
export function msgRevokeAppKey(owner: string, pubKey: Uint8Array): EncodeObject {
  return { typeUrl: typeUrls.revokeAppKey, value: MsgRevokeAppKey.fromPartial({ owner, pubKey }) };
}
