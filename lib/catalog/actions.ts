"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { adminAction } from "@/lib/staff/admin-action";
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
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

const LIST_PATH = "/console/admin/services";

/** The admin pages and the public pages that show the catalog (fees, tiers, evidence). */
function refresh(serviceId?: string) {
  revalidatePath(LIST_PATH);
  if (serviceId) revalidatePath(`${LIST_PATH}/${serviceId}`);
  revalidatePath("/services");
  revalidatePath("/portal/apply", "layout");
}

export async function createService(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const result = await adminAction(
    createServiceSchema,
    Object.fromEntries(formData),
    async (viewer, input) => {
      const created = await createServiceRow(viewer, input);
      revalidatePath(LIST_PATH);
      return created;
    },
  );
  if (result.ok) redirect(`${LIST_PATH}/${result.data.id}?created=1`);
  return result;
}

export async function saveService(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ changed: number }>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(updateServiceSchema, Object.fromEntries(formData), async (viewer, input) => {
    const result = await updateService(viewer, input);
    refresh(input.serviceId);
    return result;
  });
}

/** Node targets arrive as fields "targets.<NODE>" and are gathered into one object for the schema. */
export async function saveTier(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ changed: number }>> {
  if (!isFormData(formData)) return malformedRequest();
  const fields = Object.fromEntries(formData);
  const targets = Object.fromEntries(
    TARGET_NODES.map((node) => [node, formData.get(`targets.${node}`) ?? undefined]),
  );
  return adminAction(updateTierSchema, { ...fields, targets }, async (viewer, input) => {
    const result = await updateTier(viewer, input);
    refresh(input.serviceId);
    return result;
  });
}

export async function addEvidence(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(addEvidenceSchema, Object.fromEntries(formData), async (viewer, input) => {
    const result = await addEvidenceRequirement(viewer, input);
    refresh(input.serviceId);
    return result;
  });
}

export async function saveEvidence(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(updateEvidenceSchema, Object.fromEntries(formData), async (viewer, input) => {
    const { serviceId } = await updateEvidenceRequirement(viewer, input);
    refresh(serviceId);
    return null;
  });
}

export async function removeEvidence(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(removeEvidenceSchema, Object.fromEntries(formData), async (viewer, input) => {
    const { serviceId } = await removeEvidenceRequirement(viewer, input.requirementId);
    refresh(serviceId);
    return null;
  });
}

export async function moveEvidence(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(moveEvidenceSchema, Object.fromEntries(formData), async (viewer, input) => {
    const { serviceId } = await moveEvidenceRequirement(viewer, input);
    refresh(serviceId);
    return null;
  });
}
