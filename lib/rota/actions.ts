"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failure, type ActionResult } from "@/lib/action-result";
import { canAccess } from "@/lib/auth/roles";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/staff/admin-action";
import { canEditRota } from "./access";
import { createShift, createStandardShifts, deleteShift, setShiftMembers, updateShift } from "./mutations";
import { saveShiftSchema, shiftMembersSchema, shiftReferenceSchema } from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

const ROTA_PATH = "/console/rota";

/** Session → editor check → validation → mutation (which checks the viewer again); refusals come back as message keys. */
async function editorAction<Schema extends z.ZodType, T>(
  schema: Schema,
  input: unknown,
  run: (viewer: CurrentUser, data: z.output<Schema>) => Promise<T>,
): Promise<ActionResult<T>> {
  const viewer = await getCurrentUser();
  if (!viewer || !canAccess(viewer.role, "console") || !canEditRota(viewer.role))
    return failure("errors.notAuthorized");
  const parsed = schema.safeParse(input);
  if (!parsed.success) return failure("errors.checkFields", fieldErrorsOf(parsed.error));
  try {
    const data = await run(viewer, parsed.data);
    revalidatePath(ROTA_PATH, "layout");
    return { ok: true, data };
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}

/** Creates a shift (then opens it to add people) or saves an edited one. */
export async function saveShift(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; created: boolean }>> {
  if (!isFormData(formData)) return malformedRequest();
  const result = await editorAction(
    saveShiftSchema,
    Object.fromEntries(formData),
    async (viewer, { shiftId, ...input }) => {
      if (shiftId) return { ...(await updateShift(viewer, shiftId, input)), created: false };
      return { ...(await createShift(viewer, input)), created: true };
    },
  );
  if (result.ok && result.data.created) redirect(`${ROTA_PATH}/${result.data.id}?created=1`);
  return result;
}

export async function removeShift(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  if (!isFormData(formData)) return malformedRequest();
  const result = await editorAction(
    shiftReferenceSchema,
    Object.fromEntries(formData),
    async (viewer, { shiftId }) => {
      await deleteShift(viewer, shiftId);
      return null;
    },
  );
  if (result.ok) redirect(`${ROTA_PATH}?deleted=1`);
  return result;
}

export async function saveShiftMembers(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ added: number; removed: number }>> {
  if (!isFormData(formData)) return malformedRequest();
  const input = { shiftId: formData.get("shiftId"), userIds: formData.getAll("userIds") };
  return editorAction(shiftMembersSchema, input, (viewer, data) => setShiftMembers(viewer, data));
}

/** The standard three shifts on every weekday, named in the editor's language. */
export async function addStandardShifts(
  _previous: unknown,
  _formData: FormData,
): Promise<ActionResult<{ created: number }>> {
  const t = await getTranslations("rota.standard");
  const names = { day: t("day"), evening: t("evening"), night: t("night") };
  return editorAction(z.object({}), {}, (viewer) => createStandardShifts(viewer, names));
}
