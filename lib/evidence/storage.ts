import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { serverEnv } from "@/lib/env";

/** Where evidence bytes live. Local disk today; the interface leaves room for an object store. */
export interface FileStore {
  /** Stores bytes under a key from newStorageKey() (128 random bits, so keys never collide). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The file's bytes as a stream, or null when there is no such file. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{32}$/;

/** Keys are random and ours alone: nothing the uploader sends (name, type) ends up in a path. */
export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

export class InvalidStorageKeyError extends Error {
  constructor() {
    super("Invalid storage key");
    this.name = "InvalidStorageKeyError";
  }
}

/**
 * Files in a local directory (UPLOAD_DIR, outside public/ so nothing is served without the
 * authorized route), spread over 256 subdirectories by the key's first two characters.
 */
export function localFileStore(rootDir: () => string = () => serverEnv().UPLOAD_DIR): FileStore {
  function pathFor(key: string): string {
    // The pattern alone rules out traversal; the containment check guards against a future,
    // looser pattern.
    if (!KEY_PATTERN.test(key)) throw new InvalidStorageKeyError();
    const root = path.resolve(rootDir());
    const filePath = path.resolve(root, key.slice(0, 2), key);
    if (!filePath.startsWith(root + path.sep)) throw new InvalidStorageKeyError();
    return filePath;
  }

  return {
    async put(key, bytes) {
      const target = pathFor(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      // Written beside the target, flushed, then renamed: a crash leaves a stray .tmp file at
      // worst, never a truncated file under a key the database points at.
      const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      const handle = await open(temporary, "wx", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      try {
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async get(key) {
      try {
        const handle = await open(pathFor(key), "r");
        return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      await rm(pathFor(key), { force: true });
    },
  };
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

let defaultStore: FileStore | undefined;

export function evidenceStore(): FileStore {
  defaultStore ??= localFileStore();
  return defaultStore;
}
