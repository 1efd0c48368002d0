// A cosmjs Registry built at run time from the proto bundle (`make
// proto-bundle`, docs/clients.md), for a client that carries no generated
// socialchain code: every request type of every Msg service in the bundle is
// registered under its type URL, encoded and decoded by @bufbuild/protobuf
// from the bundle's descriptors.
import { readFileSync } from "node:fs";

import { create, createFileRegistry, fromBinary, toBinary, type DescMessage } from "@bufbuild/protobuf";
import { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";

/** generatedType adapts a message descriptor to cosmjs' GeneratedType (the ts-proto 2 shape). */
function generatedType(schema: DescMessage): GeneratedType {
  return {
    fromPartial: (object: Record<string, unknown>) => create(schema, object),
    encode: (message: Record<string, unknown>, writer: BinaryWriter = new BinaryWriter()) =>
      writer.raw(toBinary(schema, create(schema, message))),
    // cosmjs' Registry decodes from bytes; readers appear only in nested ts-proto decoding.
    decode: (input: Uint8Array | BinaryReader) => {
      if (!(input instanceof Uint8Array)) {
        throw new Error(`decode ${schema.typeName}: pass the encoded bytes, not a BinaryReader`);
      }
      return fromBinary(schema, input);
    },
  };
}

/**
 * registryFromBundle returns cosmjs' default registry (bank, staking, ...)
 * plus every Msg of the socialchain services in the FileDescriptorSet at
 * imagePath (build/proto-bundle.binpb), and the type URLs it added.
 */
export function registryFromBundle(imagePath: string): { registry: Registry; typeUrls: string[] } {
  const files = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(imagePath)));
  const registry = new Registry(defaultRegistryTypes);
  const typeUrls: string[] = [];
  for (const file of files.files) {
    for (const service of file.services) {
      if (!service.typeName.startsWith("socialchain.") || service.name !== "Msg") {
        continue;
      }
      for (const method of service.methods) {
        const typeUrl = `/${method.input.typeName}`;
        registry.register(typeUrl, generatedType(method.input));
        typeUrls.push(typeUrl);
      }
    }
  }
  return { registry, typeUrls };
}

// Run as a script: list what the bundle registered.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { typeUrls } = registryFromBundle(process.argv[2] ?? "build/proto-bundle.binpb");
  console.log(typeUrls.join("\n"));
}
