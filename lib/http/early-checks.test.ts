import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BODY_BYTES } from "./body-limit";
import { applyEarlyChecks } from "./early-checks";
import { NO_TRUSTED_PROXIES, trustedProxies } from "./trusted-proxies";

const PROXY = trustedProxies("10.0.0.2");

function fakeExchange(peer: string, headers: Record<string, string>) {
  const request = { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
  const sent: { status?: number; headers: Record<string, unknown>; body?: string } = { headers: {} };
  const response = {
    setHeader: (name: string, value: unknown) => (sent.headers[name.toLowerCase()] = value),
    writeHead: (status: number, headers: Record<string, string>) => {
      sent.status = status;
      for (const [name, value] of Object.entries(headers)) sent.headers[name.toLowerCase()] = value;
    },
    end: (body: string) => (sent.body = body),
  } as unknown as ServerResponse;
  return { request, response, sent };
}

const FORWARDING = {
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
  forwarded: "host=evil.example;proto=https",
};

describe("applyEarlyChecks", () => {
  it("drops forwarding headers from peers that are not trusted proxies, and sends no HSTS", () => {
    const { request, response, sent } = fakeExchange("203.0.113.9", { host: "app.example", ...FORWARDING });
    expect(applyEarlyChecks(request, response, PROXY)).toBe(true);
    expect(request.headers).toEqual({ host: "app.example" });
    expect(sent.headers["strict-transport-security"]).toBeUndefined();
  });

  it("keeps them from a trusted proxy, and sends HSTS when it says the client used https", () => {
    const { request, response, sent } = fakeExchange("::ffff:10.0.0.2", {
      host: "app.example",
      ...FORWARDING,
    });
    expect(applyEarlyChecks(request, response, PROXY)).toBe(true);
    expect(request.headers["x-forwarded-host"]).toBe("evil.example");
    expect(sent.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("sends no HSTS when the trusted proxy says http", () => {
    const { request, response, sent } = fakeExchange("10.0.0.2", { "x-forwarded-proto": "http" });
    applyEarlyChecks(request, response, PROXY);
    expect(sent.headers["strict-transport-security"]).toBeUndefined();
  });

  it("answers 413 with the localized 'too large' text to a body announced over the limit", () => {
    const { request, response, sent } = fakeExchange("127.0.0.1", {
      "content-length": String(MAX_REQUEST_BODY_BYTES + 1),
      "accept-language": "zh-CN,zh;q=0.9",
    });
    expect(applyEarlyChecks(request, response, NO_TRUSTED_PROXIES)).toBe(false);
    expect(sent.status).toBe(413);
    expect(sent.body).toBe("文件超过 10 MB。请选择较小的文件，或降低扫描分辨率。");
  });

  it("lets a body at the limit through, and a switcher cookie choose the language", () => {
    const atLimit = fakeExchange("127.0.0.1", { "content-length": String(MAX_REQUEST_BODY_BYTES) });
    expect(applyEarlyChecks(atLimit.request, atLimit.response, NO_TRUSTED_PROXIES)).toBe(true);
    const over = fakeExchange("127.0.0.1", {
      "content-length": "99999999999",
      cookie: "a=b; NEXT_LOCALE=en",
      "accept-language": "zh",
    });
    expect(applyEarlyChecks(over.request, over.response, NO_TRUSTED_PROXIES)).toBe(false);
    expect(over.sent.body).toMatch(/^This file is larger than 10 MB\./);
  });
});
