import path from "node:path";
import type { FileStore } from "../../lib/evidence/file-store";
import { loadSecrets } from "./secrets";
import { allowServerOnlyModules } from "./server-only-stub";

/**
 * What `npm run backup` and `npm run restore` work on: DATABASE_URL and the evidence store the app
 * is configured with (lib/evidence/storage.ts), read through the app's own settings, so they run
 * with the same environment as `npm run serve`.
 */
export async function backupEnvironment(command: string): Promise<{ databaseUrl: string; store: FileStore }> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) throw new Error(`DATABASE_URL is not set: ${command} needs the database to work on.`);
  // lib/env.ts insists on these although storage does not use them; the demo keeps them in .data.
  if (process.env.NODE_ENV !== "production" && (!process.env.NEXTAUTH_SECRET || !process.env.ID_HASH_KEY))
    Object.assign(process.env, loadSecrets(path.resolve(".data")));
  allowServerOnlyModules();
  const { evidenceStore } = await import("../../lib/evidence/storage");
  return { databaseUrl, store: evidenceStore() };
}
