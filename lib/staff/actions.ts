"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { adminAction } from "./admin-action";
import {
  changeStaffRole,
  createStaffAccount,
  resetStaffPassword,
  setStaffActive,
  setStaffServices,
} from "./mutations";
import {
  changeRoleSchema,
  createStaffSchema,
  resetPasswordSchema,
  staffServicesSchema,
  staffStatusSchema,
} from "./schema";
import { generateTemporaryPassword } from "./temporary-password";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

const LIST_PATH = "/console/admin/staff";

function refresh(userId: string) {
  revalidatePath(LIST_PATH);
  revalidatePath(`${LIST_PATH}/${userId}`);
}

export async function createStaff(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const result = await adminAction(createStaffSchema, Object.fromEntries(formData), async (viewer, input) => {
    const created = await createStaffAccount(viewer, input);
    revalidatePath(LIST_PATH);
    return created;
  });
  if (result.ok) redirect(`${LIST_PATH}/${result.data.id}?created=1`);
  return result;
}

/** Deactivation and reactivation in one action, so the form that asked stays the same component either way. */
export async function changeStaffStatus(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ active: boolean; unassignedCases: number }>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(staffStatusSchema, Object.fromEntries(formData), async (viewer, { userId, active }) => {
    const { unassignedCases } = await setStaffActive(viewer, { userId, active });
    refresh(userId);
    return { active, unassignedCases };
  });
}

/** A generated password is returned once, to be shown to the admin; it is stored only as a hash. */
export async function resetPassword(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ generatedPassword: string | null }>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(resetPasswordSchema, Object.fromEntries(formData), async (viewer, input) => {
    const generated = input.mode === "generate";
    const password = input.mode === "generate" ? generateTemporaryPassword() : input.password;
    await resetStaffPassword(viewer, { userId: input.userId, password, generated });
    refresh(input.userId);
    return { generatedPassword: generated ? password : null };
  });
}

export async function changeRole(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ role: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  return adminAction(changeRoleSchema, Object.fromEntries(formData), async (viewer, input) => {
    await changeStaffRole(viewer, input);
    refresh(input.userId);
    return { role: input.role };
  });
}

export async function updateStaffServices(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ added: number; removed: number }>> {
  if (!isFormData(formData)) return malformedRequest();
  const input = { userId: formData.get("userId"), serviceIds: formData.getAll("serviceIds") };
  return adminAction(staffServicesSchema, input, async (viewer, { userId, serviceIds }) => {
    const result = await setStaffServices(viewer, { userId, serviceIds });
    refresh(userId);
    return result;
  });
}
