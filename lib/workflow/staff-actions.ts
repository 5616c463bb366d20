"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/pipeline";
import type { ActionResult } from "@/lib/action-result";
import { isStaff } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
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

// The staff workspace's actions. Thin on purpose: the mutations lock the case, compare the version
// and check the workflow tables (transitions.ts, operations.ts) for this viewer on this case, so a
// crafted request gets exactly what the buttons would have allowed. A ConcurrentChangeError is a
// refusal like any other: the workspace shows it and reloads the fresh state.

export type StaffActionResult = ActionResult<{ version: number }>;

const staff = (viewer: CurrentUser) => isStaff(viewer.role);

/** The queue, the case's workspace and the applicant's page all show the case's new state. */
function refreshed(outcome: Pick<OperationOutcome, "number" | "version">) {
  revalidatePath("/console");
  revalidatePath(`/console/cases/${outcome.number}`);
  revalidatePath(`/portal/applications/${outcome.number}`);
  return { version: outcome.version };
}

function fields(...names: string[]) {
  return (formData: FormData) =>
    Object.fromEntries(names.map((name) => [name, formData.get(name) ?? undefined]));
}

const REFERENCE = ["applicationId", "expectedVersion"];

/** Advance, approve, reject, issue the document, or ask the applicant for material. */
export const staffTransition = formAction({
  name: "workflow.staffTransition",
  access: staff,
  schema: staffTransitionSchema,
  fields: (formData) => ({
    ...fields(...REFERENCE, "transition", "publicNote", "internalNote", "dueAt")(formData),
    problems: formData.getAll("problem").map(String),
    suggestions: formData.getAll("suggestion").map(String),
  }),
  run: async ({ viewer, data }) => {
    const { transition, publicNote, internalNote, problems, suggestions, dueAt } = data;
    const items = problems
      .map((problem, index) => ({ problem, suggestion: suggestions[index] }))
      .filter((item) => item.problem.trim() !== "");
    return refreshed(
      await performTransition({
        applicationId: data.applicationId,
        expectedVersion: data.expectedVersion,
        viewer,
        transition,
        input: { publicNote, internalNote, ...(transition === "REQUEST_SUPPLEMENT" ? { items, dueAt } : {}) },
      }),
    );
  },
});

export const claimCaseAction = formAction({
  name: "workflow.claimCase",
  access: staff,
  schema: caseReferenceSchema,
  fields: fields(...REFERENCE),
  run: async ({ viewer, data }) => refreshed(await claimCase({ ...data, viewer })),
});

export const assignCaseAction = formAction({
  name: "workflow.assignCase",
  access: staff,
  schema: assignSchema,
  fields: fields(...REFERENCE, "assigneeId", "note"),
  run: async ({ viewer, data }) => refreshed(await assignCase({ ...data, viewer })),
});

export const addCaseNoteAction = formAction({
  name: "workflow.addCaseNote",
  access: staff,
  schema: noteSchema,
  fields: fields(...REFERENCE, "publicNote", "internalNote"),
  run: async ({ viewer, data }) => refreshed(await addCaseNote({ ...data, viewer })),
});

export const recordPaymentAction = formAction({
  name: "workflow.recordPayment",
  access: staff,
  schema: paymentSchema,
  fields: fields(...REFERENCE, "reference"),
  run: async ({ viewer, data }) => refreshed(await recordPaymentByStaff({ ...data, viewer })),
});

export const recordRefundAction = formAction({
  name: "workflow.recordRefund",
  access: staff,
  schema: refundSchema,
  fields: fields(...REFERENCE, "amount", "reason"),
  run: async ({ viewer, data: { amount, ...rest } }) =>
    refreshed(await recordRefund({ ...rest, amountMinor: amount, viewer })),
});

export const uploadResultDocumentAction = formAction({
  name: "workflow.uploadResultDocument",
  access: staff,
  schema: caseReferenceSchema.extend({ file: uploadEvidenceFileSchema }),
  fields: fields(...REFERENCE, "file"),
  run: async ({ viewer, data: { file, ...reference } }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const outcome = await uploadResultDocument({
      ...reference,
      viewer,
      file: { originalName: file.name, bytes },
    });
    if (!outcome) throw new UserFacingError("workspace.errors.documentAlreadyUploaded");
    return refreshed(outcome);
  },
});
