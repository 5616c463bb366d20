"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { isStaff } from "@/lib/auth/roles";
import { handleLapsedSupplement } from "./lapse-mutations";
import { lapseFormSchema } from "./lapse-schema";

/**
 * Staff's answer to a lapsed supplement: extend, continue without it, or close as not provided.
 * Thin like staff-actions.ts: the mutation locks the case, compares the version and asks
 * supplement-deadline.ts whether this viewer may do this now.
 */
export const lapsedSupplementAction = formAction({
  name: "workflow.lapsedSupplement",
  access: (viewer) => isStaff(viewer.role),
  schema: lapseFormSchema,
  fields: (formData) =>
    Object.fromEntries(
      ["applicationId", "expectedVersion", "action", "publicNote", "internalNote", "dueAt"].map((name) => [
        name,
        formData.get(name) ?? undefined,
      ]),
    ),
  run: async ({ viewer, data }) => {
    const { applicationId, expectedVersion, action, publicNote, internalNote, dueAt } = data;
    const outcome = await handleLapsedSupplement({
      applicationId,
      expectedVersion,
      viewer,
      action,
      input: { publicNote, internalNote, dueAt },
    });
    revalidatePath("/console");
    revalidatePath(`/console/cases/${outcome.number}`);
    revalidatePath(`/portal/applications/${outcome.number}`);
    return { version: outcome.version };
  },
});
