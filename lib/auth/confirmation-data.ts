import "server-only";
import { db } from "@/lib/db";

/** An applicant who registered and has not yet used the emailed link (decision 010). */
export async function needsEmailConfirmation(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, emailConfirmedAt: true },
  });
  return user?.role === "APPLICANT" && user.emailConfirmedAt === null;
}
