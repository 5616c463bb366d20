"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { failure } from "@/lib/action-result";
import type { CurrentUser } from "@/lib/auth/session";
import { canAccess } from "@/lib/auth/roles";
import { acknowledgePage, updatePagingProfile } from "./mutations";
import { ackLinkPath } from "./page-rules";
import { pagingProfileSchema } from "./schema";

const tokenSchema = z.object({ token: z.string().trim().min(1).max(128) });

/** The button on the page the link opens: acknowledges, then shows the page acknowledged. */
export const acknowledgePageAction = formAction({
  name: "paging.acknowledge",
  access: (viewer: CurrentUser) => canAccess(viewer.role, "console"),
  schema: tokenSchema,
  fields: (formData) => ({ token: formData.get("token") }),
  invalid: () => failure("rota.paging.linkInvalid"),
  run: async ({ viewer, data }) => {
    await acknowledgePage({ token: data.token, viewerId: viewer.id });
    return data.token;
  },
  redirectTo: (token) => ackLinkPath(token),
});

/** The staff member's own mobile number and paging preference (console profile page). */
export const savePagingProfile = formAction({
  name: "paging.saveProfile",
  access: (viewer: CurrentUser) => canAccess(viewer.role, "console"),
  schema: pagingProfileSchema,
  run: async ({ viewer, data }) => {
    await updatePagingProfile(viewer.id, data);
    revalidatePath("/console/profile");
    return { saved: true };
  },
});
