// What a generator can get wrong in an OpenAPI 3.1 document and a reader (Scalar, a client
// generator) then trips over. Not the whole specification: the parts our own path groups can break.

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** One line per problem; [] for a sound document. */
export function openApiStructureProblems(document: Json): string[] {
  const problems: string[] = [];
  if (typeof document.openapi !== "string" || !/^3\.1\.\d+$/.test(document.openapi))
    problems.push(`openapi is ${JSON.stringify(document.openapi)}, not 3.1.x`);
  const info = document.info as Json | undefined;
  if (typeof info?.title !== "string" || typeof info.version !== "string")
    problems.push("info needs a title and a version");

  for (const ref of references(document))
    if (resolvePointer(document, ref) === undefined) problems.push(`$ref ${ref} does not resolve`);

  const schemes = Object.keys(((document.components as Json | undefined)?.securitySchemes ?? {}) as Json);
  const checkSecurity = (where: string, security: unknown) => {
    for (const requirement of (security ?? []) as Json[])
      for (const name of Object.keys(requirement))
        if (!schemes.includes(name)) problems.push(`${where}: security scheme ${name} is not declared`);
  };
  checkSecurity("document", document.security);

  const operationIds = new Set<string>();
  const items = [
    ...Object.entries((document.paths ?? {}) as Json).map(([path, item]) => ({ path, item, webhook: false })),
    // Webhooks are keyed by name, not by a path: no path parameters to match.
    ...Object.entries((document.webhooks ?? {}) as Json).map(([path, item]) => ({
      path,
      item,
      webhook: true,
    })),
  ];
  for (const { path, item: rawItem, webhook } of items) {
    const item = rawItem as Json;
    const templateNames = webhook ? [] : [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const where = `${webhook ? "webhook " : ""}${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (typeof id !== "string" || id === "") problems.push(`${where} has no operationId`);
      else if (operationIds.has(id)) problems.push(`${where}: operationId ${id} is used twice`);
      else operationIds.add(id);
      const responses = (operation.responses ?? {}) as Json;
      if (Object.keys(responses).length === 0) problems.push(`${where} lists no responses`);
      for (const [status, response] of Object.entries(responses)) {
        const resolved = follow(document, response) as Json | undefined;
        if (resolved && typeof resolved.description !== "string")
          problems.push(`${where} ${status}: a response needs a description`);
      }
      checkSecurity(where, operation.security);

      const parameters = [
        ...((item.parameters ?? []) as unknown[]),
        ...((operation.parameters ?? []) as unknown[]),
      ]
        .map((parameter) => follow(document, parameter) as Json | undefined)
        .filter((parameter): parameter is Json => parameter !== undefined);
      const pathParameters = parameters.filter((parameter) => parameter.in === "path");
      for (const name of templateNames) {
        const declared = pathParameters.find((parameter) => parameter.name === name);
        if (!declared) problems.push(`${where}: path parameter {${name}} is not declared`);
        else if (declared.required !== true)
          problems.push(`${where}: path parameter {${name}} must be required`);
      }
      for (const parameter of pathParameters)
        if (!templateNames.includes(String(parameter.name)))
          problems.push(`${where}: path parameter ${String(parameter.name)} is not in the path`);
    }
  }
  return problems;
}

function* references(node: unknown): Generator<string> {
  if (Array.isArray(node)) for (const child of node) yield* references(child);
  else if (typeof node === "object" && node !== null)
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") yield value;
      else yield* references(value);
    }
}

function follow(document: Json, value: unknown): unknown {
  let current = value;
  for (
    let depth = 0;
    depth < 10 && typeof current === "object" && current !== null && "$ref" in current;
    depth++
  )
    current = resolvePointer(document, String((current as Json).$ref));
  return current;
}

/** The value at a local JSON pointer ("#/components/schemas/Problem"); undefined if none (or not local). */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((token) => decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, token) => (typeof node === "object" && node !== null ? (node as Json)[token] : undefined),
      root,
    );
}
