import "server-only";
import type { StorageSettings } from "@/lib/config/storage-env";
import { serverEnv } from "@/lib/env";
import type { FileStore } from "./file-store";
import { localFileStore } from "./local-store";
import { s3FileStore } from "./s3-store";

/** The store the settings name: local disk (the demo's default) or an S3-compatible bucket. */
export function fileStoreFor(settings: StorageSettings): FileStore {
  return settings.driver === "s3" ? s3FileStore(settings) : localFileStore(() => settings.uploadDir);
}

let defaultStore: FileStore | undefined;

/** The configured store, one per process (the S3 client keeps a connection pool). */
export function evidenceStore(): FileStore {
  defaultStore ??= fileStoreFor(serverEnv().storage);
  return defaultStore;
}
