import "server-only";
import { db } from "@/lib/db";
import type { PagingPreference } from "@/lib/generated/prisma/enums";

/** The signed-in staff member's own paging settings (the page passes the viewer's id). */
export async function findPagingProfile(
  userId: string,
): Promise<{ phone: string | null; preference: PagingPreference }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { phone: true, pagingPreference: true },
  });
  return { phone: user.phone, preference: user.pagingPreference };
}
