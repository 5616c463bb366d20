"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { canAccess } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { redeliverWebhook, reenableWebhookEndpoint } from "./mutations";
import { redeliverSchema, reenableSchema } from "./schema";

const CONSOLE_PATH = "/console/admin/webhooks";

// The mutations check the viewer again.
const admin = { access: (viewer: CurrentUser) => canAccess(viewer.role, "admin") };

/** Sends one delivery again (audited); the worker is woken by the row's trigger on commit. */
export const redeliver = formAction({
  name: "webhooks.redeliver",
  ...admin,
  schema: redeliverSchema,
  run: async ({ viewer, data }) => {
    const delivery = await redeliverWebhook(viewer, data.deliveryId);
    revalidatePath(`${CONSOLE_PATH}/${delivery.endpointId}`);
    return { deliveryId: data.deliveryId };
  },
});

export const reenableEndpoint = formAction({
  name: "webhooks.reenable",
  ...admin,
  schema: reenableSchema,
  run: async ({ viewer, data }) => {
    await reenableWebhookEndpoint(viewer, data.endpointId);
    revalidatePath(CONSOLE_PATH);
    revalidatePath(`${CONSOLE_PATH}/${data.endpointId}`);
    return { endpointId: data.endpointId };
  },
});
