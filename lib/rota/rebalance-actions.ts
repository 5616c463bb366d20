"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { canAccess } from "@/lib/auth/roles";
import { canEditRota } from "./access";
import { rebalanceCases } from "./rebalance-mutations";
import { rebalanceFormInput, rebalanceInputSchema } from "./rebalance-schema";

/** Supervisors (and administrators) move many of one person's open cases at once. */
export const rebalance = formAction({
  name: "rota.rebalance",
  access: (viewer) => canAccess(viewer.role, "console") && canEditRota(viewer.role),
  schema: rebalanceInputSchema,
  fields: rebalanceFormInput,
  run: async ({ viewer, data }) => {
    const result = await rebalanceCases(viewer, data);
    // The cases changed hands: the queue, each case page and the load panels show the new holders.
    revalidatePath("/console", "layout");
    return result;
  },
});
