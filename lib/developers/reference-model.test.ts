import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ApiReference, type ReferenceLabels } from "@/components/developers/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { examplePathGroup, exampleWebhookGroup } from "@/lib/testing/openapi-example-paths";
import { referenceModel } from "./reference-model";

const document = structuredClone(
  buildOpenApiDocument([examplePathGroup], [exampleWebhookGroup]),
) as unknown as Record<string, unknown>;
const labels = new Proxy({} as ReferenceLabels, { get: (_, key) => `[${String(key)}]` });

describe("the reference", () => {
  it("reads every operation with its shared parts followed", () => {
    const model = referenceModel(document);
    expect(model.server).toBe("/api/v1");
    const operations = model.groups.flatMap((group) => group.operations);
    expect(operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual([
      "POST /pings",
      "GET /pings/{pingId}",
      "DELETE /pings/{pingId}",
      "GET /pings/{pingId}/file",
    ]);
    const create = operations[0]!;
    expect(create.scopes).toEqual(["applications:write"]);
    expect(create.parameters).toEqual([
      expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }),
    ]);
    const tooMany = create.responses.find((response) => response.status === "429")!;
    expect(tooMany.description).toContain("Retry-After");
    expect(tooMany.headers.map((header) => header.name)).toContain("Retry-After");
    expect(tooMany.contents[0]!.mediaType).toBe("application/problem+json");
    expect(model.events.map((event) => `${event.method} ${event.path}`)).toEqual(["POST pingEvent"]);
    expect(model.schemas.map((schema) => schema.name)).toEqual(expect.arrayContaining(["Ping", "Problem"]));
  });

  it("renders operations, parameters, bodies, answers and linked schemas", () => {
    const html = renderToStaticMarkup(
      createElement(ApiReference, { model: referenceModel(document), labels }),
    );
    expect(html).toContain('id="operation-pings-create"');
    expect(html).toContain("/pings/{pingId}/file");
    expect(html).toContain("Idempotency-Key");
    expect(html).toContain('href="#schema-Ping"');
    expect(html).toContain('id="schema-Problem"');
    expect(html).toContain("validation_failed");
    expect(html).toContain("[required]");
    expect(html).toContain("[events]");
    expect(html).toContain('id="operation-pings-event"');
  });
});
