"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { canAccess } from "@/lib/auth/roles";
import { createApplication } from "./mutations";
import { applicationFormDataToObject, applicationSchema } from "./schema";

/**
 * Files an application and goes to its confirmation page. Safe to call again with the same
 * submissionKey (double click, retry, back button): it lands on the same application.
 */
export const submitApplication = formAction({
  name: "applications.submit",
  access: (viewer) => canAccess(viewer.role, "portal"),
  schema: applicationSchema,
  fields: applicationFormDataToObject,
  run: async ({ viewer, data, ip }) => {
    // Authorization, catalog checks and evidence ownership are re-checked inside the mutation.
    const { number } = await createApplication(viewer, data, { ip });
    revalidatePath("/portal");
    return { number };
  },
  redirectTo: ({ number }) => `/portal/applications/${number}/confirmation`,
});
