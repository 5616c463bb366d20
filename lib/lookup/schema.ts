import { z } from "zod";
import { checkApplicationNumber, checkLookupFields, type LookupFields } from "./lookup-fields";

// The server's boundary for lookups: zod, running the same plain checks the lookup form runs in the
// browser (lookup-fields.ts), so the two can never disagree.

function addIssues(ctx: z.RefinementCtx, errors: Record<string, string | undefined>) {
  for (const [field, message] of Object.entries(errors)) if (message) ctx.addIssue({ code: "custom", path: field ? [field] : [], message });
}

export const applicationNumberSchema = z.unknown().transform((raw, ctx) => {
  const result = checkApplicationNumber(raw);
  if (result.ok) return result.number;
  addIssues(ctx, { "": result.error });
  return z.NEVER;
});

export const lookupSchema = z.record(z.string(), z.unknown()).transform((raw, ctx): LookupFields => {
  const result = checkLookupFields(raw);
  if (result.ok) return result.value;
  addIssues(ctx, result.errors);
  return z.NEVER;
});

export type LookupInput = z.output<typeof lookupSchema>;
export type { LookupField } from "./lookup-fields";
