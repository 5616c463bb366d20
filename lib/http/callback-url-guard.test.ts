import { describe, expect, it } from "vitest";
import { unreadableCallbackUrl } from "./callback-url-guard";

const request = (query: string, cookie?: string) =>
  new Request(`http://localhost:3000/api/auth/signin${query}`, { headers: cookie ? { cookie } : {} });

describe("unreadableCallbackUrl", () => {
  it("lets through what next-auth can read: none, empty, paths and http(s) URLs", () => {
    for (const query of [
      "",
      "?callbackUrl=",
      "?callbackUrl=%2Fportal",
      "?callbackUrl=https%3A%2F%2Fexample.com%2F",
      "?callbackUrl=/%09/evil.example/",
    ]) {
      expect(unreadableCallbackUrl(request(query)), query).toBeNull();
    }
    expect(
      unreadableCallbackUrl(
        request("", "next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fportal; other=%00"),
      ),
    ).toBeNull();
  });

  it("answers 400 where next-auth would answer 500", async () => {
    for (const query of [
      "?callbackUrl=%00",
      "?callbackUrl=foo",
      "?callbackUrl=javascript%3Aalert(1)",
      "?callbackUrl=%2Fok&callbackUrl=%00",
    ]) {
      const response = unreadableCallbackUrl(request(query));
      expect(response?.status, query).toBe(400);
      expect(await response?.json()).toEqual({ error: "invalid_callback_url" });
    }
    expect(unreadableCallbackUrl(request("", "__Secure-next-auth.callback-url=%00"))?.status).toBe(400);
    expect(unreadableCallbackUrl(request("", "next-auth.callback-url=%E0%A4%A"))?.status).toBe(400);
  });
});
