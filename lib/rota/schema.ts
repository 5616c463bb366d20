import { z } from "zod";
import { text } from "@/lib/validation/text";
import { parseClock } from "./clock";

// Messages are i18n keys, translated where they are shown.
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The standard day: three eight-hour shifts, the evening one ending at midnight. */
export const STANDARD_SHIFTS = [
  { key: "day", startMinute: 8 * 60, endMinute: 16 * 60 },
  { key: "evening", startMinute: 16 * 60, endMinute: 0 },
  { key: "night", startMinute: 0, endMinute: 8 * 60 },
] as const;

export type StandardShiftKey = (typeof STANDARD_SHIFTS)[number]["key"];

const shiftIdSchema = z.uuid("rota.errors.shiftNotFound");

const clockSchema = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .transform((value, context) => {
    const minute = parseClock(value);
    if (minute === null) {
      context.addIssue({ code: "custom", message: "rota.errors.timeInvalid" });
      return z.NEVER;
    }
    return minute;
  });

/** A shift as the form sends it; times are "HH:MM" in the rota's zone, an end at or before the start runs past midnight. */
export const shiftInputSchema = z.object({
  name: text("validation.required").trim().min(1, "validation.required").max(60, "validation.tooLong"),
  weekday: z.coerce
    .number("rota.errors.weekdayInvalid")
    .int("rota.errors.weekdayInvalid")
    .min(1, "rota.errors.weekdayInvalid")
    .max(7, "rota.errors.weekdayInvalid"),
  start: clockSchema,
  end: clockSchema,
});
export type ShiftInput = z.output<typeof shiftInputSchema>;

/** Creating has no id; editing names the shift. */
export const saveShiftSchema = shiftInputSchema.extend({
  shiftId: z.union([z.literal(""), shiftIdSchema]).optional(),
});

export const shiftReferenceSchema = z.object({ shiftId: shiftIdSchema });

export const shiftMembersSchema = z.object({
  shiftId: shiftIdSchema,
  userIds: z.array(z.uuid("rota.errors.memberInvalid")).max(100, "rota.errors.memberInvalid"),
});
