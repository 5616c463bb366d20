import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";

export type PostResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * POSTs one webhook body. The connection goes to `address` (already checked by url-guard) whatever
 * the name resolves to now, so a DNS answer that changed since the check (rebinding) is never used;
 * TLS still verifies the certificate against the URL's host name. Redirects are not followed (a
 * 3xx is a failure). `timeoutMs` bounds the whole exchange, not just idle time.
 */
export function postWebhook(args: {
  url: URL;
  address: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<PostResult> {
  const { url, address, body, timeoutMs } = args;
  const family = isIP(address) === 6 ? 6 : 4;
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = transport.request(
      url,
      {
        method: "POST",
        lookup,
        agent: false,
        headers: {
          ...args.headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Expedite-Webhooks/1",
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // The answer's body is not needed: read and drop it (bounded by the timeout).
        response.resume();
        response.on("end", () =>
          finish(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, status, error: `HTTP ${status}` },
          ),
        );
        response.on("error", (error) => finish({ ok: false, status, error: shortError(error) }));
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, error: `timeout after ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => finish({ ok: false, status: null, error: shortError(error) }));
    request.end(body);
  });
}

function shortError(error: Error & { code?: string }): string {
  const text = error.code ? `${error.code}: ${error.message}` : error.message;
  return text.replace(/\s+/g, " ").trim().slice(0, 200) || "connection failed";
}
