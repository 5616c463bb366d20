/**
 * The unfinished application kept on the applicant's own device, so a refresh or a dropped
 * connection loses nothing. Pure: the browser storage calls live in components/apply.
 *
 * Decision (docs/decisions/003-application-draft-on-device.md): answers, uploaded evidence and the
 * submission key go to localStorage; the ID number goes only to sessionStorage (this tab, gone when
 * it closes), so a shared or lost phone does not keep it. Both are removed once the application is in.
 */
import { z } from "zod";
import { APPLICATION_FIELDS, type ApplicationField } from "./schema";

const DRAFT_VERSION = 1;
// Fields never put in localStorage.
export const SESSION_ONLY_FIELDS = ["idNumber"] as const satisfies readonly ApplicationField[];

export function draftStorageKey(userId: string, serviceCode: string): string {
  return `expedite:apply-draft:v${DRAFT_VERSION}:${userId}:${serviceCode}`;
}

/** Where the session-only fields of the same draft go (sessionStorage). */
export function sessionDraftKey(userId: string, serviceCode: string): string {
  return `${draftStorageKey(userId, serviceCode)}:session`;
}

const storedFileSchema = z.looseObject({ id: z.uuid(), kind: z.string() });
export type StoredFile = z.infer<typeof storedFileSchema>;

const storedDraftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  submissionKey: z.uuid(),
  savedAt: z.iso.datetime(),
  values: z.record(z.string(), z.string().max(5000)),
  files: z.array(storedFileSchema).max(100),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

// The night-time "start tomorrow morning" choice is about tonight: a draft restored later must not carry it.
const NOT_SAVED: readonly ApplicationField[] = [
  "evidenceIds",
  "submissionKey",
  "triageNextDay",
  ...SESSION_ONLY_FIELDS,
];
const SAVED_FIELDS = APPLICATION_FIELDS.filter((field) => !NOT_SAVED.includes(field));

/** Only known answer fields are kept; the rest of the values object is dropped. */
export function serializeDraft(input: {
  submissionKey: string;
  values: Record<string, string>;
  files: readonly StoredFile[];
  now: Date;
}): string {
  const values = Object.fromEntries(
    SAVED_FIELDS.filter((field) => field in input.values).map((field) => [field, input.values[field] ?? ""]),
  );
  const draft: StoredDraft = {
    version: DRAFT_VERSION,
    submissionKey: input.submissionKey,
    savedAt: input.now.toISOString(),
    values,
    files: [...input.files],
  };
  return JSON.stringify(draft);
}

/** Anything unreadable (another version, hand-edited, truncated) counts as no draft. */
export function parseDraft(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const parsed = storedDraftSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const values = Object.fromEntries(
      Object.entries(parsed.data.values).filter(([field]) => (SAVED_FIELDS as string[]).includes(field)),
    );
    return { ...parsed.data, values };
  } catch {
    return null;
  }
}

export function serializeSessionDraft(
  submissionKey: string,
  values: Partial<Record<ApplicationField, string>>,
): string {
  return JSON.stringify({ submissionKey, idNumber: values.idNumber ?? "" });
}

/** The session part only belongs to the draft with the same submission key. */
export function parseSessionDraft(raw: string | null, submissionKey: string): { idNumber: string } | null {
  if (!raw) return null;
  try {
    const parsed = z
      .object({ submissionKey: z.string(), idNumber: z.string().max(40) })
      .safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.submissionKey === submissionKey
      ? { idNumber: parsed.data.idNumber }
      : null;
  } catch {
    return null;
  }
}

/** True when the applicant has typed or uploaded something beyond what the page filled in. */
export function hasAnswers(
  values: Record<string, string>,
  defaults: Record<string, string>,
  files: readonly unknown[],
): boolean {
  return (
    files.length > 0 ||
    Object.entries(values).some(([field, value]) => value.trim() !== "" && value !== (defaults[field] ?? ""))
  );
}

/**
 * A version-4 UUID from getRandomValues: crypto.randomUUID exists only in secure contexts, and a
 * phone on plain http (a LAN address in testing) would otherwise have no submission key.
 */
export function newSubmissionKey(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
