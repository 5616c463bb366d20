"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { canAccess } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { wholePath } from "@/lib/validation/field-errors";
import {
  addEvidenceSchema,
  createServiceSchema,
  moveEvidenceSchema,
  removeEvidenceSchema,
  TARGET_NODES,
  updateEvidenceSchema,
  updateServiceSchema,
  updateTierSchema,
} from "./admin-schema";
import {
  addEvidenceRequirement,
  createService as createServiceRow,
  moveEvidenceRequirement,
  removeEvidenceRequirement,
  updateEvidenceRequirement,
  updateService,
  updateTier,
} from "./mutations";

const LIST_PATH = "/console/admin/services";

// The mutations check the viewer again in their own transaction. Nested fields ("targets.EXPRESS")
// get their own messages.
const admin = {
  access: (viewer: CurrentUser) => canAccess(viewer.role, "admin"),
  fieldKey: wholePath,
};

/** The admin pages and the public pages that show the catalog (fees, tiers, evidence). */
function refreshed<T>(serviceId: string, result: T): T {
  revalidatePath(LIST_PATH);
  revalidatePath(`${LIST_PATH}/${serviceId}`);
  revalidatePath("/services");
  revalidatePath("/portal/apply", "layout");
  return result;
}

export const createService = formAction({
  name: "catalog.createService",
  ...admin,
  schema: createServiceSchema,
  run: async ({ viewer, data }) => {
    const created = await createServiceRow(viewer, data);
    revalidatePath(LIST_PATH);
    return created;
  },
  redirectTo: ({ id }) => `${LIST_PATH}/${id}?created=1`,
});

export const saveService = formAction({
  name: "catalog.saveService",
  ...admin,
  schema: updateServiceSchema,
  run: async ({ viewer, data }) => refreshed(data.serviceId, await updateService(viewer, data)),
});

/** Node targets arrive as fields "targets.<NODE>" and are gathered into one object for the schema. */
export const saveTier = formAction({
  name: "catalog.saveTier",
  ...admin,
  schema: updateTierSchema,
  fields: (formData) => ({
    ...Object.fromEntries(formData),
    targets: Object.fromEntries(
      TARGET_NODES.map((node) => [node, formData.get(`targets.${node}`) ?? undefined]),
    ),
  }),
  run: async ({ viewer, data }) => refreshed(data.serviceId, await updateTier(viewer, data)),
});

export const addEvidence = formAction({
  name: "catalog.addEvidence",
  ...admin,
  schema: addEvidenceSchema,
  run: async ({ viewer, data }) => refreshed(data.serviceId, await addEvidenceRequirement(viewer, data)),
});

export const saveEvidence = formAction({
  name: "catalog.saveEvidence",
  ...admin,
  schema: updateEvidenceSchema,
  run: async ({ viewer, data }) => refreshed((await updateEvidenceRequirement(viewer, data)).serviceId, null),
});

export const removeEvidence = formAction({
  name: "catalog.removeEvidence",
  ...admin,
  schema: removeEvidenceSchema,
  run: async ({ viewer, data }) =>
    refreshed((await removeEvidenceRequirement(viewer, data.requirementId)).serviceId, null),
});

export const moveEvidence = formAction({
  name: "catalog.moveEvidence",
  ...admin,
  schema: moveEvidenceSchema,
  run: async ({ viewer, data }) => refreshed((await moveEvidenceRequirement(viewer, data)).serviceId, null),
});
