import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/auth/schema";
import { LOCALES } from "@/lib/i18n/config";
import { filterText, text } from "@/lib/validation/text";

// Messages are i18n keys, translated where they are shown (see lib/auth/schema.ts).
export const STAFF_ROLE_VALUES = ["REVIEWER", "SUPERVISOR", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLE_VALUES)[number];

export const STAFF_PAGE_SIZE = 20;

const staffRoleSchema = z.enum(STAFF_ROLE_VALUES, "admin.staff.errors.roleInvalid");
const userIdSchema = z.uuid("admin.staff.errors.notFound");
const displayNameSchema = text().trim().min(1, "validation.required").max(80, "validation.tooLong");

export const createStaffSchema = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  role: staffRoleSchema,
  password: passwordSchema,
  locale: z.enum(LOCALES, "validation.required"),
});
export type CreateStaffInput = z.output<typeof createStaffSchema>;

export const staffStatusSchema = z.object({
  userId: userIdSchema,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const changeRoleSchema = z.object({ userId: userIdSchema, role: staffRoleSchema });

/** Either the admin types a temporary password, or asks for one to be generated (and shown once). */
export const resetPasswordSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("generate"), userId: userIdSchema }),
  z.object({ mode: z.literal("manual"), userId: userIdSchema, password: passwordSchema }),
]);
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

export const staffServicesSchema = z.object({
  userId: userIdSchema,
  serviceIds: z.array(z.uuid("admin.staff.errors.serviceInvalid")).max(200),
});

const ACTIVE_FILTERS = ["all", "active", "inactive"] as const;

/** The list's query string; anything odd falls back to "no filter" instead of an error page. */
export const staffListQuerySchema = z.object({
  q: filterText().pipe(z.string().trim().max(100)).catch(""),
  role: z.enum(STAFF_ROLE_VALUES).optional().catch(undefined),
  status: z.enum(ACTIVE_FILTERS).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type StaffListQuery = z.output<typeof staffListQuerySchema>;

/** First value of each search parameter (Next gives string | string[] | undefined). */
export function firstValues(
  params: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}
