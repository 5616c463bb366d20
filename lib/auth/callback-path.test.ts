import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

const APP = "https://app.example";
const FALLBACK = "/fallback";

/** Where a browser on the app would actually go if it followed the answer as a Location header. */
function landsOn(path: string): string {
  return new URL(path, `${APP}/signin`).origin;
}

describe("safeCallbackPath", () => {
  it.each([
    ["/portal", "/portal"],
    ["/portal?x=1#top", "/portal?x=1#top"],
    ["/portal/apply/visa-invitation?tier=URGENT", "/portal/apply/visa-invitation?tier=URGENT"],
    ["/console/cases/E2E%2F1", "/console/cases/E2E%2F1"],
    // Harmless same-origin paths that merely look odd stay what they are.
    ["/@evil.example", "/@evil.example"],
    ["/%09/evil.example/", "/%09/evil.example/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps the same-origin path %s", (raw, expected) => {
    expect(safeCallbackPath(raw, FALLBACK)).toBe(expected);
  });

  it("admits absolute URLs only on the app's own origin, as a path", () => {
    expect(safeCallbackPath(`${APP}/portal?x=1`, FALLBACK, APP)).toBe("/portal?x=1");
    expect(safeCallbackPath(`${APP}/portal`, FALLBACK)).toBe(FALLBACK);
    expect(safeCallbackPath("https://app.example.evil.example/portal", FALLBACK, APP)).toBe(FALLBACK);
    expect(safeCallbackPath("http://app.example/portal", FALLBACK, APP)).toBe(FALLBACK);
    expect(safeCallbackPath("https://user@app.example/portal", FALLBACK, APP)).toBe(FALLBACK);
  });

  // What a callbackUrl parameter holds after the query string is decoded.
  it.each([
    "//evil.example",
    "//evil.example/portal",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r\n/evil.example/",
    "\t//evil.example",
    "/\u0000/evil.example",
    "/.//evil.example",
    "/./../..//evil.example",
    "https:evil.example",
    "https:/evil.example",
    "https://evil.example",
    "HTTPS://evil.example",
    "http://app@evil.example",
    "http://app.example@evil.example/",
    "ftp://evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "portal",
    "",
    "/".repeat(3),
    `/${"a".repeat(3000)}`,
    null,
    undefined,
    42,
    ["/portal"],
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, FALLBACK)).toBe(FALLBACK);
    expect(safeCallbackPath(raw, FALLBACK, APP)).toBe(FALLBACK);
  });

  // The same spellings still percent-encoded (a value decoded once too few times): whatever comes
  // back must keep a browser on the app.
  it.each([
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%09/evil.example/",
    "/%0A/evil.example/",
    "%2f%2fevil.example",
    "/@evil.example",
    "https%3A%2F%2Fevil.example",
  ])("keeps %s on the app", (raw) => {
    const result = safeCallbackPath(raw, FALLBACK, APP);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(landsOn(result)).toBe(APP);
  });
});
