import "server-only";
import type { z } from "zod";
import { failure, type ActionResult } from "@/lib/action-result";
import { canAccess } from "@/lib/auth/roles";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";

/** Field errors keyed by the whole path ("targets.EXPRESS"), so nested form fields get their own messages. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues)
    (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  return fieldErrors;
}

/**
 * The steps every admin Server Action shares: session → admin check → validation → the mutation
 * (which checks the viewer again in its own transaction). Expected refusals come back as message
 * keys; anything else throws and reaches the error page. Redirects belong after this returns.
 */
export async function adminAction<Schema extends z.ZodType, T>(
  schema: Schema,
  input: unknown,
  run: (viewer: CurrentUser, data: z.output<Schema>) => Promise<T>,
): Promise<ActionResult<T>> {
  const viewer = await getCurrentUser();
  // Checked before parsing and hashing: an endpoint anyone can post to should do no work for them.
  if (!viewer || !canAccess(viewer.role, "admin")) return failure("errors.notAuthorized");
  const parsed = schema.safeParse(input);
  if (!parsed.success) return failure("errors.checkFields", fieldErrorsOf(parsed.error));
  try {
    return { ok: true, data: await run(viewer, parsed.data) };
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}
