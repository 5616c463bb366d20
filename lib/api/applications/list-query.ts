import { fieldProblemsOf } from "@/lib/api/field-problems";
import { ApiProblem } from "@/lib/api/problem";
import type { Locale } from "@/lib/i18n/config";
import { listQuerySchema, type ListQuery } from "./schema";

/** GET /api/v1/applications' query string: unknown or repeated parameters are refused (400). */
export async function parseListQuery(params: URLSearchParams, locale: Locale): Promise<ListQuery> {
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) throw new ApiProblem("invalid_request", { detailKey: "queryOnce" });
  const parsed = listQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success)
    throw new ApiProblem("invalid_request", {
      extensions: { errors: await fieldProblemsOf(parsed.error.issues, locale) },
    });
  return parsed.data;
}
