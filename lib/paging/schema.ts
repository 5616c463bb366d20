import { z } from "zod";
import { toMobileE164 } from "@/lib/identity/phone";

export const PAGING_PREFERENCES = ["EMAIL", "SMS", "BOTH"] as const;

/**
 * A staff member's own paging settings. The mobile number is stored in E.164 (lib/identity/phone.ts);
 * blank removes it. SMS (alone or with email) needs a number, or pages would silently go by email only.
 */
export const pagingProfileSchema = z
  .object({
    phone: z
      .string()
      .max(40, "validation.tooLong")
      .transform((value, context) => {
        if (value.trim() === "") return null;
        const e164 = toMobileE164(value);
        if (!e164) context.addIssue({ code: "custom", message: "rota.paging.profile.phoneInvalid" });
        return e164 ?? z.NEVER;
      }),
    preference: z.enum(PAGING_PREFERENCES, "validation.required"),
  })
  .superRefine((value, context) => {
    if (value.preference !== "EMAIL" && !value.phone)
      context.addIssue({ code: "custom", path: ["phone"], message: "rota.paging.profile.phoneNeeded" });
  });
export type PagingProfileInput = z.output<typeof pagingProfileSchema>;
