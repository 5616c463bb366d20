import { z } from "zod";
import { LOG_LEVELS } from "../env";
import { shutdownGraceSchema } from "../http/graceful-shutdown";
import { trustedProxiesSchema } from "../http/trusted-proxies";
import { SMS_TEMPLATE_NAMES } from "@/lib/notifications/templates";
import { missingTemplateCodes, parseSmsSettings } from "./sms-env";
import { parseStorageSettings } from "./storage-env";

// Production mode (`npm run serve`, `npm run worker` with NODE_ENV=production) takes every setting
// from its environment and generates nothing: two hosts that generated their own keys would reject
// each other's sessions and hash ID numbers differently (decision 017). This is the one list of what
// production needs; boot prints every problem at once rather than the first.

const secret = (name: string) =>
  z
    .string({ error: `${name} is missing` })
    .min(32, `${name} must be at least 32 characters (e.g. \`openssl rand -base64 32\`)`);

/** Next.js encrypts Server Action closures with this AES key; it must be the same on every instance. */
const serverActionsKey = z
  .string({ error: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is missing" })
  .refine(
    (value) =>
      /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, "base64").length),
    "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be a base64 AES key of 16, 24 or 32 bytes (e.g. `openssl rand -base64 32`)",
  );

export const productionEnvSchema = z.object({
  NODE_ENV: z.literal("production", { error: "NODE_ENV must be production (npm run serve sets it)" }),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is missing" })
    .refine(
      (value) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value),
      "DATABASE_URL must be postgresql://user:password@host:port/database",
    ),
  NEXTAUTH_SECRET: secret("NEXTAUTH_SECRET"),
  ID_HASH_KEY: secret("ID_HASH_KEY"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: serverActionsKey,
  APP_URL: z.url({
    protocol: /^https?$/,
    error: "APP_URL must be the public address, e.g. https://expedite.example.gov",
  }),
  // Optional, but a bad value must refuse to boot rather than trust the wrong peers.
  TRUSTED_PROXIES: trustedProxiesSchema,
  SHUTDOWN_GRACE_MS: shutdownGraceSchema,
  // Logs and metrics (decision 020): optional, but a wrong value refuses to start rather than later.
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
  METRICS_TOKEN: z
    .string()
    .min(32, "METRICS_TOKEN must be at least 32 characters (e.g. `openssl rand -base64 32`)")
    .optional(),
});

export type ProductionEnv = z.infer<typeof productionEnvSchema>;

// Evidence storage (STORAGE_DRIVER, UPLOAD_DIR, S3_*) is checked by parseStorageSettings with no
// defaults: the driver must be named, and local disk (one host only) needs an explicit UPLOAD_DIR.

/** Every missing or invalid setting, one line each, named by variable; empty when all is well. */
export function productionEnvProblems(env: Record<string, string | undefined>): string[] {
  // An empty value is as good as unset: `FOO=` in an env file should not pass as a setting.
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = productionEnvSchema.safeParse(given);
  // SMS providers are optional (none: the dev mailbox), but a half-configured one refuses to boot.
  const sms = parseSmsSettings(given);
  const smsProblems = sms.settings
    ? [missingTemplateCodes(sms.settings, SMS_TEMPLATE_NAMES)].filter(Boolean)
    : sms.problems;
  const others = [...parseStorageSettings(given, null).problems, ...smsProblems];
  if (parsed.success) return others;
  return [...parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`), ...others];
}
