import { createHmac, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { contractChecker, expectRequestToMatchContract } from "@/lib/testing/openapi-contract";
import { examplePathGroup } from "@/lib/testing/openapi-example-paths";
import {
  VERIFY_WEBHOOK,
  exampleApplication,
  exampleClaim,
  exampleTransition,
  exampleWebhookEndpoint,
  problemExample,
  quickStartContext,
} from "./quick-start";

// The developer page's examples are code partners copy: they must run, and send what the API takes.

type Verify = (
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  rawBody: string,
  nowSeconds?: number,
) => boolean;

/** The page's verify-webhook.ts, compiled and loaded as a partner would run it. */
function loadVerifyWebhook(): Verify {
  const { outputText } = ts.transpileModule(VERIFY_WEBHOOK, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true },
  });
  const loaded = { exports: {} as { verifyWebhook?: Verify } };
  new Function("require", "module", "exports", outputText)(
    createRequire(import.meta.url),
    loaded,
    loaded.exports,
  );
  return loaded.exports.verifyWebhook!;
}

/** Signed as the delivery worker signs (Standard Webhooks: lib/webhooks/signature.ts on p17-hooks). */
function sign(secret: string, id: string, timestamp: number, body: string) {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

describe("the webhook verification example", () => {
  const verify = loadVerifyWebhook();
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const body = JSON.stringify({
    id: "evt_1",
    type: "application.node_changed",
    data: { application: { number: "EX-1" } },
  });
  const now = 1_797_000_000;
  const headers = (overrides: Partial<{ id: string; timestamp: string; signature: string }> = {}) => ({
    id: "evt_1",
    timestamp: String(now - 10),
    signature: sign(secret, "evt_1", now - 10, body),
    ...overrides,
  });

  it("accepts a delivery signed with the endpoint's secret, also among several signatures", () => {
    expect(verify(secret, headers(), body, now)).toBe(true);
    const rotated = `${sign(`whsec_${randomBytes(24).toString("base64")}`, "evt_1", now - 10, body)} ${headers().signature}`;
    expect(verify(secret, headers({ signature: rotated }), body, now)).toBe(true);
  });

  it("refuses a changed body, another id, another secret, a replay and missing headers", () => {
    expect(verify(secret, headers(), body.replace("EX-1", "EX-2"), now)).toBe(false);
    expect(verify(secret, headers({ id: "evt_2" }), body, now)).toBe(false);
    expect(verify(`whsec_${randomBytes(24).toString("base64")}`, headers(), body, now)).toBe(false);
    const old = now - 301;
    expect(
      verify(
        secret,
        headers({ timestamp: String(old), signature: sign(secret, "evt_1", old, body) }),
        body,
        now,
      ),
    ).toBe(false);
    expect(verify(secret, headers({ signature: headers().signature.replace("v1,", "v2,") }), body, now)).toBe(
      false,
    );
    expect(verify(secret, { id: "evt_1", timestamp: String(now) }, body, now)).toBe(false);
  });
});

describe("the quick start's bodies", () => {
  const context = quickStartContext("http://localhost:3000/", new Date("2026-12-05T20:00:00Z"));

  it("ask for a day two weeks ahead in China Standard Time, at the app's own address", () => {
    // 20:00 UTC is already 6 December in Beijing.
    expect(context).toEqual({ origin: "http://localhost:3000", neededBy: "2026-12-20" });
  });

  it("show a problem the document describes", async () => {
    const check = contractChecker(buildOpenApiDocument([examplePathGroup]));
    const [head, json] = problemExample().split("\n\n");
    expect(head).toContain("Content-Type: application/problem+json");
    const response = new Response(json, {
      status: 422,
      headers: { "Content-Type": "application/problem+json" },
    });
    await expect(check("POST", "/pings", response)).resolves.toMatchObject({ code: "validation_failed" });
  });

  // Against the product's document: the applications group (p17-apps) must be in it.
  it("send what the applications endpoints take", () => {
    expectRequestToMatchContract(
      "POST",
      "/applications",
      "application/json",
      exampleApplication(context.neededBy),
    );
    expectRequestToMatchContract("POST", "/applications/{number}/claim", "application/json", exampleClaim);
    expectRequestToMatchContract(
      "POST",
      "/applications/{number}/transitions",
      "application/json",
      exampleTransition,
    );
    expectRequestToMatchContract("POST", "/webhooks", "application/json", exampleWebhookEndpoint);
  });
});
