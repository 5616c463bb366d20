"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { UserFacingError } from "@/lib/errors";
import { uploadEvidenceFileSchema } from "@/lib/evidence/schema";
import { performTransition } from "./mutations";
import {
  addCaseNote,
  assignCase,
  claimCase,
  recordPaymentByStaff,
  recordRefund,
  uploadResultDocument,
  type OperationOutcome,
} from "./operation-mutations";
import {
  assignSchema,
  caseReferenceSchema,
  noteSchema,
  paymentSchema,
  refundSchema,
  staffTransitionSchema,
} from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

// The staff workspace's actions. Thin on purpose: the mutations lock the case, compare the version
// and check the workflow tables (transitions.ts, operations.ts) for this viewer on this case, so a
// crafted request gets exactly what the buttons would have allowed.

export type StaffActionResult = ActionResult<{ version: number }>;

type Outcome = Pick<OperationOutcome, "number" | "version">;

async function run(
  work: (viewer: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>) => Promise<Outcome>,
): Promise<StaffActionResult> {
  const user = await getCurrentUser();
  if (!user || !isStaff(user.role)) return failure("errors.notAuthorized");
  try {
    const outcome = await work(user);
    revalidatePath("/console");
    revalidatePath(`/console/cases/${outcome.number}`);
    revalidatePath(`/portal/applications/${outcome.number}`);
    return { ok: true, data: { version: outcome.version } };
  } catch (error) {
    // ConcurrentChangeError included: the workspace shows it and reloads the fresh state.
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}

function fields(formData: FormData, ...names: string[]) {
  return Object.fromEntries(names.map((name) => [name, formData.get(name) ?? undefined]));
}

const REFERENCE = ["applicationId", "expectedVersion"];

/** Advance, approve, reject, issue the document, or ask the applicant for material. */
export async function staffTransition(_previous: unknown, formData: FormData): Promise<StaffActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = staffTransitionSchema.safeParse({
    ...fields(formData, ...REFERENCE, "transition", "publicNote", "internalNote", "dueAt"),
    problems: formData.getAll("problem").map(String),
    suggestions: formData.getAll("suggestion").map(String),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const {
    applicationId,
    expectedVersion,
    transition,
    publicNote,
    internalNote,
    problems,
    suggestions,
    dueAt,
  } = parsed.data;
  const items = problems
    .map((problem, index) => ({ problem, suggestion: suggestions[index] }))
    .filter((item) => item.problem.trim() !== "");
  return run((viewer) =>
    performTransition({
      applicationId,
      expectedVersion,
      viewer,
      transition,
      input: { publicNote, internalNote, ...(transition === "REQUEST_SUPPLEMENT" ? { items, dueAt } : {}) },
    }),
  );
}

export async function claimCaseAction(_previous: unknown, formData: FormData): Promise<StaffActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = caseReferenceSchema.safeParse(fields(formData, ...REFERENCE));
  if (!parsed.success) return invalidInput(parsed.error);
  return run((viewer) => claimCase({ ...parsed.data, viewer }));
}

export async function assignCaseAction(_previous: unknown, formData: FormData): Promise<StaffActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = assignSchema.safeParse(fields(formData, ...REFERENCE, "assigneeId", "note"));
  if (!parsed.success) return invalidInput(parsed.error);
  return run((viewer) => assignCase({ ...parsed.data, viewer }));
}

export async function addCaseNoteAction(_previous: unknown, formData: FormData): Promise<StaffActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = noteSchema.safeParse(fields(formData, ...REFERENCE, "publicNote", "internalNote"));
  if (!parsed.success) return invalidInput(parsed.error);
  return run((viewer) => addCaseNote({ ...parsed.data, viewer }));
}

export async function recordPaymentAction(
  _previous: unknown,
  formData: FormData,
): Promise<StaffActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = paymentSchema.safeParse(fields(formData, ...REFERENCE, "reference"));
  if (!parsed.success) return invalidInput(parsed.error);
  return run((viewer) => recordPaymentByStaff({ ...parsed.data, viewer }));
}

export async function recordRefundAction(_previous: unknown, formData: FormData): Promise<StaffActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = refundSchema.safeParse(fields(formData, ...REFERENCE, "amount", "reason"));
  if (!parsed.success) return invalidInput(parsed.error);
  const { amount, ...rest } = parsed.data;
  return run((viewer) => recordRefund({ ...rest, amountMinor: amount, viewer }));
}

export async function uploadResultDocumentAction(
  _previous: unknown,
  formData: FormData,
): Promise<StaffActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = caseReferenceSchema.safeParse(fields(formData, ...REFERENCE));
  const file = uploadEvidenceFileSchema.safeParse(formData.get("file"));
  if (!parsed.success) return invalidInput(parsed.error);
  if (!file.success) return invalidInput(file.error);
  const bytes = new Uint8Array(await file.data.arrayBuffer());
  return run(async (viewer) => {
    const outcome = await uploadResultDocument({
      ...parsed.data,
      viewer,
      file: { originalName: file.data.name, bytes },
    });
    if (!outcome) throw new UserFacingError("workspace.errors.documentAlreadyUploaded");
    return outcome;
  });
}
