import { z } from "zod";
import { checkApplicationNumber, checkLookupFields, type LookupFields } from "./lookup-fields";

// The server's boundary for lookups: zod, running the same plain checks the lookup form runs in the
// browser (lookup-fields.ts), so the two can never disagree.

export const applicationNumberSchema = z.unknown().transform((raw, ctx) => {
  const result = checkApplicationNumber(raw);
  if (result.ok) return result.number;
  ctx.addIssue({ code: "custom", message: result.error });
  return z.NEVER;
});

export const lookupSchema = z.record(z.string(), z.unknown()).transform((raw, ctx): LookupFields => {
  const result = checkLookupFields(raw);
  if (result.ok) return result.value;
  for (const [field, message] of Object.entries(result.errors))
    ctx.addIssue({ code: "custom", path: [field], message });
  return z.NEVER;
});

export type LookupInput = z.output<typeof lookupSchema>;
export type { LookupField } from "./lookup-fields";
