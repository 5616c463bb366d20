import { z } from "zod";
import { MAX_UTC_OFFSET_MINUTES } from "@/lib/applications/deadline";
import { emailSchema } from "@/lib/auth/schema";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { text } from "@/lib/validation/text";

// Messages are i18n keys, translated where they are shown (see lib/auth/schema.ts).
export const API_CLIENT_KINDS = ["PARTNER", "INTERNAL"] as const;
export type ApiClientKindValue = (typeof API_CLIENT_KINDS)[number];

/** What a partner's key may never do: move cases through the workflow is for staff (and their systems). */
export const PARTNER_FORBIDDEN_SCOPES: readonly ApiScope[] = ["cases:transition"];

export function scopesAllowedFor(kind: ApiClientKindValue): readonly ApiScope[] {
  return kind === "PARTNER"
    ? API_SCOPES.filter((scope) => !PARTNER_FORBIDDEN_SCOPES.includes(scope))
    : API_SCOPES;
}

/** Requests per minute a key may be given; null keeps the default of lib/api. */
export const RATE_LIMIT_MIN = 1;
export const RATE_LIMIT_MAX = 6000;
export const API_CLIENTS_PAGE_SIZE = 10;
/** Keys shown per client, newest first; a client with more says how many. */
export const KEYS_PER_CLIENT = 20;

const nameSchema = text().trim().min(1, "validation.required").max(100, "validation.tooLong");
const idSchema = z.uuid("admin.apiKeys.errors.notFound");

export const createApiClientSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("PARTNER"), name: nameSchema, contactEmail: emailSchema }),
    z.object({
      kind: z.literal("INTERNAL"),
      name: nameSchema,
      contactEmail: emailSchema,
      actsAsUserId: z.uuid("admin.apiKeys.errors.staffRequired"),
    }),
  ],
  { error: "admin.apiKeys.errors.kindRequired" },
);
export type CreateApiClientInput = z.output<typeof createApiClientSchema>;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const createApiKeySchema = z.object({
  clientId: idSchema,
  name: nameSchema,
  scopes: z
    .array(z.enum(API_SCOPES, "admin.apiKeys.errors.scopeInvalid"))
    .min(1, "admin.apiKeys.errors.scopesRequired")
    .max(API_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
  /** YYYY-MM-DD from a date input: the key works until the end of that day in the admin's zone. */
  expiresOn: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "admin.apiKeys.errors.expiryInvalid")
      .optional(),
  ),
  utcOffsetMinutes: z.coerce
    .number<unknown>("admin.apiKeys.errors.expiryInvalid")
    .int("admin.apiKeys.errors.expiryInvalid")
    .min(-MAX_UTC_OFFSET_MINUTES, "admin.apiKeys.errors.expiryInvalid")
    .max(MAX_UTC_OFFSET_MINUTES, "admin.apiKeys.errors.expiryInvalid")
    .catch(0),
  rateLimitPerMinute: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number<unknown>("admin.apiKeys.errors.rateLimitInvalid")
      .int("admin.apiKeys.errors.rateLimitInvalid")
      .min(RATE_LIMIT_MIN, "admin.apiKeys.errors.rateLimitInvalid")
      .max(RATE_LIMIT_MAX, "admin.apiKeys.errors.rateLimitInvalid")
      .optional(),
  ),
});
export type CreateApiKeyFormInput = z.output<typeof createApiKeySchema>;

/** What the mutation takes: the expiry already an instant. */
export type CreateApiKeyInput = {
  clientId: string;
  name: string;
  scopes: readonly ApiScope[];
  expiresAt: Date | null;
  rateLimitPerMinute: number | null;
};

export const revokeApiKeySchema = z.object({ keyId: idSchema });

/** The list's query string; anything odd falls back to the first page instead of an error page. */
export const apiClientListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ApiClientListQuery = z.output<typeof apiClientListQuerySchema>;
