import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures as the Standard Webhooks specification writes them
 * (https://www.standardwebhooks.com, so receivers may use its libraries):
 *
 * - secret: "whsec_" + base64 of 24 random bytes; the HMAC key is the base64-decoded part;
 * - headers: `webhook-id` (the event id, the same on every retry), `webhook-timestamp` (unix
 *   seconds of this attempt), `webhook-signature` = "v1," + base64(HMAC-SHA256(key,
 *   `${id}.${timestamp}.${body}`)), space-separated when there are several;
 * - the receiver recomputes it over the raw body, compares in constant time, and refuses a
 *   timestamp more than 5 minutes from its own clock (the replay window).
 */
export const SECRET_PREFIX = "whsec_";
export const REPLAY_WINDOW_SECONDS = 5 * 60;

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    "base64",
  );
}

export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export type WebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

export function webhookHeaders(secret: string, id: string, now: Date, body: string): WebhookHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, id, timestamp, body),
  };
}

export type VerifyResult = { ok: true } | { ok: false; reason: "missing" | "timestamp" | "signature" };

/** The receiver's check (documented for partners; the tests' receiver runs it). */
export function verifyWebhook(
  secret: string,
  headers: Partial<Record<keyof WebhookHeaders, string | undefined>>,
  body: string,
  now: Date,
): VerifyResult {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return { ok: false, reason: "missing" };
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - seconds) > REPLAY_WINDOW_SECONDS)
    return { ok: false, reason: "timestamp" };
  const expected = Buffer.from(signWebhook(secret, id, seconds, body));
  const match = signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true } : { ok: false, reason: "signature" };
}
