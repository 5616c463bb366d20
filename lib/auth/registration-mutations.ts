import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { safeCallbackPath } from "./callback-path";
import {
  CONFIRMATION_TTL_MS,
  confirmationLinkPath,
  hashConfirmationToken,
  newConfirmationToken,
} from "./confirmation-token";

type Tx = Prisma.TransactionClient;

/** At most one "you already have an account" email per account in this window: no mailbox flooding. */
const EXISTS_NOTICE_WINDOW_MS = 15 * 60 * 1000;
/** At most one confirmation email per account in this window (resend button, repeated sign-ups). */
export const RESEND_COOLDOWN_MS = 60 * 1000;

export type Registration = {
  email: string;
  displayName: string;
  passwordHash: string;
  locale: string;
  nextPath: string;
};

/**
 * Self-registration (decision 010). Whether the email is new or taken, the caller gets nothing
 * back and the person the same page; the difference only shows in the mailbox of the address:
 * a confirmation link for a new account, "you already have an account" for a taken one (staff
 * addresses included). New accounts start unconfirmed and cannot file until the link is used.
 */
export async function registerOrNotify(input: Registration, now = new Date()): Promise<void> {
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, locale: true },
  });
  if (existing) return notifyExistingAccount(existing, input.email, now);
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          displayName: input.displayName,
          passwordHash: input.passwordHash,
          locale: input.locale,
          role: "APPLICANT",
          emailConfirmedAt: null,
        },
        select: { id: true, email: true, locale: true },
      });
      await queueConfirmation(tx, user, input.nextPath, now);
    });
  } catch (error) {
    // Two registrations for one address at once: the unique index lets one win; the other is "taken".
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const winner = await db.user.findUnique({
      where: { email: input.email },
      select: { id: true, locale: true },
    });
    if (winner) await notifyExistingAccount(winner, input.email, now);
  }
}

async function notifyExistingAccount(user: { id: string; locale: string }, email: string, now: Date) {
  const recent = await db.notification.findFirst({
    where: {
      recipientId: user.id,
      channel: "EMAIL",
      template: "account.exists",
      createdAt: { gt: new Date(now.getTime() - EXISTS_NOTICE_WINDOW_MS) },
    },
    select: { id: true },
  });
  if (recent) return;
  await db.notification.create({
    data: {
      recipientId: user.id,
      channel: "EMAIL",
      template: "account.exists",
      locale: user.locale,
      toAddress: email,
      payload: { path: "/signin" },
      createdAt: now,
      nextAttemptAt: now,
    },
  });
}

/** A new link for an account, in the same transaction as whatever made it necessary. */
async function queueConfirmation(
  tx: Tx,
  user: { id: string; email: string; locale: string },
  nextPath: string,
  now: Date,
) {
  const { token, tokenHash } = newConfirmationToken();
  await tx.emailConfirmation.create({
    data: {
      userId: user.id,
      tokenHash,
      nextPath: safeCallbackPath(nextPath, "") || null,
      expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS),
      createdAt: now,
    },
  });
  // The outbox row carries the link (it must, to send it); it stops working once used or expired.
  await tx.notification.create({
    data: {
      recipientId: user.id,
      channel: "EMAIL",
      template: "account.confirmEmail",
      locale: user.locale,
      toAddress: user.email,
      payload: { path: confirmationLinkPath(token) },
      createdAt: now,
      nextAttemptAt: now,
    },
  });
}

export type Resend = "sent" | "tooSoon" | "alreadyConfirmed";

/** The portal's "send the link again": a fresh link, unless one went out a moment ago. */
export async function resendConfirmation(
  userId: string,
  nextPath: string,
  now = new Date(),
): Promise<Resend> {
  return db.$transaction(async (tx) => {
    // The row lock makes two clicks at once send one email.
    const rows = await tx.$queryRaw<
      { id: string; email: string; locale: string; email_confirmed_at: Date | null }[]
    >`
      SELECT id::text, email, locale, email_confirmed_at FROM "user" WHERE id = ${userId}::uuid AND active FOR UPDATE`;
    const user = rows[0];
    if (!user || user.email_confirmed_at) return "alreadyConfirmed";
    const last = await tx.emailConfirmation.findFirst({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (last && now.getTime() - last.createdAt.getTime() < RESEND_COOLDOWN_MS) return "tooSoon";
    await queueConfirmation(tx, user, nextPath, now);
    return "sent";
  });
}

/**
 * Uses a link: confirms its account and retires every link of that account. Null for a token that
 * is unknown, expired or already used. Returns where the person was going.
 */
export async function confirmEmail(
  token: string,
  now = new Date(),
): Promise<{ userId: string; nextPath: string | null } | null> {
  if (token.length === 0 || token.length > 128) return null;
  return db.$transaction(async (tx) => {
    const link = await tx.emailConfirmation.findUnique({
      where: { tokenHash: hashConfirmationToken(token) },
      select: { userId: true, nextPath: true, expiresAt: true },
    });
    if (!link || link.expiresAt <= now) return null;
    await tx.user.updateMany({
      where: { id: link.userId, emailConfirmedAt: null },
      data: { emailConfirmedAt: now },
    });
    // Deleting them all makes a link single-use; of two clicks at once, the second finds nothing.
    const { count } = await tx.emailConfirmation.deleteMany({
      where: { userId: link.userId, tokenHash: hashConfirmationToken(token) },
    });
    if (count === 0) return null;
    await tx.emailConfirmation.deleteMany({ where: { userId: link.userId } });
    return { userId: link.userId, nextPath: link.nextPath };
  });
}
