"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import type { ActionResult } from "@/lib/action-result";
import { performTransition } from "./mutations";
import { FollowUpTooSoonError, requestCaseFollowUp } from "./operation-mutations";
import { caseReferenceSchema, provideSupplementSchema, upgradeTierSchema, withdrawSchema } from "./schema";
import { upgradeTier } from "./tier-mutations";

// The mutations re-check ownership, the node and the version in their transaction; a
// ConcurrentChangeError is a refusal like any other (the client shows it and reloads the fresh state).

/** The applicant's page and their list show the case's new state. */
function refreshed({ number, version }: { number: string; version: number }) {
  revalidatePath(`/portal/applications/${number}`);
  revalidatePath("/portal");
  return { version };
}

/** The applicant withdraws their case (before the decision); cannot be undone. */
export const withdrawApplication = formAction({
  name: "workflow.withdraw",
  access: "signedIn",
  schema: withdrawSchema,
  run: async ({ viewer, data: { applicationId, expectedVersion, reason } }) =>
    refreshed(
      await performTransition({
        applicationId,
        expectedVersion,
        viewer,
        transition: "WITHDRAW",
        input: { publicNote: reason },
      }),
    ),
});

/**
 * The applicant answers the open supplement request. Files were uploaded to the request already
 * (the evidence uploader stores them with its supplementRequestId); here a note or those files suffice.
 */
export const provideSupplement = formAction({
  name: "workflow.provideSupplement",
  access: "signedIn",
  schema: provideSupplementSchema,
  fields: (formData) => ({
    applicationId: formData.get("applicationId"),
    expectedVersion: formData.get("expectedVersion"),
    note: formData.get("note") ?? undefined,
  }),
  run: async ({ viewer, data: { applicationId, expectedVersion, note } }) =>
    refreshed(
      await performTransition({
        applicationId,
        expectedVersion,
        viewer,
        transition: "PROVIDE_SUPPLEMENT",
        input: { publicNote: note },
      }),
    ),
});

/** A refused follow-up carries the time the next one is accepted (an ISO string), for the message. */
export type FollowUpResult =
  | ActionResult<{ version: number; nextAllowedAt: string }>
  | { ok: false; message: string; nextAllowedAt: string };

/**
 * The applicant asks staff to hurry on their open case (催办), at most once every 12 hours. The
 * mutation re-checks ownership, the case's state, the version and the interval under the case lock.
 */
export const requestFollowUp: (previous: unknown, formData: FormData) => Promise<FollowUpResult> = formAction(
  {
    name: "workflow.requestFollowUp",
    access: "signedIn",
    schema: caseReferenceSchema,
    fields: (formData) => ({
      applicationId: formData.get("applicationId"),
      expectedVersion: formData.get("expectedVersion"),
    }),
    run: async ({ viewer, data }) => {
      const result = await requestCaseFollowUp({ ...data, viewer });
      revalidatePath(`/portal/applications/${result.number}`);
      revalidatePath(`/console/cases/${result.number}`);
      return { version: result.version, nextAllowedAt: result.nextAllowedAt.toISOString() };
    },
    onRefused: (error) =>
      error instanceof FollowUpTooSoonError
        ? { ok: false as const, message: error.messageKey, nextAllowedAt: error.nextAllowedAt.toISOString() }
        : undefined,
  },
);

/**
 * The applicant moves their paid case to a faster tier, paying the difference online (decision 032).
 * The mutation checks ownership, the case's state, the version and the catalog under the case lock.
 */
export const upgradeCaseTier = formAction({
  name: "workflow.upgradeTier",
  access: "signedIn",
  schema: upgradeTierSchema,
  run: async ({ viewer, data }) => {
    const outcome = await upgradeTier({ ...data, viewer });
    revalidatePath(`/console/cases/${outcome.number}`);
    revalidatePath("/console");
    return refreshed(outcome);
  },
});
