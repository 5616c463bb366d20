import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "./config";

export async function updateUserLocale(userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}
