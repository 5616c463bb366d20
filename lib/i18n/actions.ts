"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { updateUserLocale } from "./mutations";
import { LOCALE_COOKIE, LOCALES } from "./config";

const switchTo = formAction({
  name: "i18n.switchLocale",
  access: "anyone",
  schema: z.object({ locale: z.enum(LOCALES) }),
  fields: (formData) => ({ locale: formData.get("locale") }),
  run: async ({ viewer, data: { locale } }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
    // Remember it on the account too, so messages sent later use the language the person reads.
    if (viewer && viewer.locale !== locale) await updateUserLocale(viewer.id, locale);
    revalidatePath("/", "layout");
    return locale;
  },
});

/** The language switcher's form: an unknown language changes nothing. */
export async function switchLocale(formData: FormData): Promise<void> {
  await switchTo(null, formData);
}
