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
