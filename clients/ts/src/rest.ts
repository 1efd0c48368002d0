// RestClient reads socialchain state from a node's REST server (the
// grpc-gateway routes of the Query services, docs/posts.md, docs/profiles.md).
import { toBase64 } from "@cosmjs/encoding";

import {
  QueryFeedResponse,
  QueryPostResponse,
  QueryPostsByAuthorResponse,
} from "./generated/socialchain/posts/v1/query.js";
import type { PostView } from "./generated/socialchain/posts/v1/types.js";
import {
  QueryAppKeysResponse,
  QueryProfileByHandleResponse,
  QueryProfileResponse,
} from "./generated/socialchain/profiles/v1/query.js";
import type { Profile } from "./generated/socialchain/profiles/v1/types.js";
import { uint64, type PostID } from "./msgs.js";

/** Page selects a page of a list: where it starts (the previous page's pagination.nextKey) and its size. */
export interface Page {
  key?: Uint8Array;
  limit?: number;
}

/**
 * RestClient decodes the REST server's proto3 JSON into the generated types,
 * so uint64 fields arrive as bigint and timestamps as Date.
 */
export class RestClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  /** feed is a page of posts by the authors address follows, newest first. */
  async feed(address: string, page: Page = {}): Promise<QueryFeedResponse> {
    return QueryFeedResponse.fromJSON(await this.get(`/socialchain/posts/v1/feeds/${address}`, page));
  }

  /** postsByAuthor is a page of the posts of address, newest first. */
  async postsByAuthor(address: string, page: Page = {}): Promise<QueryPostsByAuthorResponse> {
    return QueryPostsByAuthorResponse.fromJSON(await this.get(`/socialchain/posts/v1/authors/${address}/posts`, page));
  }

  /** post is one post with its counters. */
  async post(id: PostID): Promise<PostView> {
    const res = QueryPostResponse.fromJSON(await this.get(`/socialchain/posts/v1/posts/${uint64("id", id)}`));
    if (res.post === undefined) {
      throw new Error(`post ${id}: empty response`);
    }
    return res.post;
  }

  /** profile is the profile owned by address. */
  async profile(address: string): Promise<Profile> {
    const res = QueryProfileResponse.fromJSON(await this.get(`/socialchain/profiles/v1/profiles/${address}`));
    if (res.profile === undefined) {
      throw new Error(`profile of ${address}: empty response`);
    }
    return res.profile;
  }

  /** profileByHandle is the profile that holds handle. */
  async profileByHandle(handle: string): Promise<Profile> {
    const res = QueryProfileByHandleResponse.fromJSON(
      await this.get(`/socialchain/profiles/v1/handles/${encodeURIComponent(handle)}`),
    );
    if (res.profile === undefined) {
      throw new Error(`profile @${handle}: empty response`);
    }
    return res.profile;
  }

  /** appKeys is a page of the app keys of address's profile, in public key order, expired ones included. */
  async appKeys(address: string, page: Page = {}): Promise<QueryAppKeysResponse> {
    return QueryAppKeysResponse.fromJSON(await this.get(`/socialchain/profiles/v1/profiles/${address}/app_keys`, page));
  }

  // get fetches path and returns its JSON body; a non-2xx answer becomes an
  // Error with the server's message (grpc-gateway's {code, message}).
  private async get(path: string, page: Page = {}): Promise<unknown> {
    const url = new URL(this.baseUrl + path);
    if (page.key !== undefined) url.searchParams.set("pagination.key", toBase64(page.key));
    if (page.limit !== undefined) url.searchParams.set("pagination.limit", String(page.limit));
    const res = await fetch(url);
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const message = (body as { message?: string } | undefined)?.message ?? res.statusText;
      throw new Error(`GET ${path}: ${res.status}: ${message}`);
    }
    return body;
  }
}
