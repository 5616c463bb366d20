import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { PageReason, UrgencyTier } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/workflow/shared-mutations";
import { PageLinkError } from "./errors";
import { pageTargets, supervisorsToPage } from "./targets-data";
import {
  PAGE_LINK_TTL_MS,
  PAGE_TEMPLATES,
  ackDueAt,
  ackLinkPath,
  hashPageToken,
  newPageToken,
  pageChannels,
} from "./page-rules";

export type PagedCase = { id: string; number: string; tier: UrgencyTier };

type PageArgs = {
  caseRef: PagedCase;
  reason: PageReason;
  recipientIds: readonly string[];
  now: Date;
  /** The unacknowledged page this one escalates. */
  escalatesId?: string;
};

/**
 * One page per recipient, in the caller's transaction: the row with the token's hash, and outbox
 * rows by the recipient's preferred channels (the worker sends them). Reviewers' pages carry the
 * tier's acknowledgement target; supervisors' and admins' pages have nobody above them to escalate to.
 * The message carries the public number and the link, nothing about the applicant (decision 036).
 */
export async function pageStaff(tx: Tx, { caseRef, reason, recipientIds, now, escalatesId }: PageArgs) {
  const recipients = await tx.user.findMany({
    where: { id: { in: [...new Set(recipientIds)] }, active: true, role: { not: "APPLICANT" } },
    orderBy: { id: "asc" },
    select: { id: true, role: true, email: true, phone: true, locale: true, pagingPreference: true },
  });
  for (const recipient of recipients) {
    const { token, tokenHash } = newPageToken();
    const escalates = recipient.role === "REVIEWER" && reason !== "UNACKNOWLEDGED";
    const page = await tx.page.create({
      data: {
        applicationId: caseRef.id,
        reason,
        recipientId: recipient.id,
        tokenHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + PAGE_LINK_TTL_MS),
        ackDueAt: escalates ? ackDueAt(caseRef.tier, now) : null,
        escalatesId: escalatesId ?? null,
      },
      select: { id: true },
    });
    const channels = pageChannels(recipient.pagingPreference, recipient.phone);
    await tx.notification.createMany({
      data: channels.map((channel) => ({
        recipientId: recipient.id,
        applicationId: caseRef.id,
        channel,
        toAddress: channel === "SMS" ? recipient.phone : recipient.email,
        template: PAGE_TEMPLATES[reason],
        locale: recipient.locale,
        payload: { number: caseRef.number, path: ackLinkPath(token) },
        nextAttemptAt: now,
        createdAt: now,
      })),
    });
    await recordAudit(tx, {
      actorId: null,
      action: "paging.sent",
      entityType: "application",
      entityId: caseRef.id,
      details: { number: caseRef.number, reason, recipientId: recipient.id, channels, pageId: page.id },
      createdAt: now,
    });
  }
  return recipients.length;
}

/**
 * Pages whoever is responsible for the case now: its assignee while on duty, else the supervisor(s)
 * on duty, else (the rota's "unstaffed" rule) every active supervisor.
 */
export async function pageResponsible(
  tx: Tx,
  args: { caseRef: PagedCase; reason: PageReason; assigneeId: string | null; now: Date; timeZone?: string },
) {
  const recipientIds = await pageTargets(tx, args);
  return pageStaff(tx, { ...args, recipientIds });
}

/** The supervisor(s) on duty, else every active supervisor (escalations, deadline risks). */
export async function pageSupervisors(
  tx: Tx,
  args: { caseRef: PagedCase; reason: PageReason; now: Date; timeZone?: string },
) {
  const recipientIds = await supervisorsToPage(tx, args.now, args.timeZone);
  return pageStaff(tx, { ...args, recipientIds });
}

/**
 * The signed-in recipient acknowledges a page. Idempotent: a second acknowledgement (two tabs, a
 * double click) changes nothing and says when the first one was. A token that is unknown, expired
 * or someone else's is one and the same refusal, so a link says nothing to anyone it was not sent to.
 */
export async function acknowledgePage({
  token,
  viewerId,
  now = new Date(),
}: {
  token: string;
  viewerId: string;
  now?: Date;
}): Promise<{ number: string; acknowledgedAt: Date; already: boolean }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        id: string;
        application_id: string;
        recipient_id: string;
        reason: PageReason;
        expires_at: Date;
        acknowledged_at: Date | null;
        number: string;
      }[]
    >`
      SELECT p.id::text, p.application_id::text, p.recipient_id::text, p.reason, p.expires_at, p.acknowledged_at, a.number
        FROM page p JOIN application a ON a.id = p.application_id
       WHERE p.token_hash = ${hashPageToken(token)}
         FOR UPDATE OF p`;
    const page = rows[0];
    if (!page || page.recipient_id !== viewerId) throw new PageLinkError();
    if (page.acknowledged_at)
      return { number: page.number, acknowledgedAt: page.acknowledged_at, already: true };
    if (page.expires_at <= now) throw new PageLinkError();
    await tx.page.update({
      where: { id: page.id },
      data: { acknowledgedAt: now, acknowledgedById: viewerId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewerId,
      action: "paging.acknowledged",
      entityType: "application",
      entityId: page.application_id,
      details: { number: page.number, reason: page.reason, pageId: page.id },
      createdAt: now,
    });
    return { number: page.number, acknowledgedAt: now, already: false };
  });
}

/** Pages claimed per transaction by the escalation pass. */
export const ESCALATION_BATCH_SIZE = 50;

type DuePage = {
  id: string;
  application_id: string;
  number: string;
  tier: UrgencyTier;
  recipient_id: string;
};

/**
 * The periodic pass (lib/jobs crontab, once a minute): every page past its acknowledgement target
 * pages the supervisor(s) on duty, once. Rows are claimed FOR NO KEY UPDATE SKIP LOCKED and flagged
 * in the same transaction, so two workers never escalate one page; an acknowledgement holds the
 * row's lock, so it either lands first (nothing to escalate) or waits for the escalation. Pages of
 * closed cases and pages a day past their target (the worker was down) are left alone.
 */
export async function runPageEscalation({
  now = new Date(),
  batchSize = ESCALATION_BATCH_SIZE,
  timeZone = serverEnv().ROTA_TIME_ZONE,
}: { now?: Date; batchSize?: number; timeZone?: string } = {}): Promise<number> {
  let escalated = 0;
  for (let claimed = batchSize; claimed === batchSize;) {
    claimed = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<DuePage[]>`
        SELECT p.id::text, p.application_id::text, a.number, a.tier, p.recipient_id::text
          FROM page p JOIN application a ON a.id = p.application_id
         WHERE p.acknowledged_at IS NULL AND p.escalated_at IS NULL AND p.ack_due_at IS NOT NULL
           AND p.ack_due_at <= ${now} AND p.ack_due_at > ${new Date(now.getTime() - PAGE_LINK_TTL_MS)}
           AND a.closed_at IS NULL
         ORDER BY p.ack_due_at, p.id
         LIMIT ${batchSize}
           FOR NO KEY UPDATE OF p SKIP LOCKED`;
      for (const row of rows) {
        const caseRef = { id: row.application_id, number: row.number, tier: row.tier };
        const supervisors = await supervisorsToPage(tx, now, timeZone);
        await pageStaff(tx, {
          caseRef,
          reason: "UNACKNOWLEDGED",
          recipientIds: supervisors,
          now,
          escalatesId: row.id,
        });
        await tx.page.update({ where: { id: row.id }, data: { escalatedAt: now }, select: { id: true } });
        await recordAudit(tx, {
          actorId: null,
          action: "paging.escalated",
          entityType: "application",
          entityId: row.application_id,
          details: {
            number: row.number,
            pageId: row.id,
            recipientId: row.recipient_id,
            supervisors: supervisors.length,
          },
          createdAt: now,
        });
      }
      escalated += rows.length;
      return rows.length;
    });
  }
  return escalated;
}

/** The staff member's own paging settings (the action checks who may call it). */
export async function updatePagingProfile(
  userId: string,
  input: { phone: string | null; preference: "EMAIL" | "SMS" | "BOTH" },
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { phone: input.phone, pagingPreference: input.preference },
      select: { id: true },
    });
    // The number itself stays out of the log (redaction rule): only whether there is one.
    await recordAudit(tx, {
      actorId: userId,
      action: "paging.profileUpdated",
      entityType: "user",
      entityId: userId,
      details: { preference: input.preference, hasPhone: input.phone !== null },
      createdAt: now,
    });
  });
}
