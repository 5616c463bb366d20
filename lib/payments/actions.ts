"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { normalizeApplicationNumber } from "@/lib/applications/application-number";
import { canAccess } from "@/lib/auth/roles";
import { payApplication } from "./mutations";
import { paySchema } from "./schema";

/** Pays (or asks to pay at the counter) for one of the viewer's own applications. */
export const payForApplication = formAction({
  name: "payments.pay",
  access: (viewer) => canAccess(viewer.role, "portal"),
  schema: paySchema,
  run: async ({ viewer, data, ip }) => {
    // Ownership is the mutation's filter: another applicant's number is simply not found.
    const number = normalizeApplicationNumber(data.number);
    const result = await payApplication(viewer, { number, method: data.method }, { ip });
    const base = `/portal/applications/${result.number}`;
    revalidatePath(base, "layout");
    revalidatePath("/portal");
    return result.outcome === "pending" ? `${base}/pay` : `${base}/receipt`;
  },
  redirectTo: (target) => target,
});
