"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formAction } from "@/lib/action-pipeline/pipeline";
import type { ActionResult } from "@/lib/action-result";
import { isStaff } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { uploadEvidenceFileSchema } from "@/lib/evidence/schema";
import { performTransition } from "./mutations";
import { acceptAsStandard } from "./tier-mutations";
import {
  addCaseNote,
  assignCase,
  claimCase,
  recordPaymentByStaff,
  recordRefund,
  uploadResultDocument,
  waiveFee,
  type OperationOutcome,
} from "./operation-mutations";
import {
  acceptAsStandardSchema,
  assignSchema,
  caseReferenceSchema,
  noteSchema,
  paymentSchema,
  refundSchema,
  staffTransitionSchema,
  waiverSchema,
} from "./schema";

// The staff workspace's actions. Thin on purpose: the mutations lock the case, compare the version
// and check the workflow tables (transitions.ts, operations.ts) for this viewer on this case, so a
// crafted request gets exactly what the buttons would have allowed. A ConcurrentChangeError is a
// refusal like any other: the workspace shows it and reloads the fresh state.

export type StaffActionResult = ActionResult<{ version: number }>;

const staff = (viewer: CurrentUser) => isStaff(viewer.role);

/** The queue, the case's workspace and the applicant's page all show the case's new state. */
type Outcome = Pick<OperationOutcome, "number" | "version">;

function refreshed(outcome: Outcome) {
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

/** An operation on one case: the reference fields plus `names`, parsed by `schema`, done by `operation`. */
function caseOperation<S extends z.ZodType<object>>(
  name: string,
  schema: S,
  names: string[],
  operation: (input: z.output<S> & { viewer: CurrentUser }) => Promise<Outcome>,
) {
  return formAction({
    name: `workflow.${name}`,
    access: staff,
    schema,
    fields: fields(...REFERENCE, ...names),
    run: async ({ viewer, data }) => refreshed(await operation({ ...data, viewer })),
  });
}

export const claimCaseAction = caseOperation("claimCase", caseReferenceSchema, [], claimCase);
export const assignCaseAction = caseOperation("assignCase", assignSchema, ["assigneeId", "note"], assignCase);
export const addCaseNoteAction = caseOperation(
  "addCaseNote",
  noteSchema,
  ["publicNote", "internalNote"],
  addCaseNote,
);
export const recordPaymentAction = caseOperation(
  "recordPayment",
  paymentSchema,
  ["reference"],
  recordPaymentByStaff,
);
export const recordRefundAction = caseOperation(
  "recordRefund",
  refundSchema,
  ["amount", "reason"],
  ({ amount, ...rest }) => recordRefund({ ...rest, amountMinor: amount }),
);

/** The request is not urgent enough: the case moves to the standard tier (decision 032). */
export const acceptAsStandardAction = caseOperation(
  "acceptAsStandard",
  acceptAsStandardSchema,
  ["publicNote", "internalNote"],
  acceptAsStandard,
);

export const waiveFeeAction = caseOperation("waiveFee", waiverSchema, ["reason"], waiveFee);

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
