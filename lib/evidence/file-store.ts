import { randomBytes } from "node:crypto";

/** One stored object, as a listing reports it. */
export type StoredObject = { key: string; sizeBytes: number; lastModified: Date };

/**
 * Where evidence bytes live: local disk (local-store.ts) or an S3-compatible bucket (s3-store.ts),
 * chosen by configuration (storage.ts). Both pass the same contract suite (file-store.test.ts).
 */
export interface FileStore {
  /**
   * Stores bytes under a key from newStorageKey() (128 random bits, so keys never collide). The
   * object appears whole or not at all; putting an existing key replaces it.
   */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * The object's bytes as a stream, or null when there is no such key. The caller must read the
   * stream to the end or cancel it: an S3 body left unread holds a pooled connection.
   */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Every object whose key starts with `prefix`, in key order, fetched page by page. Objects that
   * are not ours (a key newStorageKey() cannot make) are never listed, so nothing sweeps them.
   */
  list(prefix?: string): AsyncIterable<StoredObject>;
}

const KEY_PATTERN = /^[0-9a-f]{32}$/;
const PREFIX_PATTERN = /^[0-9a-f]{0,32}$/;

/** Keys are random and ours alone: nothing the uploader sends (name, type) ends up in a path. */
export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export class InvalidStorageKeyError extends Error {
  constructor() {
    super("Invalid storage key");
    this.name = "InvalidStorageKeyError";
  }
}

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new InvalidStorageKeyError();
}

export function assertStoragePrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) throw new InvalidStorageKeyError();
}
