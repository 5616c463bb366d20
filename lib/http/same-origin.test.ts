import { describe, expect, it } from "vitest";
import { comesFromSameOrigin, isCrossSiteRequest, needsSameOrigin, requestHost } from "./same-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("needsSameOrigin", () => {
  it("covers Server Actions (header or a POST to a page) and next-auth posts", () => {
    expect(needsSameOrigin("POST", "/portal/apply/x", headers({ "next-action": "abc" }))).toBe(true);
    expect(
      needsSameOrigin("POST", "/signin", headers({ "content-type": "multipart/form-data; boundary=x" })),
    ).toBe(true);
    expect(needsSameOrigin("POST", "/", headers({}))).toBe(true);
    expect(needsSameOrigin("POST", "/api/auth/callback/credentials", headers({}))).toBe(true);
    expect(needsSameOrigin("POST", "/api/auth/signout", headers({}))).toBe(true);
    expect(needsSameOrigin("PUT", "/console", headers({}))).toBe(true);
    expect(needsSameOrigin("POST", "/api/anything", headers({ "next-action": "abc" }))).toBe(true);
  });

  it("leaves reads and the machine APIs alone", () => {
    expect(needsSameOrigin("GET", "/portal", headers({}))).toBe(false);
    expect(needsSameOrigin("head", "/", headers({}))).toBe(false);
    expect(needsSameOrigin("OPTIONS", "/api/auth/session", headers({}))).toBe(false);
    expect(needsSameOrigin("POST", "/api/track", headers({}))).toBe(false);
    expect(needsSameOrigin("POST", "/api/v1/applications", headers({}))).toBe(false);
    expect(needsSameOrigin("GET", "/api/auth/session", headers({}))).toBe(false);
    // Not a prefix match on "auth": /api/authority is another API.
    expect(needsSameOrigin("POST", "/api/authority", headers({}))).toBe(false);
  });
});

describe("comesFromSameOrigin", () => {
  it("trusts the browser's Sec-Fetch-Site when present, and nothing but same-origin", () => {
    expect(comesFromSameOrigin(headers({ "sec-fetch-site": "same-origin" }), "app.example")).toBe(true);
    expect(
      comesFromSameOrigin(
        headers({ "sec-fetch-site": "same-site", origin: "https://app.example" }),
        "app.example",
      ),
    ).toBe(false);
    expect(
      comesFromSameOrigin(
        headers({ "sec-fetch-site": "cross-site", origin: "https://app.example" }),
        "app.example",
      ),
    ).toBe(false);
    expect(comesFromSameOrigin(headers({ "sec-fetch-site": "none" }), "app.example")).toBe(false);
  });

  it("without Sec-Fetch-Site, needs an Origin naming this very host and port", () => {
    expect(comesFromSameOrigin(headers({ origin: "https://app.example" }), "app.example")).toBe(true);
    expect(comesFromSameOrigin(headers({ origin: "http://localhost:3143" }), "localhost:3143")).toBe(true);
    expect(comesFromSameOrigin(headers({ origin: "http://localhost:3000" }), "localhost:3143")).toBe(false);
    expect(comesFromSameOrigin(headers({ origin: "https://app.example.evil.test" }), "app.example")).toBe(
      false,
    );
    expect(comesFromSameOrigin(headers({ origin: "null" }), "app.example")).toBe(false);
    expect(comesFromSameOrigin(headers({ origin: "javascript:alert(1)" }), "app.example")).toBe(false);
    expect(comesFromSameOrigin(headers({}), "app.example")).toBe(false);
    expect(comesFromSameOrigin(headers({ origin: "https://app.example" }), null)).toBe(false);
  });
});

describe("requestHost", () => {
  it("prefers the (already cleaned) X-Forwarded-Host over Host", () => {
    expect(requestHost(headers({ host: "internal:3000", "x-forwarded-host": "app.example, other" }))).toBe(
      "app.example",
    );
    expect(requestHost(headers({ host: "localhost:3143" }))).toBe("localhost:3143");
  });
});

describe("isCrossSiteRequest", () => {
  it("refuses a Server Action without Origin or Sec-Fetch-Site, and one marked cross-site", () => {
    expect(isCrossSiteRequest("POST", "/portal", headers({ host: "app.example", "next-action": "1" }))).toBe(
      true,
    );
    expect(
      isCrossSiteRequest(
        "POST",
        "/portal",
        headers({ host: "app.example", "next-action": "1", "sec-fetch-site": "cross-site" }),
      ),
    ).toBe(true);
    expect(
      isCrossSiteRequest(
        "POST",
        "/portal",
        headers({ host: "app.example", "next-action": "1", origin: "https://app.example" }),
      ),
    ).toBe(false);
    expect(isCrossSiteRequest("POST", "/api/track", headers({ host: "app.example" }))).toBe(false);
  });
});
