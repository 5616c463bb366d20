import enRota from "@/lib/i18n/messages/en/rota.json";
import zhRota from "@/lib/i18n/messages/zh/rota.json";
import { isLocale } from "@/lib/i18n/config";
import { STANDARD_SHIFTS, type StandardShiftKey } from "./schema";

// A shift's name is stored text, typed by a supervisor in one language. The standard shifts
// (白班/Day, 晚班/Evening, 夜班/Night) are shown in the viewer's language whatever language they
// were stored in; earlier demo data stored both at once ("夜班 Night"), which reads as one of them.
const STANDARD_NAMES = { zh: zhRota.standard, en: enRota.standard };

function normalized(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

const KEY_BY_NAME = new Map<string, StandardShiftKey>(
  STANDARD_SHIFTS.flatMap(({ key }) => {
    const zh = STANDARD_NAMES.zh[key];
    const en = STANDARD_NAMES.en[key];
    return [zh, en, `${zh} ${en}`, `${en} ${zh}`].map((name) => [normalized(name), key] as const);
  }),
);

/** The standard shift a stored name denotes, in either language, or null for a name of its own. */
export function standardShiftOf(name: string): StandardShiftKey | null {
  return KEY_BY_NAME.get(normalized(name)) ?? null;
}

/** What a shift is called on the viewer's page. */
export function shiftName(name: string, locale: string): string {
  const key = standardShiftOf(name);
  return key ? STANDARD_NAMES[isLocale(locale) ? locale : "zh"][key] : name;
}
