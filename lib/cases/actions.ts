"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { rateCase } from "./mutations";
import { rateServiceSchema } from "./schema";

/** The applicant rates a completed case, once. */
export const rateService = formAction({
  name: "cases.rateService",
  access: "signedIn",
  schema: rateServiceSchema,
  fields: (formData) => ({
    applicationId: formData.get("applicationId"),
    rating: formData.get("rating") ?? undefined,
    comment: formData.get("comment") ?? undefined,
  }),
  run: async ({ viewer, data }) => {
    const { number } = await rateCase({ ...data, viewer });
    revalidatePath(`/portal/applications/${number}`);
    return { rating: data.rating };
  },
});
