/** The lead sentence that points at marked fields ("please correct the highlighted fields"). */
export const CHECK_FIELDS = "errors.checkFields";

/**
 * The message key a form's error summary leads with. "Correct the highlighted fields" is only true
 * when at least one field of the form is highlighted: errors the form shows in its summary instead
 * (`unplaced`, e.g. "payment", which no field can fix) get a lead that says the step was not done.
 */
export function failureLead(
  failed: { message: string; fieldErrors?: Record<string, string[]> },
  unplaced: readonly string[] | "all" = [],
): string {
  if (failed.message !== CHECK_FIELDS) return failed.message;
  const fields = Object.entries(failed.fieldErrors ?? {}).filter(([, errors]) => errors.length > 0);
  // "all": a form with no fields of its own (one button), which lists no reasons either.
  if (unplaced === "all") return "errors.notDone";
  if (fields.some(([field]) => !unplaced.includes(field))) return CHECK_FIELDS;
  return fields.length > 0 ? "errors.notDoneBecause" : "errors.notDone";
}
