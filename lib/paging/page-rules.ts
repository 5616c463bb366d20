import { createHash, randomBytes } from "node:crypto";
import type {
  NotificationChannel,
  PageReason,
  PagingPreference,
  UrgencyTier,
} from "@/lib/generated/prisma/enums";

/**
 * Minutes a page may wait for its acknowledgement before the supervisor on duty is paged
 * (decision 036). Express is the first-contact promise; urgent and standard are ours to choose.
 */
export const ACK_TARGET_MINUTES: Record<UrgencyTier, number> = { EXPRESS: 15, URGENT: 30, STANDARD: 120 };

/** How long an acknowledge link works: past a shift, a page is history, not a call to act. */
export const PAGE_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Where the link leads; the token travels in the query, the page posts it back. */
export const ACK_PAGE_PATH = "/console/paging/acknowledge";

/** The message each reason sends (lib/notifications/templates.ts). */
export const PAGE_TEMPLATES: Record<PageReason, string> = {
  NEW_EXPRESS: "page.newExpress",
  ESCALATION: "page.escalation",
  FOLLOW_UP: "page.followUp",
  DEADLINE_RISK: "page.deadlineRisk",
  UNACKNOWLEDGED: "page.unacknowledged",
};

export function ackDueAt(tier: UrgencyTier, createdAt: Date): Date {
  return new Date(createdAt.getTime() + ACK_TARGET_MINUTES[tier] * 60_000);
}

/**
 * The channels a page goes by: the person's preference, but never nowhere. SMS without a mobile
 * number on file falls back to email, so a half-filled profile still gets paged.
 */
export function pageChannels(
  preference: PagingPreference,
  phone: string | null,
): Exclude<NotificationChannel, "IN_APP">[] {
  if (preference === "EMAIL" || !phone) return ["EMAIL"];
  return preference === "SMS" ? ["SMS"] : ["EMAIL", "SMS"];
}

// 128 random bits: guessing is hopeless, so a lookup by hash needs no throttle of its own; and
// 22 characters keep a Chinese page, link included, within two SMS segments (sms-texts.test.ts).
export function newPageToken(): { token: string; tokenHash: string } {
  const token = randomBytes(16).toString("base64url");
  return { token, tokenHash: hashPageToken(token) };
}

/** Only this hash is stored in the page table: a copy of it acknowledges nothing. */
export function hashPageToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function ackLinkPath(token: string): string {
  return `${ACK_PAGE_PATH}?token=${encodeURIComponent(token)}`;
}
