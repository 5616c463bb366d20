"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { canAccess } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { wholePath } from "@/lib/validation/field-errors";
import { canEditRota } from "./access";
import { createShift, createStandardShifts, deleteShift, setShiftMembers, updateShift } from "./mutations";
import { saveShiftSchema, shiftMembersSchema, shiftReferenceSchema } from "./schema";

const ROTA_PATH = "/console/rota";

// The mutations check the viewer again; every change shows on the rota and its shift pages.
const editor = {
  access: (viewer: CurrentUser) => canAccess(viewer.role, "console") && canEditRota(viewer.role),
  fieldKey: wholePath,
};

function refreshed<T>(data: T): T {
  revalidatePath(ROTA_PATH, "layout");
  return data;
}

/** Creates a shift (then opens it to add people) or saves an edited one. */
export const saveShift = formAction({
  name: "rota.saveShift",
  ...editor,
  schema: saveShiftSchema,
  run: async ({ viewer, data: { shiftId, ...input } }) =>
    refreshed(
      shiftId
        ? { ...(await updateShift(viewer, shiftId, input)), created: false }
        : { ...(await createShift(viewer, input)), created: true },
    ),
  redirectTo: ({ id, created }) => (created ? `${ROTA_PATH}/${id}?created=1` : null),
});

export const removeShift = formAction({
  name: "rota.removeShift",
  ...editor,
  schema: shiftReferenceSchema,
  run: async ({ viewer, data }) => {
    await deleteShift(viewer, data.shiftId);
    return refreshed(null);
  },
  redirectTo: () => `${ROTA_PATH}?deleted=1`,
});

export const saveShiftMembers = formAction({
  name: "rota.saveShiftMembers",
  ...editor,
  schema: shiftMembersSchema,
  fields: (formData) => ({ shiftId: formData.get("shiftId"), userIds: formData.getAll("userIds") }),
  run: async ({ viewer, data }) => refreshed(await setShiftMembers(viewer, data)),
});

/** The standard three shifts on every weekday, named in the editor's language. */
export const addStandardShifts = formAction({
  name: "rota.addStandardShifts",
  ...editor,
  schema: z.object({}),
  fields: () => ({}),
  run: async ({ viewer }) => {
    const t = await getTranslations("rota.standard");
    return refreshed(
      await createStandardShifts(viewer, { day: t("day"), evening: t("evening"), night: t("night") }),
    );
  },
});
