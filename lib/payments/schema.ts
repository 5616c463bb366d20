import { z } from "zod";
import { text } from "@/lib/validation/text";
import { PAYMENT_METHODS } from "./provider";

export const paySchema = z.object({
  number: text().trim().min(1, "validation.required").max(32, "validation.tooLong"),
  method: z.enum(PAYMENT_METHODS, "payment.errors.methodRequired"),
});

export type PayInput = z.infer<typeof paySchema>;
