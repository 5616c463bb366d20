import { z } from "zod";
import { multilineText } from "@/lib/validation/text";

export const RATING_COMMENT_MAX = 1000;

export const rateServiceSchema = z.object({
  applicationId: z.uuid("case.errors.notFound"),
  rating: z.coerce
    .number("case.rating.pick")
    .int("case.rating.pick")
    .min(1, "case.rating.pick")
    .max(5, "case.rating.pick"),
  comment: multilineText()
    .trim()
    .max(RATING_COMMENT_MAX, "validation.tooLong")
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export type RateServiceInput = z.output<typeof rateServiceSchema>;
