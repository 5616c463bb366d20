import "server-only";
import { ownApplicationWhere } from "@/lib/applications/data";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { NotificationChannel, NotificationStatus } from "@/lib/generated/prisma/enums";
import { TEMPLATE_NAMES, TEMPLATES, type TemplateName } from "./templates";

/** Messages per page of a case's history: a phone screen or two. */
export const SENT_PAGE_SIZE = 10;

/** What the applicant sees of one message: never its content, only its kind, channel, time and fate. */
export type SentMessage = {
  id: string;
  template: TemplateName | null;
  channel: NotificationChannel;
  /** "sending": still in the outbox (waiting or retrying); "sent": handed over; "failed": given up. */
  delivery: "sending" | "sent" | "failed";
  /** When it went out (sent), else when it was queued. */
  at: Date;
};

/** Templates that speak to the applicant; staff notices about the same case never show. */
const APPLICANT_TEMPLATES = TEMPLATE_NAMES.filter((name) => TEMPLATES[name].audience === "applicant");

const DELIVERY = { PENDING: "sending", SENT: "sent", FAILED: "failed" } as const;
const LISTED_STATUSES: NotificationStatus[] = ["PENDING", "SENT", "FAILED"];

/**
 * The messages sent to the viewer about their own case, newest first, one page at a time (decision
 * 035). Only rows addressed to the viewer, about a case they filed: another applicant's case reads
 * as an empty list, like a missing one. Superseded rows (decision 027) were never sent and are left
 * out: the newer message that replaced them is listed.
 */
export async function listSentMessages(viewer: Viewer, number: string, page = 1) {
  const safePage = Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1;
  const where = {
    recipientId: viewer.id,
    application: ownApplicationWhere(viewer, number),
    template: { in: APPLICANT_TEMPLATES },
    status: { in: LISTED_STATUSES },
  };
  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (safePage - 1) * SENT_PAGE_SIZE,
      take: SENT_PAGE_SIZE,
      select: { id: true, template: true, channel: true, status: true, sentAt: true, createdAt: true },
    }),
    db.notification.count({ where }),
  ]);
  const items = rows.map((row): SentMessage => ({
    id: row.id,
    template: (APPLICANT_TEMPLATES as string[]).includes(row.template)
      ? (row.template as TemplateName)
      : null,
    channel: row.channel,
    delivery: DELIVERY[row.status as keyof typeof DELIVERY],
    at: row.status === "SENT" && row.sentAt ? row.sentAt : row.createdAt,
  }));
  return { items, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / SENT_PAGE_SIZE)) };
}

export type SentMessagesPage = Awaited<ReturnType<typeof listSentMessages>>;
