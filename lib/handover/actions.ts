"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { failure } from "@/lib/action-result";
import { canAccess } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { worksShifts } from "@/lib/rota/access";
import { acknowledgeHandover, submitHandover } from "./mutations";
import {
  handoverFieldErrors,
  handoverFormInput,
  handoverInputSchema,
  handoverReferenceSchema,
} from "./schema";

const HANDOVER_PATH = "/console/handover";

const shiftWorker = (viewer: CurrentUser) => canAccess(viewer.role, "console") && worksShifts(viewer.role);

/** "End shift": stores the handover, hands the cases on, then shows the stored handover. */
export const endShift = formAction({
  name: "handover.endShift",
  access: shiftWorker,
  schema: handoverInputSchema,
  fields: handoverFormInput,
  // A note's error lands beside its case (`note.<applicationId>`).
  invalid: (error, raw) =>
    failure("errors.checkFields", handoverFieldErrors(error, handoverFormInput(raw as FormData))),
  run: async ({ viewer, data }) => {
    const { handoverId } = await submitHandover(viewer, data);
    // The cases changed hands: the queue and each case page show the new assignee.
    revalidatePath("/console", "layout");
    return { handoverId };
  },
  onRefused: (error) => {
    // The form lists the cases as they were: a fresh render adds the new ones (typed notes stay).
    if (error.messageKey === "rota.handover.errors.casesChanged") revalidatePath(HANDOVER_PATH);
  },
  redirectTo: ({ handoverId }) => `${HANDOVER_PATH}/${handoverId}?submitted=1`,
});

export const acknowledge = formAction({
  name: "handover.acknowledge",
  access: shiftWorker,
  schema: handoverReferenceSchema,
  run: async ({ viewer, data: { handoverId } }) => {
    await acknowledgeHandover(viewer, handoverId);
    revalidatePath("/console", "layout");
    return { handoverId };
  },
});
