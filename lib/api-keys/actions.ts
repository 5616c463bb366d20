"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { endOfLocalDay } from "@/lib/applications/deadline";
import { canAccess } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { createApiClient, createApiKey, revokeApiKey } from "./mutations";
import { createApiClientSchema, createApiKeySchema, revokeApiKeySchema } from "./schema";

const LIST_PATH = "/console/admin/api-keys";

// The mutations check the viewer again.
const admin = { access: (viewer: CurrentUser) => canAccess(viewer.role, "admin") };

export const createClient = formAction({
  name: "apiKeys.createClient",
  ...admin,
  schema: createApiClientSchema,
  run: async ({ viewer, data }) => {
    const created = await createApiClient(viewer, data);
    revalidatePath(LIST_PATH);
    return { id: created.id, name: data.name };
  },
});

/** The secret comes back here once, for the page to show; it is never stored or logged. */
export const createKey = formAction({
  name: "apiKeys.createKey",
  ...admin,
  schema: createApiKeySchema,
  fields: (formData) => ({ ...Object.fromEntries(formData), scopes: formData.getAll("scopes") }),
  run: async ({ viewer, data }) => {
    const expiresAt = data.expiresOn ? endOfLocalDay(data.expiresOn, data.utcOffsetMinutes) : null;
    if (data.expiresOn && !expiresAt)
      throw new UserFacingError("errors.checkFields", { expiresOn: ["admin.apiKeys.errors.expiryInvalid"] });
    const key = await createApiKey(viewer, {
      clientId: data.clientId,
      name: data.name,
      scopes: data.scopes,
      expiresAt,
      rateLimitPerMinute: data.rateLimitPerMinute ?? null,
    });
    revalidatePath(LIST_PATH);
    return key;
  },
});

export const revokeKey = formAction({
  name: "apiKeys.revokeKey",
  ...admin,
  schema: revokeApiKeySchema,
  run: async ({ viewer, data }) => {
    const result = await revokeApiKey(viewer, data.keyId);
    revalidatePath(LIST_PATH);
    return result;
  },
});
