// The protobuf codec of socialchain's messages for cosmjs, from the ts-proto
// code under generated/ (scripts/ts-protogen.sh).
import type { GeneratedType } from "@cosmjs/proto-signing";

import * as messagesTx from "./generated/socialchain/messages/v1/tx.js";
import * as postsTx from "./generated/socialchain/posts/v1/tx.js";
import * as profilesTx from "./generated/socialchain/profiles/v1/tx.js";
import * as settlementTx from "./generated/socialchain/settlement/v1/tx.js";

/** A generated tx.ts module: its package name and its message codecs. */
type TxModule = { protobufPackage: string } & Record<string, unknown>;

// msgTypes lists every Msg of a tx.proto. Deriving the list from the module's
// exports keeps it complete when a Msg is added to the proto.
function msgTypes(mod: TxModule): [string, GeneratedType][] {
  return Object.entries(mod)
    .filter(([name]) => name.startsWith("Msg") && !name.endsWith("Response"))
    .map(([name, fns]) => [`/${mod.protobufPackage}.${name}`, fns as GeneratedType]);
}

/**
 * socialTypes are the [typeUrl, codec] pairs of every socialchain Msg, ready
 * for `new Registry([...defaultRegistryTypes, ...socialTypes])`.
 */
export const socialTypes: ReadonlyArray<[string, GeneratedType]> = [
  ...msgTypes(profilesTx),
  ...msgTypes(postsTx),
  ...msgTypes(messagesTx),
  ...msgTypes(settlementTx),
];
