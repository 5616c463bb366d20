import { useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { createFormat, type Format } from "./format";

/** The viewer's formatters in a client component (in place of next-intl's useFormatter, see format.ts). */
export function useFormat(): Format {
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useMemo(() => createFormat(locale, timeZone), [locale, timeZone]);
}
