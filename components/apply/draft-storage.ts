import {
  draftStorageKey,
  hasAnswers,
  newSubmissionKey,
  parseDraft,
  parseSessionDraft,
  serializeDraft,
  serializeSessionDraft,
  sessionDraftKey,
} from "@/lib/applications/draft";
import type { ApplicationFormValues } from "@/lib/applications/schema";
import type { UploadedEvidence } from "@/lib/evidence/types";

/** `keep: false` is a session on a shared computer: nothing is read from or written to storage. */
export type DraftScope = { userId: string; serviceCode: string; keep?: boolean };
export type FormValues = Omit<ApplicationFormValues, "evidenceIds">;
export type LoadedDraft = {
  values: FormValues;
  files: UploadedEvidence[];
  submissionKey: string;
  savedAt: Date | null;
  idNumberForgotten: boolean;
};

// Storage can be missing or throw (disabled cookies, Safari private mode, quota): a draft is a
// convenience, so every failure just means "no draft".
function storage(kind: "localStorage" | "sessionStorage"): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

function read(kind: "localStorage" | "sessionStorage", key: string): string | null {
  try {
    return storage(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(kind: "localStorage" | "sessionStorage", key: string, value: string | null) {
  try {
    if (value === null) storage(kind)?.removeItem(key);
    else storage(kind)?.setItem(key, value);
  } catch {
    // Full or unavailable: the form still works, it just is not kept.
  }
}

/**
 * The saved draft for this user and service, or a fresh one. Files come back only if the server
 * still lists them as this applicant's drafts (removed or submitted files drop out).
 */
export function loadDraft(
  scope: DraftScope,
  fresh: FormValues,
  serverDrafts: readonly UploadedEvidence[],
): LoadedDraft {
  if (scope.keep === false) clearDraft(scope);
  const saved =
    scope.keep === false
      ? null
      : parseDraft(read("localStorage", draftStorageKey(scope.userId, scope.serviceCode)));
  if (!saved)
    return {
      values: fresh,
      files: [],
      submissionKey: newSubmissionKey(),
      savedAt: null,
      idNumberForgotten: false,
    };
  const session = parseSessionDraft(
    read("sessionStorage", sessionDraftKey(scope.userId, scope.serviceCode)),
    saved.submissionKey,
  );
  const savedIds = new Set(saved.files.map((file) => file.id));
  return {
    values: { ...fresh, ...saved.values, idNumber: session?.idNumber ?? "", serviceCode: scope.serviceCode },
    files: serverDrafts.filter((file) => savedIds.has(file.id)),
    submissionKey: saved.submissionKey,
    savedAt: new Date(saved.savedAt),
    idNumberForgotten: !session?.idNumber,
  };
}

/** `fresh` is the form as the page first filled it in: opening a form is not starting an application. */
export function saveDraft(
  scope: DraftScope,
  draft: { values: FormValues; files: readonly UploadedEvidence[]; submissionKey: string; fresh: FormValues },
) {
  const { values, files, submissionKey, fresh } = draft;
  if (scope.keep === false) return;
  if (!hasAnswers({ ...values, utcOffsetMinutes: fresh.utcOffsetMinutes }, fresh, files)) return;
  write(
    "localStorage",
    draftStorageKey(scope.userId, scope.serviceCode),
    serializeDraft({ submissionKey, values, files, now: new Date() }),
  );
  write(
    "sessionStorage",
    sessionDraftKey(scope.userId, scope.serviceCode),
    values.idNumber ? serializeSessionDraft(submissionKey, values) : null,
  );
}

/** Removes the draft; with a submission key, only if the stored draft is that one (not a newer one). */
export function clearDraft(scope: DraftScope, onlyIfKey?: string) {
  const key = draftStorageKey(scope.userId, scope.serviceCode);
  if (onlyIfKey !== undefined && parseDraft(read("localStorage", key))?.submissionKey !== onlyIfKey) return;
  write("localStorage", key, null);
  write("sessionStorage", sessionDraftKey(scope.userId, scope.serviceCode), null);
}
