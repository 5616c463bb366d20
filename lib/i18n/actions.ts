"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { updateUserLocale } from "./mutations";
import { LOCALE_COOKIE, isLocale } from "./config";
import { isFormData } from "@/lib/validation/action-input";

export async function switchLocale(formData: FormData): Promise<void> {
  if (!isFormData(formData)) return;
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  // Remember it on the account too, so messages sent later use the language the person reads.
  const user = await getCurrentUser();
  if (user && user.locale !== locale) await updateUserLocale(user.id, locale);
  revalidatePath("/", "layout");
}
