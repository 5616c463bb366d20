import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  assertStorageKey,
  assertStoragePrefix,
  InvalidStorageKeyError,
  isStorageKey,
  type FileStore,
  type StoredObject,
} from "./file-store";

const SUBDIRECTORY = /^[0-9a-f]{2}$/;

/**
 * Files in a local directory (UPLOAD_DIR, outside public/ so nothing is served without the
 * authorized route), spread over 256 subdirectories by the key's first two characters.
 * One host only: a second instance cannot see these files (decision 019).
 */
export function localFileStore(rootDir: () => string): FileStore {
  function pathFor(key: string): string {
    // The pattern alone rules out traversal; the containment check guards against a future,
    // looser pattern.
    assertStorageKey(key);
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

    async *list(prefix = "") {
      assertStoragePrefix(prefix);
      const root = path.resolve(rootDir());
      // One subdirectory at a time, so memory stays bounded by one directory's listing.
      for (const directory of await sortedEntries(root)) {
        if (!SUBDIRECTORY.test(directory) || !directory.startsWith(prefix.slice(0, 2))) continue;
        for (const key of await sortedEntries(path.join(root, directory))) {
          if (!isStorageKey(key) || !key.startsWith(prefix) || key.slice(0, 2) !== directory) continue;
          const object = await statObject(path.join(root, directory, key), key);
          if (object) yield object;
        }
      }
    },
  };
}

async function sortedEntries(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Null when the file went away between the listing and the stat (a concurrent delete). */
async function statObject(filePath: string, key: string): Promise<StoredObject | null> {
  try {
    const info = await stat(filePath);
    return info.isFile() ? { key, sizeBytes: info.size, lastModified: info.mtime } : null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}
