import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockSecondsAfter, throttleKind } from "./throttle";

export class EmailTakenError extends Error {
  constructor() {
    super("email already registered");
  }
}

export async function createApplicantAccount(input: {
  email: string;
  displayName: string;
  passwordHash: string;
  locale: string;
}) {
  try {
    return await db.user.create({
      data: { ...input, role: "APPLICANT", emailConfirmedAt: null },
      select: { id: true, email: true },
    });
  } catch (error) {
    // The unique index decides, so two simultaneous registrations cannot both win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/** Counts a failure per key and locks the key once the policy says so. One statement per key, race-free. */
export async function recordSignInFailure(keys: string[], now: Date) {
  for (const key of keys) {
    const row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1 },
      update: { failures: { increment: 1 } },
      select: { failures: true },
    });
    const seconds = lockSecondsAfter(row.failures, throttleKind(key));
    if (seconds > 0) {
      await db.signInThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + seconds * 1000) } });
    }
  }
}

export async function clearSignInFailures(keys: string[]) {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}
