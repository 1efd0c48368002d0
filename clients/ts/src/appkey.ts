// App keys: the ed25519 keys a profile registers (MsgAddAppKey) so that an
// app can sign lane messages for it (docs/profiles.md "App keys",
// docs/messages.md). Keys are made and used with @noble/curves, which works
// the same in node and in the browser bundle.
import { fromHex, toHex } from "@cosmjs/encoding";
import { ed25519 } from "@noble/curves/ed25519.js";

/** AppKeyScope is a kind of lane message an app key may sign. */
export type AppKeyScope = "posts" | "reactions" | "reposts" | "follows";

/** appKeyScopes are every scope, in the order docs/profiles.md lists them. */
export const appKeyScopes: readonly AppKeyScope[] = ["posts", "reactions", "reposts", "follows"];

/**
 * AppKey is an ed25519 key pair: the 32-byte seed (RFC 8032's private key)
 * and the 32-byte public key a profile registers. Keep the seed as secret as
 * an account key while the app key is registered: it posts for the profile.
 */
export class AppKey {
  private constructor(
    /** seed is the 32-byte private key. */
    readonly seed: Uint8Array,
    /** publicKey is the 32-byte public key, MessageBody.app_key. */
    readonly publicKey: Uint8Array,
  ) {}

  /** generate makes a new key from the platform's secure random source. */
  static generate(): AppKey {
    return AppKey.fromSeed(ed25519.utils.randomSecretKey());
  }

  /** fromSeed restores a key from its 32-byte seed, as bytes or hex. */
  static fromSeed(seed: Uint8Array | string): AppKey {
    const bytes = typeof seed === "string" ? fromHex(seed) : Uint8Array.from(seed);
    if (bytes.length !== 32) {
      throw new Error(`app key seed: ${bytes.length} bytes, want 32`);
    }
    return new AppKey(bytes, ed25519.getPublicKey(bytes));
  }

  /** seedHex is the seed in lowercase hex, to store the key. */
  get seedHex(): string {
    return toHex(this.seed);
  }

  /** publicKeyHex is the public key in lowercase hex, as events and the CLI show it. */
  get publicKeyHex(): string {
    return toHex(this.publicKey);
  }

  /** sign returns the 64-byte ed25519 signature of msg. */
  sign(msg: Uint8Array): Uint8Array {
    return ed25519.sign(msg, this.seed);
  }
}
