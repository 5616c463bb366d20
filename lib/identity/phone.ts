import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/mobile";

/**
 * Phone numbers we can text (decision 033): parsed and checked by libphonenumber-js against its
 * mobile-number metadata, so a landline or a number of the wrong length is refused where it is
 * typed instead of failing at 3 a.m. in the SMS provider. Numbers without a country code are read
 * as mainland China's, where most applicants are.
 */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "CN";

/** The number in E.164 ("+8613800138000"), or null when it is not a mobile number anywhere. */
export function toMobileE164(
  raw: string,
  defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY,
): string | null {
  // NFKC: full-width digits and "＋" from a Chinese keyboard read as ASCII.
  const text = raw.normalize("NFKC").trim();
  if (text.length === 0 || text.length > 40) return null;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
