import { z } from "zod";
import { text } from "@/lib/validation/text";

// Messages are i18n keys ("validation.*"), translated where they are shown.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"));

export const PASSWORD_MIN_LENGTH = 10;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "validation.passwordTooShort")
  .max(128, "validation.passwordTooLong")
  .refine((value) => /\p{L}/u.test(value) && /\p{N}/u.test(value), "validation.passwordNeedsLetterAndDigit");

export const registerSchema = z
  .object({
    displayName: text().trim().min(1, "validation.required").max(80, "validation.tooLong"),
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((data) => data.password === data.confirmPassword, {
    message: "validation.passwordsDiffer",
    path: ["confirmPassword"],
  });

export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "validation.required").max(128, "validation.passwordTooLong"),
});
