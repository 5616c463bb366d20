import type { z } from "zod";
import type { Locale } from "@/lib/i18n/config";
import { fieldProblemsOf } from "./field-problems";
import { ApiProblem, problemDetail } from "./problem";

// Reading a JSON request body for /api/v1: the content type, the size (counted while reading, so a
// body without Content-Length or lying about it is cut off at the limit), the syntax and the schema,
// each refused with its own 4xx before anything is written.

export const DEFAULT_JSON_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** The body's bytes, refusing with 413 as soon as they pass `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number, locale: Locale): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiProblem("payload_too_large", { detail: problemDetail("bodyLimit", locale, { bytes: maxBytes }) });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body parsed by `schema` (use z.strictObject: unknown fields are refused, not ignored). */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { locale: Locale; maxBytes?: number },
): Promise<z.output<S>> {
  const { locale, maxBytes = DEFAULT_JSON_BODY_BYTES } = options;
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? ""))
    throw new ApiProblem("unsupported_media_type", {
      detail: problemDetail("contentType", locale, { type: "application/json" }),
    });
  const bytes = await readBodyBytes(request, maxBytes, locale);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiProblem("invalid_json");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiProblem("validation_failed", {
      extensions: { errors: await fieldProblemsOf(parsed.error.issues, locale) },
    });
  return parsed.data;
}
