"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { performTransition, type PerformTransitionArgs } from "./mutations";
import { FollowUpTooSoonError, requestCaseFollowUp } from "./operation-mutations";
import { caseReferenceSchema, provideSupplementSchema, withdrawSchema } from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

type TransitionResult = ActionResult<{ version: number }>;

/**
 * The steps every workflow action shares: the mutation re-checks ownership, the node and the
 * version in its transaction; expected refusals come back as message keys, anything else throws.
 */
async function transition(
  args: Omit<PerformTransitionArgs, "viewer">,
  viewer: PerformTransitionArgs["viewer"],
): Promise<TransitionResult> {
  try {
    const result = await performTransition({ ...args, viewer });
    revalidatePath(`/portal/applications/${result.number}`);
    revalidatePath("/portal");
    return { ok: true, data: { version: result.version } };
  } catch (error) {
    // ConcurrentChangeError included: the client shows its message and reloads the fresh state.
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}

/** The applicant withdraws their case (before the decision); cannot be undone. */
export async function withdrawApplication(_previous: unknown, formData: FormData): Promise<TransitionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const parsed = withdrawSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { applicationId, expectedVersion, reason } = parsed.data;
  return transition(
    { applicationId, expectedVersion, transition: "WITHDRAW", input: { publicNote: reason } },
    user,
  );
}

/**
 * The applicant answers the open supplement request. Files were uploaded to the request already
 * (the evidence uploader stores them with its supplementRequestId); here a note or those files suffice.
 */
export async function provideSupplement(_previous: unknown, formData: FormData): Promise<TransitionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const parsed = provideSupplementSchema.safeParse({
    applicationId: formData.get("applicationId"),
    expectedVersion: formData.get("expectedVersion"),
    note: formData.get("note") ?? undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const { applicationId, expectedVersion, note } = parsed.data;
  return transition(
    { applicationId, expectedVersion, transition: "PROVIDE_SUPPLEMENT", input: { publicNote: note } },
    user,
  );
}

/** A refused follow-up carries the time the next one is accepted (an ISO string), for the message. */
export type FollowUpResult =
  | ActionResult<{ version: number; nextAllowedAt: string }>
  | { ok: false; message: string; nextAllowedAt: string };

/**
 * The applicant asks staff to hurry on their open case (催办), at most once every 12 hours. The
 * mutation re-checks ownership, the case's state, the version and the interval under the case lock.
 */
export async function requestFollowUp(_previous: unknown, formData: FormData): Promise<FollowUpResult> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const parsed = caseReferenceSchema.safeParse({
    applicationId: formData.get("applicationId"),
    expectedVersion: formData.get("expectedVersion"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const result = await requestCaseFollowUp({ ...parsed.data, viewer: user });
    revalidatePath(`/portal/applications/${result.number}`);
    revalidatePath(`/console/cases/${result.number}`);
    return { ok: true, data: { version: result.version, nextAllowedAt: result.nextAllowedAt.toISOString() } };
  } catch (error) {
    if (error instanceof FollowUpTooSoonError)
      return { ok: false, message: error.messageKey, nextAllowedAt: error.nextAllowedAt.toISOString() };
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}
