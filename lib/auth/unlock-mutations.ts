import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { reserveAttempt } from "@/lib/rate-limit/mutations";
import { UNLOCK_EMAILS_PER_ACCOUNT, UNLOCK_EMAILS_PER_ADDRESS } from "./throttle";
import { signUnlockToken, unlockLinkPath, unlockTokenUserId, verifyUnlockToken } from "./unlock-token";

export function unlockKey(): Buffer {
  // Derived, so this key can never sign a session, a share link or a proven-browser entry.
  return createHmac("sha256", serverEnv().NEXTAUTH_SECRET).update("sign-in-unlock-v1").digest();
}

/**
 * Emails an unlock link to the account, if there is an active one (decision 008). The caller's
 * answer is the same either way, so this reveals nothing about which emails have accounts; the
 * limits (per account and per address, reserved first) keep it from flooding anyone's inbox.
 */
export async function requestSignInUnlock(
  email: string,
  clientIp: string | null,
  now = new Date(),
): Promise<void> {
  const reserved = await reserveAttempt(
    [
      { limit: UNLOCK_EMAILS_PER_ACCOUNT, key: email },
      ...(clientIp ? [{ limit: UNLOCK_EMAILS_PER_ADDRESS, key: clientIp }] : []),
    ],
    now,
  );
  if (!reserved.ok) return;
  const user = await db.user.findFirst({
    where: { email, active: true },
    select: { id: true, email: true, locale: true },
  });
  if (!user) return;
  const token = signUnlockToken(user, now, unlockKey());
  await db.notification.create({
    data: {
      recipientId: user.id,
      channel: "EMAIL",
      template: "account.unlockSignIn",
      locale: user.locale,
      toAddress: user.email,
      payload: { path: unlockLinkPath(token) },
      createdAt: now,
      nextAttemptAt: now,
    },
  });
}

/** The email of the active account an unlock token was made for, when it is valid now; null otherwise. */
export async function unlockedAccountEmail(token: string, now = new Date()): Promise<string | null> {
  const userId = unlockTokenUserId(token);
  if (!userId) return null;
  const user = await db.user.findFirst({
    where: { id: userId, active: true },
    select: { id: true, email: true },
  });
  return user && verifyUnlockToken(token, user, now, unlockKey()) ? user.email : null;
}
