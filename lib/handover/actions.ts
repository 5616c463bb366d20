"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { canAccess } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { worksShifts } from "@/lib/rota/access";
import { acknowledgeHandover, submitHandover } from "./mutations";
import {
  handoverFieldErrors,
  handoverFormInput,
  handoverInputSchema,
  handoverReferenceSchema,
} from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

const HANDOVER_PATH = "/console/handover";

async function shiftWorker() {
  const viewer = await getCurrentUser();
  return viewer && canAccess(viewer.role, "console") && worksShifts(viewer.role) ? viewer : null;
}

function refused(error: unknown): ActionResult<never> {
  if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
  throw error;
}

/** "End shift": stores the handover, hands the cases on, then shows the stored handover. */
export async function endShift(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ handoverId: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const viewer = await shiftWorker();
  if (!viewer) return failure("errors.notAuthorized");
  const input = handoverFormInput(formData);
  const parsed = handoverInputSchema.safeParse(input);
  if (!parsed.success) return failure("errors.checkFields", handoverFieldErrors(parsed.error, input));
  let handoverId: string;
  try {
    ({ handoverId } = await submitHandover(viewer, parsed.data));
  } catch (error) {
    // The form lists the cases as they were: a fresh render adds the new ones (typed notes stay).
    if (error instanceof UserFacingError && error.messageKey === "rota.handover.errors.casesChanged")
      revalidatePath(HANDOVER_PATH);
    return refused(error);
  }
  // The cases changed hands: the queue and each case page show the new assignee.
  revalidatePath("/console", "layout");
  redirect(`${HANDOVER_PATH}/${handoverId}?submitted=1`);
}

export async function acknowledge(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ handoverId: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const viewer = await shiftWorker();
  if (!viewer) return failure("errors.notAuthorized");
  const parsed = handoverReferenceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await acknowledgeHandover(viewer, parsed.data.handoverId);
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/console", "layout");
  return { ok: true, data: { handoverId: parsed.data.handoverId } };
}
