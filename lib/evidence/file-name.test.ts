import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFileName } from "./file-name";

describe("sanitizeFileName", () => {
  it("keeps ordinary names, including Chinese ones", () => {
    expect(sanitizeFileName("ticket.pdf")).toBe("ticket.pdf");
    expect(sanitizeFileName("医院证明 2026.jpg")).toBe("医院证明 2026.jpg");
  });

  it("keeps only the last path segment and drops leading dots", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\scan.png")).toBe("scan.png");
    expect(sanitizeFileName("..")).toBe("file");
    expect(sanitizeFileName(".hidden.pdf")).toBe("hidden.pdf");
  });

  it("removes control and invisible format characters", () => {
    expect(sanitizeFileName("a\u0000b\r\nc.pdf")).toBe("abc.pdf");
    expect(sanitizeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeFileName('a"b<c>|d?.pdf')).toBe("a_b_c__d_.pdf");
  });

  it("falls back to a neutral name when nothing is left", () => {
    expect(sanitizeFileName("")).toBe("file");
    expect(sanitizeFileName(" \u0007 ")).toBe("file");
  });

  it("shortens long names and keeps the extension", () => {
    const name = sanitizeFileName(`${"长".repeat(300)}.pdf`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("sends an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", "护照 (1).pdf")).toBe(
      `attachment; filename="__ (1).pdf"; filename*=UTF-8''%E6%8A%A4%E7%85%A7%20%281%29.pdf`,
    );
  });

  it("cannot be broken out of by quotes or line breaks in the name", () => {
    const header = contentDisposition("inline", 'x"; filename="evil.html\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('inline; filename="x_; filename=_evil.htmlSet-Cookie_ a=b"')).toBe(true);
  });
});
