import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { announcesTooLargeBody } from "./body-limit";
import { normalizeAddress } from "./client-ip";
import { servedOverHttps, STRICT_TRANSPORT_SECURITY, stripUntrustedForwarding } from "./forwarded";
import { refusalText, requestLocale } from "./refusal-text";
import type { TrustedProxies } from "./trusted-proxies";

/**
 * What scripts/server.ts does to every request before Next sees it (besides the client address):
 * forwarding headers only from trusted proxies, HSTS when the client came over https, and bodies
 * that announce more than we accept refused at once. Returns false when it has answered.
 */
export function applyEarlyChecks(
  request: IncomingMessage,
  response: ServerResponse,
  trusted: TrustedProxies,
): boolean {
  const peer = normalizeAddress(request.socket.remoteAddress);
  stripUntrustedForwarding(request.headers, trusted.contains(peer));
  if (servedOverHttps(request.headers, Boolean((request.socket as Partial<TLSSocket>).encrypted))) {
    response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  }
  if (announcesTooLargeBody(request.headers["content-length"])) {
    // Answered without reading the body; Node discards the rest of it.
    const locale = requestLocale(request.headers.cookie, request.headers["accept-language"]);
    response.writeHead(413, {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    response.end(refusalText("tooLarge", locale));
    return false;
  }
  return true;
}
