import { formatApplicationNumber } from "@/lib/applications/application-number";
import { canAccess } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { caseLink, payloadSchema } from "./templates";

/**
 * Where an in-app notification leads, by who reads it (not by the template): staff to the console
 * workspace, applicants to their case page. Relative, so it stays on the site that served the list.
 * Null when the payload names no case.
 */
export function inboxLink(role: Role, payload: unknown): string | null {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success || !parsed.data.number) return null;
  return caseLink("", canAccess(role, "console") ? "staff" : "applicant", parsed.data.number);
}

/** The payload as the list shows it: the number in its readable form ("EX-012-345-67R"). */
export function displayPayload(payload: unknown): unknown {
  const parsed = payloadSchema.safeParse(payload);
  return parsed.success && parsed.data.number
    ? { ...parsed.data, number: formatApplicationNumber(parsed.data.number) }
    : payload;
}
