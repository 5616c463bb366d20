import { createTranslator } from "next-intl";
import { PASSWORD_MIN_LENGTH } from "../../lib/auth/schema";
import { UserFacingError } from "../../lib/errors";
import { loadMessages } from "../../lib/i18n/messages";
import { createAdministrator } from "../../lib/staff/mutations";
import { createStaffSchema } from "../../lib/staff/schema";
import { fieldErrorsOf } from "../../lib/validation/field-errors";

export type CreateAdminOutcome = { ok: true; id: string } | { ok: false; problems: string[] };

/**
 * The core of `npm run admin:create`: the console form's schema and rules (lib/staff), with the
 * refusals written out in English for the operator at the terminal.
 */
export async function createAdministratorFromInput(raw: {
  email: string;
  displayName: string;
  locale: string | undefined;
  password: string;
}): Promise<CreateAdminOutcome> {
  const translate = createTranslator({ locale: "en", messages: await loadMessages("en") });
  const explain = (fieldErrors: Record<string, string[] | undefined>) =>
    Object.entries(fieldErrors).flatMap(([field, keys]) =>
      (keys ?? []).map(
        (key) => `${field}: ${translate(key as never, { min: PASSWORD_MIN_LENGTH } as never)}`,
      ),
    );
  const parsed = createStaffSchema.safeParse({ ...raw, role: "ADMIN" });
  if (!parsed.success) return { ok: false, problems: explain(fieldErrorsOf(parsed.error)) };
  try {
    const { id } = await createAdministrator(parsed.data);
    return { ok: true, id };
  } catch (error) {
    if (error instanceof UserFacingError)
      return {
        ok: false,
        problems: error.fieldErrors ? explain(error.fieldErrors) : [translate(error.messageKey as never)],
      };
    throw error;
  }
}
