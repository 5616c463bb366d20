import { describe, expect, it } from "vitest";
import { signInPath } from "./sign-in-path";

describe("signInPath", () => {
  it("leads back to the exact page, query included", () => {
    expect(signInPath("/portal/apply/visa-invitation?step=review")).toBe(
      "/signin?callbackUrl=%2Fportal%2Fapply%2Fvisa-invitation%3Fstep%3Dreview",
    );
  });

  it("says the session expired when asked to", () => {
    expect(signInPath("/portal", true)).toBe("/signin?callbackUrl=%2Fportal&expired=1");
  });

  it("drops a return address the callback guard refuses", () => {
    expect(signInPath("//evil.example/x")).toBe("/signin");
    expect(signInPath("https://evil.example/", true)).toBe("/signin?expired=1");
    expect(signInPath(null)).toBe("/signin");
  });
});
