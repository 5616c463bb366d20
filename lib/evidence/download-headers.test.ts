import { describe, expect, it } from "vitest";
import { downloadHeaders } from "./download-headers";

const file = { originalName: "机票.pdf", mimeType: "application/pdf", sizeBytes: 1234 };

describe("downloadHeaders", () => {
  it("serves an attachment with the stored type, nosniff, no caching and a sandbox", () => {
    expect(downloadHeaders(file)).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": "1234",
      "Content-Disposition": `attachment; filename="__.pdf"; filename*=UTF-8''%E6%9C%BA%E7%A5%A8.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Resource-Policy": "same-origin",
    });
  });

  it("lets our own pages frame an inline PDF (Chromium's viewer refuses a sandbox), and nothing else", () => {
    const headers = downloadHeaders(file, { inline: true });
    expect(headers["Content-Disposition"]).toMatch(/^inline; /);
    expect(headers["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'self'");
    expect(headers["X-Frame-Options"]).toBe("SAMEORIGIN");
  });

  it("shows accepted types inline on request, keeping the other protections", () => {
    const headers = downloadHeaders({ ...file, mimeType: "image/png" }, { inline: true });
    expect(headers["Content-Disposition"]).toMatch(/^inline; /);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });

  it("never serves an unexpected stored type inline or under its own name", () => {
    const headers = downloadHeaders({ ...file, mimeType: "text/html" }, { inline: true });
    expect(headers["Content-Type"]).toBe("application/octet-stream");
    expect(headers["Content-Disposition"]).toMatch(/^attachment; /);
  });
});
