import { MAX_FILE_BYTES, MAX_FILES } from "@/lib/evidence/limits";
import { UserFacingError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/api/body";
import { ApiProblem, problemDetail } from "@/lib/api/problem";
import type { Locale } from "@/lib/i18n/config";
import { API_EVIDENCE_KINDS } from "./schema";

// Reading the bodies of the application endpoints: JSON, or multipart/form-data with a JSON part
// and files. Everything is read into memory under a byte cap first (lib/api/body.ts), so a huge or
// endless body is a 413 after at most the cap, never a parse of whatever arrived.

/** A JSON submission: far more than any real one (a 2000-character reason and short fields). */
export const JSON_MAX_BYTES = 64 * 1024;
/**
 * A multipart submission or evidence upload. Requests through proxy.ts are cut at 10 MB anyway
 * (docs stack notes); one maximum-size file plus the form fits, several smaller files do too.
 */
export const MULTIPART_MAX_BYTES = MAX_FILE_BYTES + 256 * 1024;

export type ReceivedFile = { kind: string; originalName: string; bytes: Uint8Array };
export type ReceivedSubmission = { json: unknown; files: ReceivedFile[] };

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new ApiProblem("invalid_json");
  }
}

async function readForm(request: Request, bytes: Uint8Array): Promise<FormData> {
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": request.headers.get("content-type")! },
    }).formData();
  } catch {
    throw new ApiProblem("invalid_request", { detailKey: "multipartUnreadable" });
  }
}

function fieldError(field: string, message: string): never {
  throw new UserFacingError("errors.checkFields", { [field]: [message] });
}

/**
 * POST /api/v1/applications: `application/json` (the application alone), or `multipart/form-data`
 * with a part `application` (the same JSON) and file parts named by evidence kind (ID_PROOF,
 * URGENCY_PROOF, OTHER; a kind may repeat). Anything else is 415.
 */
export async function readSubmission(request: Request, locale: Locale): Promise<ReceivedSubmission> {
  const type = mediaType(request);
  if (type === "application/json")
    return { json: parseJson(await readBodyBytes(request, JSON_MAX_BYTES, locale)), files: [] };
  if (type !== "multipart/form-data")
    throw new ApiProblem("unsupported_media_type", {
      detail: problemDetail("contentType", locale, { type: "application/json, multipart/form-data" }),
    });
  const form = await readForm(request, await readBodyBytes(request, MULTIPART_MAX_BYTES, locale));
  let json: unknown = undefined;
  const files: ReceivedFile[] = [];
  for (const [name, value] of form.entries()) {
    if (name === "application") {
      if (json !== undefined) fieldError("application", "validation.tooLong");
      json = parseJson(
        typeof value === "string"
          ? new TextEncoder().encode(value)
          : new Uint8Array(await value.arrayBuffer()),
      );
    } else if ((API_EVIDENCE_KINDS as readonly string[]).includes(name) && typeof value !== "string") {
      if (files.length >= MAX_FILES) fieldError(name, "evidence.tooManyFiles");
      files.push({ kind: name, originalName: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    } else fieldError(name.slice(0, 64), "validation.required");
  }
  if (json === undefined) fieldError("application", "validation.required");
  return { json, files };
}

/** POST /api/v1/applications/{number}/evidence: multipart with one `file` and its `kind`. */
export async function readEvidenceUpload(
  request: Request,
  locale: Locale,
): Promise<{ kind: unknown; file: ReceivedFile }> {
  if (mediaType(request) !== "multipart/form-data")
    throw new ApiProblem("unsupported_media_type", {
      detail: problemDetail("contentType", locale, { type: "multipart/form-data" }),
    });
  const form = await readForm(request, await readBodyBytes(request, MULTIPART_MAX_BYTES, locale));
  for (const name of form.keys())
    if (name !== "file" && name !== "kind") fieldError(name.slice(0, 64), "validation.required");
  const file = form.getAll("file");
  if (file.length !== 1 || typeof file[0] === "string") fieldError("file", "evidence.noFile");
  const kind = form.getAll("kind");
  if (kind.length > 1) fieldError("kind", "validation.required");
  const value = file[0] as File;
  return {
    kind: kind[0] ?? "SUPPLEMENT",
    file: {
      kind: String(kind[0] ?? "SUPPLEMENT"),
      originalName: value.name,
      bytes: new Uint8Array(await value.arrayBuffer()),
    },
  };
}
