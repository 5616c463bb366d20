import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new EmailTakenError();
    throw error;
  }
}

/**
 * Replaces a sign-in's hash with one made today (bcrypt → argon2id, or older argon2 parameters),
 * only if it is still the hash that was just verified: a password reset in between wins. The
 * password is the same, so the account's other sessions stay (migration 20261205140000).
 */
export async function upgradePasswordHash(userId: string, verifiedHash: string, newHash: string) {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('expedite.password_rehash', 'on', true)`;
    await tx.user.updateMany({
      where: { id: userId, passwordHash: verifiedHash },
      data: { passwordHash: newHash },
    });
  });
}
