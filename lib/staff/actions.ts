"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { canAccess } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { wholePath } from "@/lib/validation/field-errors";
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

const LIST_PATH = "/console/admin/staff";

// The mutations check the viewer again in their own transaction.
const admin = {
  access: (viewer: CurrentUser) => canAccess(viewer.role, "admin"),
  fieldKey: wholePath,
};

function refresh(userId: string) {
  revalidatePath(LIST_PATH);
  revalidatePath(`${LIST_PATH}/${userId}`);
}

export const createStaff = formAction({
  name: "staff.create",
  ...admin,
  schema: createStaffSchema,
  run: async ({ viewer, data }) => {
    const created = await createStaffAccount(viewer, data);
    revalidatePath(LIST_PATH);
    return created;
  },
  redirectTo: ({ id }) => `${LIST_PATH}/${id}?created=1`,
});

/** Deactivation and reactivation in one action, so the form that asked stays the same component either way. */
export const changeStaffStatus = formAction({
  name: "staff.changeStatus",
  ...admin,
  schema: staffStatusSchema,
  run: async ({ viewer, data: { userId, active } }) => {
    const { unassignedCases } = await setStaffActive(viewer, { userId, active });
    refresh(userId);
    return { active, unassignedCases };
  },
});

/** A generated password is returned once, to be shown to the admin; it is stored only as a hash. */
export const resetPassword = formAction({
  name: "staff.resetPassword",
  ...admin,
  schema: resetPasswordSchema,
  run: async ({ viewer, data }) => {
    const generated = data.mode === "generate";
    const password = data.mode === "generate" ? generateTemporaryPassword() : data.password;
    await resetStaffPassword(viewer, { userId: data.userId, password, generated });
    refresh(data.userId);
    return { generatedPassword: generated ? password : null };
  },
});

export const changeRole = formAction({
  name: "staff.changeRole",
  ...admin,
  schema: changeRoleSchema,
  run: async ({ viewer, data }) => {
    await changeStaffRole(viewer, data);
    refresh(data.userId);
    return { role: data.role };
  },
});

export const updateStaffServices = formAction({
  name: "staff.updateServices",
  ...admin,
  schema: staffServicesSchema,
  fields: (formData) => ({ userId: formData.get("userId"), serviceIds: formData.getAll("serviceIds") }),
  run: async ({ viewer, data: { userId, serviceIds } }) => {
    const result = await setStaffServices(viewer, { userId, serviceIds });
    refresh(userId);
    return result;
  },
});
