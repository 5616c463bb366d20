import "server-only";
import { z } from "zod";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { CaseNotFoundError } from "@/lib/workflow/errors";

export type RateCaseArgs = {
  applicationId: string;
  viewer: Viewer;
  rating: number;
  comment?: string;
  now?: Date;
};

/**
 * The applicant's one rating of a completed case. The conditions sit in the UPDATE itself, so two
 * submissions at once cannot both land: the second finds the rating already set.
 */
export async function rateCase({ applicationId, viewer, rating, comment, now = new Date() }: RateCaseArgs) {
  assertArea(viewer, "portal");
  if (!z.uuid().safeParse(applicationId).success) throw new CaseNotFoundError();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ number: string; version: number }[]>`
      UPDATE application
         SET rating = ${rating}, rating_comment = ${comment ?? null}, rated_at = ${now},
             version = version + 1, updated_at = ${now}
       WHERE id = ${applicationId}::uuid AND applicant_id = ${viewer.id}::uuid
         AND status = 'COMPLETED' AND rating IS NULL
      RETURNING number, version`;
    const updated = rows[0];
    if (!updated) {
      const existing = await tx.application.findFirst({
        where: { id: applicationId, applicantId: viewer.id },
        select: { rating: true },
      });
      if (!existing) throw new CaseNotFoundError();
      throw new UserFacingError(
        existing.rating === null ? "case.rating.notCompleted" : "case.rating.alreadyRated",
      );
    }
    await tx.auditLog.create({
      data: {
        actorId: viewer.id,
        action: "case.rated",
        entityType: "application",
        entityId: applicationId,
        details: { rating },
        createdAt: now,
      },
    });
    return updated;
  });
}
