import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type Secrets = { NEXTAUTH_SECRET: string; ID_HASH_KEY: string };

/**
 * Secrets from the environment, else generated once and kept in .data/secrets.json, so sessions and
 * ID-number hashes stay valid across restarts. Losing ID_HASH_KEY makes existing cases unfindable
 * by ID number: production sets it explicitly (README).
 */
export function loadSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  } catch {
    // Missing or unreadable: generated below.
  }
  const secrets: Secrets = {
    NEXTAUTH_SECRET: stored.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ID_HASH_KEY: stored.ID_HASH_KEY ?? randomBytes(32).toString("base64url"),
  };
  if (stored.NEXTAUTH_SECRET !== secrets.NEXTAUTH_SECRET || stored.ID_HASH_KEY !== secrets.ID_HASH_KEY) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    ID_HASH_KEY: process.env.ID_HASH_KEY ?? secrets.ID_HASH_KEY,
  };
}
