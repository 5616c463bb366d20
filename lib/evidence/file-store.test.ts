// The storage contract, one suite run against both stores: local disk and S3 (s3rver on loopback,
// standing in for AWS S3, MinIO, Aliyun OSS or Tencent COS).
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server } from "@/lib/testing/s3-server";
import { InvalidStorageKeyError, newStorageKey, type FileStore, type StoredObject } from "./file-store";
import { MAX_FILE_BYTES } from "./limits";
import { localFileStore } from "./local-store";
import { s3FileStore } from "./s3-store";

type Harness = {
  store: FileStore;
  /** Puts something under a name newStorageKey() cannot make, beside our objects. */
  plantForeign: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

async function localHarness(): Promise<Harness> {
  const root = mkdtempSync(path.join(tmpdir(), "expedite-store-"));
  return {
    store: localFileStore(() => root),
    plantForeign: async (name) => {
      mkdirSync(path.join(root, name.slice(0, 2)), { recursive: true });
      writeFileSync(path.join(root, name.slice(0, 2), name), "x");
    },
    stop: async () => rmSync(root, { recursive: true, force: true }),
  };
}

async function s3Harness(): Promise<Harness> {
  const server = await startS3Server();
  const raw = new S3Client({
    endpoint: server.endpoint,
    region: server.settings.region,
    forcePathStyle: true,
    credentials: {
      accessKeyId: server.settings.accessKeyId,
      secretAccessKey: server.settings.secretAccessKey,
    },
  });
  return {
    // Two keys a page, so every listing below crosses pages.
    store: s3FileStore(server.settings, { listPageSize: 2 }),
    plantForeign: async (name) => {
      await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: name, Body: "x" }));
    },
    stop: async () => {
      raw.destroy();
      await server.stop();
    },
  };
}

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array | null> {
  return stream ? new Uint8Array(await new Response(stream).arrayBuffer()) : null;
}

async function collect(iterable: AsyncIterable<StoredObject>): Promise<StoredObject[]> {
  const objects: StoredObject[] = [];
  for await (const object of iterable) objects.push(object);
  return objects;
}

/** Keys sharing a fresh 6-character prefix, so tests do not see each other's objects. */
function keysWithPrefix(count: number): { prefix: string; keys: string[] } {
  const prefix = randomBytes(3).toString("hex");
  const keys = Array.from({ length: count }, () => prefix + randomBytes(13).toString("hex")).sort();
  return { prefix, keys };
}

const INVALID_KEYS = [
  "../escape",
  "../../etc/passwd",
  "/etc/passwd",
  "ab/../../x",
  "..",
  "",
  "A".repeat(32),
  `${"a".repeat(32)}/..`,
  "a".repeat(33),
];

describe.each([
  ["local disk", localHarness],
  ["S3 (s3rver)", s3Harness],
])("FileStore contract: %s", (_name, makeHarness) => {
  let harness: Harness;
  let store: FileStore;
  beforeAll(async () => {
    harness = await makeHarness();
    store = harness.store;
  });
  afterAll(() => harness?.stop());

  it("round-trips bytes, deletes them, and deleting again is no error", async () => {
    const key = newStorageKey();
    await store.put(key, new Uint8Array([1, 2, 3]));
    expect(await readAll(await store.get(key))).toEqual(new Uint8Array([1, 2, 3]));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
  });

  it("answers null for a key that was never stored", async () => {
    expect(await store.get(newStorageKey())).toBeNull();
  });

  it("refuses keys and prefixes it could not have made, before touching storage", async () => {
    for (const key of INVALID_KEYS) {
      await expect(store.put(key, new Uint8Array([1]))).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    for (const prefix of ["../", "AB", "a/", "a".repeat(33)])
      await expect(collect(store.list(prefix))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    expect(existsSync(path.join(tmpdir(), "escape"))).toBe(false);
  });

  it("replaces an object when the same key is put again", async () => {
    const key = newStorageKey();
    await store.put(key, new Uint8Array([1, 1, 1, 1]));
    await store.put(key, new Uint8Array([2, 2]));
    expect(await readAll(await store.get(key))).toEqual(new Uint8Array([2, 2]));
    expect(await collect(store.list(key))).toEqual([{ key, sizeBytes: 2, lastModified: expect.any(Date) }]);
  });

  it("lists by prefix in key order across pages, with sizes, and never lists foreign objects", async () => {
    const { prefix, keys } = keysWithPrefix(5);
    for (const [index, key] of keys.entries()) await store.put(key, new Uint8Array(index + 1));
    await harness.plantForeign(`${prefix}${"0".repeat(26)}.1234.tmp`);
    await harness.plantForeign(`${prefix}-notes.txt`);
    const other = newStorageKey();
    await store.put(other, new Uint8Array([9]));

    const listed = await collect(store.list(prefix));
    expect(listed.map((object) => object.key)).toEqual(keys);
    expect(listed.map((object) => object.sizeBytes)).toEqual([1, 2, 3, 4, 5]);
    for (const object of listed) expect(Date.now() - object.lastModified.getTime()).toBeLessThan(3_600_000);

    const everything = (await collect(store.list())).map((object) => object.key);
    expect(everything).toEqual(expect.arrayContaining([...keys, other]));
    expect(everything).toEqual([...everything].sort());
    expect(everything.every((key) => /^[0-9a-f]{32}$/.test(key))).toBe(true);
  });

  it("stores and streams back the largest allowed file intact, in several chunks", async () => {
    const bytes = new Uint8Array(randomBytes(MAX_FILE_BYTES));
    const key = newStorageKey();
    await store.put(key, bytes);
    const reader = (await store.get(key))!.getReader();
    const hash = createHash("sha256");
    let chunks = 0;
    let size = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      hash.update(read.value);
      size += read.value.length;
      chunks += 1;
    }
    expect(size).toBe(bytes.length);
    expect(chunks).toBeGreaterThan(1);
    expect(hash.digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
    await store.delete(key);
  });

  it("releases what a cancelled download held: many cancelled reads, then a full one", async () => {
    const key = newStorageKey();
    const bytes = new Uint8Array(randomBytes(256 * 1024));
    await store.put(key, bytes);
    // More than the SDK's 50 pooled sockets: an unreleased body per read would stall the last get.
    for (let i = 0; i < 60; i += 1) {
      const reader = (await store.get(key))!.getReader();
      await reader.read();
      await reader.cancel();
    }
    expect(await readAll(await store.get(key))).toEqual(bytes);
  });
});
