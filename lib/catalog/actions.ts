"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/pipeline";
import { invalidInput } from "@/lib/action-result";
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

// The mutations check the viewer again in their own transaction.
const admin = {
  access: (viewer: CurrentUser) => canAccess(viewer.role, "admin"),
  // Nested fields ("targets.EXPRESS") get their own messages.
  invalid: (error: Parameters<typeof invalidInput>[0]) => invalidInput(error, wholePath),
};

/** The admin pages and the public pages that show the catalog (fees, tiers, evidence). */
function refresh(serviceId?: string) {
  revalidatePath(LIST_PATH);
  if (serviceId) revalidatePath(`${LIST_PATH}/${serviceId}`);
  revalidatePath("/services");
  revalidatePath("/portal/apply", "layout");
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
  run: async ({ viewer, data }) => {
    const result = await updateService(viewer, data);
    refresh(data.serviceId);
    return result;
  },
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
  run: async ({ viewer, data }) => {
    const result = await updateTier(viewer, data);
    refresh(data.serviceId);
    return result;
  },
});

export const addEvidence = formAction({
  name: "catalog.addEvidence",
  ...admin,
  schema: addEvidenceSchema,
  run: async ({ viewer, data }) => {
    const result = await addEvidenceRequirement(viewer, data);
    refresh(data.serviceId);
    return result;
  },
});

export const saveEvidence = formAction({
  name: "catalog.saveEvidence",
  ...admin,
  schema: updateEvidenceSchema,
  run: async ({ viewer, data }) => {
    const { serviceId } = await updateEvidenceRequirement(viewer, data);
    refresh(serviceId);
    return null;
  },
});

export const removeEvidence = formAction({
  name: "catalog.removeEvidence",
  ...admin,
  schema: removeEvidenceSchema,
  run: async ({ viewer, data }) => {
    const { serviceId } = await removeEvidenceRequirement(viewer, data.requirementId);
    refresh(serviceId);
    return null;
  },
});

export const moveEvidence = formAction({
  name: "catalog.moveEvidence",
  ...admin,
  schema: moveEvidenceSchema,
  run: async ({ viewer, data }) => {
    const { serviceId } = await moveEvidenceRequirement(viewer, data);
    refresh(serviceId);
    return null;
  },
});
