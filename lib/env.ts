import { z } from "zod";
import { shutdownGraceSchema } from "./http/graceful-shutdown";
import { trustedProxiesSchema } from "./http/trusted-proxies";
import { parseSmsSettings, type SmsSettings } from "@/lib/config/sms-env";
import { parseStorageSettings, type StorageSettings } from "@/lib/config/storage-env";

// The only reader of process.env. Parsed lazily so `next build` runs without a database or secrets;
// the first server-side use fails fast with a readable list of what is missing.
const serverEnvSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it for the embedded database)"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  ID_HASH_KEY: z.string().min(32, "ID_HASH_KEY must be at least 32 characters"),
  /**
   * Connection pool, per process (app and worker each have one): Postgres allows 100 connections by
   * default, so a few processes of 10 leave room for migrations, psql and a second deploy.
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a plain statement waits for a free connection (or for a new one to open), in ms. */
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * How long a transaction waits for a connection before failing with P2028 (then retried, see
   * lib/db/retry-policy.ts). Prisma's 2 s default turned bursts of submissions into 500s.
   */
  DATABASE_TX_MAX_WAIT_MS: z.coerce.number().int().min(100).default(10_000),
  /** The longest a transaction may run once started, in ms (Prisma's default). */
  DATABASE_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The public address of the app, for links in emails and text messages. */
  APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  /** smtp://user:pass@host:587 or smtps://…; unset (or empty): email goes to the dev mailbox. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine(
      (value) => value === undefined || /^smtps?:\/\//.test(value),
      "SMTP_URL must start with smtp:// or smtps://",
    ),
  MAIL_FROM: z.string().min(3).default("Expedite <no-reply@expedite.local>"),
  /** The time zone the rota's shifts are written in (an IANA name). */
  ROTA_TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "ROTA_TIME_ZONE must be an IANA time zone such as Asia/Shanghai"),
  /**
   * Decision 027: an informational email or text about a case waits until its case has been quiet
   * this long, and only the newest of a burst is sent (0: every message at once, as the tests use).
   */
  NOTIFICATION_QUIET_SECONDS: z.coerce.number().int().min(0).max(3_600).default(120),
  /** …but no message of a burst waits longer than this, however busy its case stays. */
  NOTIFICATION_MAX_HOLD_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  /**
   * Webhook receivers the operator trusts on the internal network (lib/webhooks/url-guard.ts): host
   * names or addresses, comma-separated, exempt in production from the https and public-address
   * rules. Never list a host a partner could point somewhere else.
   */
  WEBHOOK_TRUSTED_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Proxies whose X-Forwarded-* headers are believed: addresses and CIDR ranges (lib/http/trusted-proxies.ts). */
  TRUSTED_PROXIES: trustedProxiesSchema,
  /** On SIGTERM, how long in-flight requests may take before their connections are cut (decision 022). */
  SHUTDOWN_GRACE_MS: shutdownGraceSchema,
});

/**
 * `storage`: where evidence goes (STORAGE_DRIVER, UPLOAD_DIR, S3_*; lib/config/storage-env.ts).
 * `sms`: the SMS providers and their timeout (SMS_*, ALIYUN_SMS_*; lib/config/sms-env.ts).
 */
export type ServerEnv = z.infer<typeof serverEnvSchema> & { storage: StorageSettings; sms: SmsSettings };

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  const storage = parseStorageSettings(process.env, { uploadDir: ".data/uploads" });
  const sms = parseSmsSettings(process.env);
  if (!parsed.success || !storage.settings || !sms.settings) {
    const problems = [
      ...(parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? []),
      ...storage.problems,
      ...sms.problems,
    ]
      .map((problem) => `  ${problem}`)
      .join("\n");
    throw new Error(`Invalid server environment:\n${problems}`);
  }
  cached = { ...parsed.data, storage: storage.settings, sms: sms.settings };
  return cached;
}

/** The AWS SDK warns once per process that its 2027 releases need Node 22; we pin a release that runs on 20. */
export function silenceAwsSdkNodeWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

// Logging and metrics settings, read apart from the rest: a logger must work in every process and
// script, also where DATABASE_URL or the secrets are not set.
const observabilityEnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** Bearer token for /api/metrics; unset (or empty) turns the endpoint off. */
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine(
      (value) => value === undefined || value.length >= 32,
      "METRICS_TOKEN must be at least 32 characters (e.g. `openssl rand -base64 32`)",
    ),
  /** `npm run worker` only: the port of its own GET /metrics (it has no web server); unset: none. */
  METRICS_PORT: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number("METRICS_PORT must be a port number").int().min(1).max(65_535).optional(),
  ),
});

export type ObservabilityEnv = z.infer<typeof observabilityEnvSchema>;

export function observabilityEnv(): ObservabilityEnv {
  const parsed = observabilityEnvSchema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid logging or metrics settings:\n${problems.join("\n")}`);
}
