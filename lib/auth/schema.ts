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

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// Lengths are in characters as a person counts them, closely enough: code points, which is what zod
// 4.6 measures (UTF-16's `length` would count 𠀀 or an emoji twice). schema.test.ts holds it to that.
// No composition rules (letters, digits): a Chinese passphrase has neither ASCII letters nor digits.
// Guessable passwords are refused on the server instead (lib/auth/password-strength.ts).
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "validation.passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "validation.passwordTooLong");

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
  password: z.string().min(1, "validation.required").max(PASSWORD_MAX_LENGTH, "validation.passwordTooLong"),
});
