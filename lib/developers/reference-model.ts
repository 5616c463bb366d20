import { resolvePointer } from "@/lib/api/openapi/document-structure";

// The OpenAPI document read into what the reference page shows: operations grouped by tag, their
// parameters, bodies and answers with every shared part ($ref) followed, and the named schemas.

type Json = Record<string, unknown>;
export type Schema = Json;

export type ReferenceParameter = {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema?: Schema;
};
export type ReferenceContent = { mediaType: string; schema?: Schema };
export type ReferenceResponse = {
  status: string;
  description: string;
  headers: { name: string; required: boolean; description?: string }[];
  contents: ReferenceContent[];
};
export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  scopes: string[];
  parameters: ReferenceParameter[];
  requestBody?: { required: boolean; description?: string; contents: ReferenceContent[] };
  responses: ReferenceResponse[];
};
export type ReferenceModel = {
  title: string;
  version: string;
  description?: string;
  server: string;
  groups: { tag: string; description?: string; operations: ReferenceOperation[] }[];
  /** What the API sends to partners' endpoints (the document's `webhooks`), keyed by name. */
  events: ReferenceOperation[];
  schemas: { name: string; schema: Schema }[];
};

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];
const UNTAGGED = "Other";

export function referenceModel(document: Json): ReferenceModel {
  const follow = (value: unknown): Json => {
    let current = value;
    for (let depth = 0; depth < 10 && isRef(current); depth++)
      current = resolvePointer(document, current.$ref);
    return (current ?? {}) as Json;
  };
  const contentsOf = (content: unknown): ReferenceContent[] =>
    Object.entries((content ?? {}) as Record<string, Json>).map(([mediaType, media]) => ({
      mediaType,
      schema: media.schema as Schema | undefined,
    }));

  const info = (document.info ?? {}) as Json;
  const tagDescriptions = new Map(
    ((document.tags ?? []) as Json[]).map((tag) => [String(tag.name), tag.description as string | undefined]),
  );
  const operationsOf = (items: unknown) =>
    Object.entries((items ?? {}) as Json).flatMap(([path, rawItem]) =>
      METHODS.filter((method) => (rawItem as Json)[method]).map((method) => ({
        path,
        method,
        item: rawItem as Json,
        operation: (rawItem as Json)[method] as Json,
      })),
    );
  const read = ({
    path,
    method,
    item,
    operation,
  }: {
    path: string;
    method: string;
    item: Json;
    operation: Json;
  }) => {
    const parameters = [
      ...((item.parameters ?? []) as unknown[]),
      ...((operation.parameters ?? []) as unknown[]),
    ]
      .map(follow)
      .map((parameter) => ({
        name: String(parameter.name),
        in: String(parameter.in),
        required: parameter.required === true,
        description: parameter.description as string | undefined,
        schema: parameter.schema as Schema | undefined,
      }));
    const body = operation.requestBody ? follow(operation.requestBody) : undefined;
    const security = (operation.security ?? document.security ?? []) as Record<string, string[]>[];
    const entry: ReferenceOperation = {
      id: String(operation.operationId ?? `${method}-${path}`),
      method: method.toUpperCase(),
      path,
      summary: operation.summary as string | undefined,
      description: operation.description as string | undefined,
      scopes: [...new Set(security.flatMap((requirement) => Object.values(requirement).flat()))],
      parameters,
      requestBody: body
        ? {
            required: body.required === true,
            description: body.description as string | undefined,
            contents: contentsOf(body.content),
          }
        : undefined,
      responses: Object.entries((operation.responses ?? {}) as Json).map(([status, raw]) => {
        const response = follow(raw);
        return {
          status,
          description: String(response.description ?? ""),
          headers: Object.entries((response.headers ?? {}) as Json).map(([name, header]) => {
            const resolved = follow(header);
            return {
              name,
              required: resolved.required === true,
              description: resolved.description as string | undefined,
            };
          }),
          contents: contentsOf(response.content),
        };
      }),
    };
    return entry;
  };
  const groups = new Map<string, ReferenceOperation[]>();
  for (const found of operationsOf(document.paths)) {
    const tag = ((found.operation.tags ?? []) as string[])[0] ?? UNTAGGED;
    groups.set(tag, [...(groups.get(tag) ?? []), read(found)]);
  }
  const schemas = Object.entries(
    ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Schema>,
  )
    .map(([name, schema]) => ({ name, schema }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    description: info.description as string | undefined,
    server: String(((document.servers ?? []) as Json[])[0]?.url ?? ""),
    groups: [...groups].map(([tag, operations]) => ({
      tag,
      description: tagDescriptions.get(tag),
      operations,
    })),
    events: operationsOf(document.webhooks).map(read),
    schemas,
  };
}

function isRef(value: unknown): value is { $ref: string } {
  return typeof value === "object" && value !== null && typeof (value as Json).$ref === "string";
}

/** "#/components/schemas/Problem" → "Problem"; undefined for anything else. */
export function schemaName(ref: string): string | undefined {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** The anchor of an operation or a schema on the reference page. */
export function anchorOf(kind: "operation" | "schema", name: string): string {
  return `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
