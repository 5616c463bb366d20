import { createHash } from "node:crypto";
import type { ApplicationField } from "@/lib/applications/schema";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { ApplicationRequest } from "./schema";

// The API's JSON shape is nested and typed; the apply form's is flat strings. This maps one onto the
// other so the form's schema (buildApplicationSchema) judges every value, and maps its complaints
// back onto the API's field paths.

/** China Standard Time: where the service runs and most applicants live. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

const API_FIELD: Record<ApplicationField, string> = {
  serviceCode: "serviceCode",
  tier: "tier",
  neededBy: "neededBy",
  utcOffsetMinutes: "utcOffsetMinutes",
  reason: "reason",
  triageConsequence: "triage.consequence",
  triageFixedDate: "triage.fixedDate",
  triageFixedDateOn: "triage.fixedDateOn",
  triageHealthSafety: "triage.healthOrSafety",
  triageAffected: "triage.affected",
  triageNextDay: "triage.startNextMorning",
  applicantName: "applicant.name",
  idType: "applicant.idType",
  idNumber: "applicant.idNumber",
  phone: "contact.phone",
  email: "contact.email",
  evidenceIds: "evidence",
  submissionKey: "Idempotency-Key",
};

/** What the apply form would have posted for this request. */
export function toFormInput(
  request: ApplicationRequest,
  extra: { evidenceIds: string[]; submissionKey: string },
): Record<ApplicationField, unknown> {
  return {
    serviceCode: request.serviceCode,
    tier: request.tier,
    neededBy: request.neededBy,
    utcOffsetMinutes: request.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES,
    reason: request.reason,
    triageConsequence: request.triage.consequence,
    triageFixedDate: request.triage.fixedDate,
    triageFixedDateOn: request.triage.fixedDateOn,
    triageHealthSafety: request.triage.healthOrSafety ? "YES" : "NO",
    triageAffected: request.triage.affected,
    triageNextDay: request.triage.startNextMorning ? "yes" : undefined,
    applicantName: request.applicant.name,
    idType: request.applicant.idType,
    idNumber: request.applicant.idNumber,
    phone: request.contact.phone,
    email: request.contact.email,
    evidenceIds: extra.evidenceIds,
    submissionKey: extra.submissionKey,
  };
}

/** The form's field errors under the API's names ("triageAffected" → "triage.affected"). */
export function toApiFieldErrors(fieldErrors: FieldErrors): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors))
    (mapped[API_FIELD[field as ApplicationField] ?? field] ??= []).push(...messages);
  return mapped;
}

/**
 * The submission key (createApplication's own idempotency) of a client's Idempotency-Key: a UUID
 * derived from both, so a retry after a crash lands on the case the first attempt may have filed,
 * and two clients' keys never meet.
 */
export function submissionKeyFor(clientId: string, idempotencyKey: string): string {
  const hex = createHash("sha256")
    .update(`expedite:api-submission:${clientId}:${idempotencyKey}`)
    .digest("hex");
  // RFC 9562 version 8 (custom) with the RFC variant bits.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** JSON with object keys sorted at every level: the same request, however it was serialized. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * What "the same body" means for Idempotency-Key: the JSON as data (key order and spacing do not
 * matter) and each file by its part name and the SHA-256 of its bytes (a multipart boundary differs
 * on every retry). Files are sorted, so their order in the form does not matter either.
 */
export function requestHash(
  json: unknown,
  files: readonly { kind: string; bytes: Uint8Array }[] = [],
): string {
  const hash = createHash("sha256").update(canonicalJson(json));
  const digests = files
    .map((file) => `${file.kind}:${createHash("sha256").update(file.bytes).digest("hex")}`)
    .sort();
  for (const digest of digests) hash.update(`\n${digest}`);
  return hash.digest("hex");
}
