import { z } from "zod";
import { PROBLEM_STATUS, type ProblemCode } from "../problem";

// RFC 9457 problem details as the document describes them. Output schemas are closed
// (additionalProperties: false), so a refusal carrying an extension not listed here fails the
// contract tests: a new extension is documented here first.

const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as [ProblemCode, ...ProblemCode[]];

export const fieldProblemSchema = z
  .object({
    field: z.string().meta({
      description:
        'The refused field\'s path, dot-separated ("applicant.idNumber"); "body" for the whole body.',
    }),
    code: z.string().meta({ description: "A stable reason code a client can branch on." }),
    message: z
      .string()
      .meta({ description: "The reason for people, in the caller's language (Accept-Language)." }),
  })
  .meta({ id: "FieldProblem" });

export const problemSchema = z
  .object({
    type: z.string().meta({
      format: "uri-reference",
      description: "Where the code is explained: the developer page's error table.",
      example: "/developers#problem-validation_failed",
    }),
    title: z
      .string()
      .meta({ description: "A short summary in the caller's language (zh or en, from Accept-Language)." }),
    status: z.int().min(400).max(599),
    code: z
      .enum(PROBLEM_CODES)
      .meta({ description: "The stable machine code: branch on this, never on the title." }),
    detail: z
      .string()
      .optional()
      .meta({ description: "This occurrence explained, in the caller's language." }),
    instance: z.string().optional(),
    errors: z
      .array(fieldProblemSchema)
      .optional()
      .meta({ description: "validation_failed: every refused field." }),
    currentVersion: z.int().optional().meta({
      description: "version_conflict: the case's current version; read the case again, then retry.",
    }),
    retryAfterSeconds: z
      .int()
      .min(0)
      .optional()
      .meta({ description: "rate_limited: seconds to wait, as in the Retry-After header." }),
  })
  .meta({
    id: "Problem",
    description: "An RFC 9457 problem details object (Content-Type: application/problem+json).",
  });

export type ProblemStatus = (typeof PROBLEM_STATUS)[ProblemCode];

/** The codes a status carries, in the order of the list. */
export function codesOfStatus(status: number): ProblemCode[] {
  return PROBLEM_CODES.filter((code) => PROBLEM_STATUS[code] === status);
}

export { PROBLEM_CODES, PROBLEM_STATUS, type ProblemCode };
