import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { API_BASE_PATH, type OpenApiDocument } from "@/lib/api/openapi/document";
import { resolvePointer } from "@/lib/api/openapi/document-structure";
import { apiDocument } from "@/lib/api/openapi/path-groups";

// Contract tests (issue 17): an integration test hands each real response of /api/v1 to
// expectToMatchContract, which fails unless the OpenAPI document promises exactly that answer:
// a documented status, the documented media type, a body its schema accepts, the required headers.

type Json = Record<string, unknown>;
type ContractCheck = ((method: string, pathTemplate: string, response: Response) => Promise<unknown>) & {
  /** Checks a request body the way the document describes it (the docs' examples use this). */
  request: (method: string, pathTemplate: string, mediaType: string, body: unknown) => void;
};

/** Checks a response against the product's document (lib/api/openapi/path-groups.ts); returns the parsed body. */
export function expectToMatchContract(
  method: string,
  pathTemplate: string,
  response: Response,
): Promise<unknown> {
  checkProduct ??= contractChecker(apiDocument());
  return checkProduct(method, pathTemplate, response);
}
let checkProduct: ContractCheck | undefined;

/** Checks a request body against the product's document: throws unless its schema accepts it. */
export function expectRequestToMatchContract(
  method: string,
  pathTemplate: string,
  mediaType: string,
  body: unknown,
): void {
  checkProduct ??= contractChecker(apiDocument());
  checkProduct.request(method, pathTemplate, mediaType, body);
}

/** The same check against any document (the unit tests use a small one). */
export function contractChecker(document: OpenApiDocument): ContractCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  const components = (document.components ?? {}) as Json;

  const validatorFor = (key: string, schema: Json) => {
    let validate = validators.get(key);
    if (!validate) {
      // The schema's "#/components/…" references resolve inside this wrapper, which carries the components.
      validate = ajv.compile({ ...schema, components });
      validators.set(key, validate);
    }
    return validate;
  };

  const operationOf = (method: string, pathTemplate: string) => {
    const path = pathTemplate.startsWith(`${API_BASE_PATH}/`)
      ? pathTemplate.slice(API_BASE_PATH.length)
      : pathTemplate;
    const where = `${method.toUpperCase()} ${path}`;
    const operation = (document.paths?.[path] as Json | undefined)?.[method.toLowerCase()] as
      Json | undefined;
    if (!operation) throw new Error(`${where} is not in the OpenAPI document`);
    return { where, operation };
  };
  const validateAgainst = (key: string, schema: Json, body: unknown, what: string) => {
    const validate = validatorFor(key, schema);
    if (!validate(body))
      throw new Error(
        `${what} does not match the document:\n` +
          validate
            .errors!.map(
              (error) =>
                `  ${error.instancePath || "(body)"} ${error.message} ${JSON.stringify(error.params)}`,
            )
            .join("\n") +
          `\nbody: ${excerpt(JSON.stringify(body))}`,
      );
  };

  const check = async (method: string, pathTemplate: string, response: Response) => {
    const { where, operation } = operationOf(method, pathTemplate);
    const responses = operation.responses as Json;
    const status = String(response.status);
    const documented = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
    if (!documented)
      throw new Error(
        `${where} answered ${status}, which the document does not list (${Object.keys(responses).join(", ")})`,
      );
    const spec = resolve(document, documented) as Json;

    for (const [name, header] of Object.entries((spec.headers ?? {}) as Json)) {
      const { required } = resolve(document, header) as { required?: boolean };
      if (required && !response.headers.has(name))
        throw new Error(`${where} ${status}: the required header ${name} is missing`);
    }

    const text = await response.clone().text();
    const content = spec.content as Record<string, { schema?: Json }> | undefined;
    if (!content || Object.keys(content).length === 0) {
      if (text !== "")
        throw new Error(`${where} ${status}: the document promises no body, got ${excerpt(text)}`);
      return undefined;
    }
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const mediaType = Object.keys(content).find((range) => mediaTypeMatches(range, contentType));
    if (!mediaType)
      throw new Error(
        `${where} ${status}: Content-Type "${contentType}" is not documented (${Object.keys(content).join(", ")})`,
      );
    if (!/^application\/([\w.-]+\+)?json$/.test(contentType)) return text;

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${where} ${status}: the body is not JSON: ${excerpt(text)}`);
    }
    const schema = content[mediaType]!.schema;
    if (schema)
      validateAgainst(`${where} ${status} ${mediaType}`, schema, body, `${where} ${status}: the body`);
    return body;
  };

  const request = (method: string, pathTemplate: string, mediaType: string, body: unknown) => {
    const { where, operation } = operationOf(method, pathTemplate);
    const requestBody = resolve(document, operation.requestBody) as Json | undefined;
    const media = (requestBody?.content as Record<string, { schema?: Json }> | undefined)?.[mediaType];
    if (!media) throw new Error(`${where} takes no ${mediaType} body`);
    if (media.schema)
      validateAgainst(`${where} request ${mediaType}`, media.schema, body, `${where}: the request body`);
  };

  return Object.assign(check, { request });
}

/** A "#/components/…" reference followed to its object (an object without $ref is returned as is). */
function resolve(document: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let depth = 0; isRef(current); depth++) {
    if (depth > 10) throw new Error(`circular reference ${current.$ref}`);
    current = resolvePointer(document, current.$ref);
    if (current === undefined) throw new Error(`unresolved reference ${(value as { $ref: string }).$ref}`);
  }
  return current;
}

function isRef(value: unknown): value is { $ref: string } {
  return typeof value === "object" && value !== null && typeof (value as Json).$ref === "string";
}

function mediaTypeMatches(range: string, contentType: string): boolean {
  const [type, subtype] = range.toLowerCase().split("/");
  const [actualType, actualSubtype] = contentType.split("/");
  return (type === "*" || type === actualType) && (subtype === "*" || subtype === actualSubtype);
}

function excerpt(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : JSON.stringify(text);
}
