import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import {
  idempotencyKeyParameter,
  problemResponses,
  rateLimitHeaders,
  requireScope,
} from "@/lib/api/openapi/shared-components";
import { EVIDENCE_MIME_TYPES } from "@/lib/evidence/file-type";
import {
  applicationCreatedSchema,
  caseListSchema,
  caseViewSchema,
  evidenceItemSchema,
  transitionResultSchema,
} from "./response-schema";
import {
  API_EVIDENCE_KINDS,
  applicationRequestSchema,
  listQuerySchema,
  transitionRequestSchema,
  claimRequestSchema,
} from "./schema";

// The application endpoints in the OpenAPI document (lib/api/openapi), from the schemas the routes
// parse and answer with. Paths are relative to /api/v1.

const tags = ["Applications"];
const number = z.string().meta({ description: "The application number.", example: "A2612-7KQ4-X" });
const evidenceId = z.uuid().meta({ description: "The file's id (from the case's evidence list)." });
const binary = z.string().meta({ format: "binary" });

const json = (schema: z.ZodType, description: string): ZodOpenApiResponseObject => ({
  description,
  headers: rateLimitHeaders,
  content: { "application/json": { schema } },
});

const fileResponse: ZodOpenApiResponseObject = {
  description:
    "The file, with the type its bytes were recognized as on upload (nosniff, a sandboxing CSP, attachment).",
  headers: rateLimitHeaders,
  content: Object.fromEntries(
    [...EVIDENCE_MIME_TYPES, "application/octet-stream"].map((type) => [type, { schema: binary }]),
  ),
};

const multipartSubmission = z
  .object({
    application: applicationRequestSchema,
    ...Object.fromEntries(
      API_EVIDENCE_KINDS.map((kind) => [
        kind,
        binary
          .optional()
          .meta({ description: `A ${kind} file (PDF, JPEG, PNG or WebP); the part may repeat.` }),
      ]),
    ),
  })
  .meta({
    description:
      "The application as the JSON part `application`, with the files as parts named by evidence kind. " +
      "The service's required kinds must all be there; at most 10 files, 10 MB each and in all.",
  });

export const applicationPaths: ZodOpenApiPathsObject = {
  "/applications": {
    post: {
      operationId: "applications.create",
      summary: "File an application",
      description:
        "Filed under the partner's account, with the same checks as the apply form; the fee is billed to the " +
        "partner's account. Files either in this request (multipart) or later, as answers to a supplement request.",
      tags,
      security: requireScope("applications:write"),
      parameters: [idempotencyKeyParameter],
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: applicationRequestSchema },
          "multipart/form-data": { schema: multipartSubmission },
        },
      },
      responses: {
        201: json(applicationCreatedSchema, "Filed: the number, fee, due times and links."),
        ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429),
      },
    },
    get: {
      operationId: "applications.list",
      summary: "List cases",
      description:
        "A partner's own cases (an internal system's: every case its staff member sees), most recently changed first.",
      tags,
      security: requireScope("applications:read"),
      requestParams: { query: listQuerySchema },
      responses: {
        200: json(caseListSchema, "One page; follow nextCursor for the next."),
        ...problemResponses(400, 401, 403, 429),
      },
    },
  },
  "/applications/{number}": {
    get: {
      operationId: "applications.get",
      summary: "A case's progress",
      description: "What the applicant's case page shows: never internal notes or staff names.",
      tags,
      security: requireScope("applications:read"),
      requestParams: { path: z.object({ number }) },
      responses: {
        200: json(caseViewSchema, "The case."),
        ...problemResponses(401, 403, 404, 429),
      },
    },
  },
  "/applications/{number}/transitions": {
    post: {
      operationId: "applications.transition",
      summary: "Move a case",
      description:
        "One workflow step. An internal system's key (scope cases:transition) acts as its staff member, with " +
        "that member's permissions; a partner's key (scope applications:write) makes the applicant's moves on " +
        "its own cases: PROVIDE_SUPPLEMENT and WITHDRAW. A stale expectedVersion is 409 version_conflict with " +
        "currentVersion.",
      tags,
      security: [...requireScope("cases:transition"), ...requireScope("applications:write")],
      requestParams: { path: z.object({ number }) },
      requestBody: { required: true, content: { "application/json": { schema: transitionRequestSchema } } },
      responses: {
        200: json(transitionResultSchema, "Moved: the case's new node, status and version."),
        ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429),
      },
    },
  },
  "/applications/{number}/claim": {
    post: {
      operationId: "applications.claim",
      summary: "Take an unassigned case (internal systems)",
      description:
        "The workspace's Claim, for an internal system's key (scope cases:transition): its staff member " +
        "becomes the case's assignee. A reviewer claims only cases of the services they handle, and must hold " +
        "a case before moving it; a supervisor may move any case. A case the member already holds answers 200 " +
        "unchanged; one someone else holds is 409 transition_not_allowed; a stale expectedVersion is 409 " +
        "version_conflict with currentVersion.",
      tags,
      security: requireScope("cases:transition"),
      requestParams: { path: z.object({ number }) },
      requestBody: { required: true, content: { "application/json": { schema: claimRequestSchema } } },
      responses: {
        200: json(transitionResultSchema, "Claimed: the case's version after the claim."),
        ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429),
      },
    },
  },
  "/applications/{number}/evidence": {
    post: {
      operationId: "applications.addEvidence",
      summary: "Answer a supplement request with a file",
      tags,
      security: requireScope("applications:write"),
      requestParams: { path: z.object({ number }) },
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: z.object({
              file: binary,
              kind: z
                .enum(["ID_PROOF", "URGENCY_PROOF", "OTHER", "SUPPLEMENT"])
                .optional()
                .meta({ description: "Default SUPPLEMENT." }),
            }),
          },
        },
      },
      responses: {
        201: json(evidenceItemSchema, "Stored with the open supplement request."),
        ...problemResponses(400, 401, 403, 404, 413, 415, 422, 429),
      },
    },
  },
  "/applications/{number}/evidence/{evidenceId}": {
    get: {
      operationId: "applications.downloadEvidence",
      summary: "Download a file of the case",
      tags,
      security: requireScope("applications:read"),
      requestParams: { path: z.object({ number, evidenceId }) },
      responses: { 200: fileResponse, ...problemResponses(401, 403, 404, 429) },
    },
  },
  "/applications/{number}/document": {
    get: {
      operationId: "applications.downloadDocument",
      summary: "Download the issued result document",
      description: "Only once the case has reached DOCUMENT_ISSUED; 404 before.",
      tags,
      security: requireScope("applications:read"),
      requestParams: { path: z.object({ number }) },
      responses: { 200: fileResponse, ...problemResponses(401, 403, 404, 429) },
    },
  },
};
