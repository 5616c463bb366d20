import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { PageReason } from "@/lib/generated/prisma/enums";
import { hashPageToken } from "./page-rules";

export type PageForLink = {
  number: string;
  reason: PageReason;
  createdAt: Date;
  acknowledgedAt: Date | null;
};

/**
 * What the acknowledge page shows for a token: only to the page's own recipient, and only while the
 * link works (an acknowledged page keeps saying so). Null means the link is unknown, expired or
 * someone else's; the page answers all three with the same 404. Reading changes nothing: a link
 * scanner that fetches the page acknowledges nothing.
 */
export async function findPageForLink(viewer: Viewer, token: string, now: Date): Promise<PageForLink | null> {
  if (!token) return null;
  const page = await db.page.findUnique({
    where: { tokenHash: hashPageToken(token) },
    select: {
      recipientId: true,
      reason: true,
      createdAt: true,
      expiresAt: true,
      acknowledgedAt: true,
      application: { select: { number: true } },
    },
  });
  if (!page || page.recipientId !== viewer.id) return null;
  if (!page.acknowledgedAt && page.expiresAt <= now) return null;
  return {
    number: page.application.number,
    reason: page.reason,
    createdAt: page.createdAt,
    acknowledgedAt: page.acknowledgedAt,
  };
}
