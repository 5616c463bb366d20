import { describe, expect, it } from "vitest";
import { isEvidenceMimeType, sniffMimeType } from "./file-type";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)),
  );

describe("sniffMimeType", () => {
  it("recognizes the four allowed types by their signatures", () => {
    expect(sniffMimeType(bytes("%PDF-1.7\n%âãÏÓ\n"))).toBe("application/pdf");
    expect(sniffMimeType(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF"))).toBe("image/jpeg");
    expect(sniffMimeType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"))).toBe(
      "image/png",
    );
    expect(sniffMimeType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses text, even text that mentions PDF", () => {
    expect(sniffMimeType(bytes("This is not a PDF, whatever its name says.\n"))).toBeNull();
    expect(sniffMimeType(bytes(" %PDF-1.7"))).toBeNull();
    expect(sniffMimeType(bytes("%PDF"))).toBeNull();
    expect(sniffMimeType(bytes("<html><script>alert(1)</script>"))).toBeNull();
  });

  it("refuses other RIFF files and other images", () => {
    expect(sniffMimeType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(sniffMimeType(bytes("GIF89a"))).toBeNull();
    expect(sniffMimeType(bytes("PK", [3, 4]))).toBeNull();
  });

  it("refuses truncated signatures and empty input", () => {
    expect(sniffMimeType(new Uint8Array())).toBeNull();
    expect(sniffMimeType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffMimeType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeNull();
    expect(sniffMimeType(bytes("RIFF", [0, 0, 0, 0], "WEB"))).toBeNull();
  });
});

describe("isEvidenceMimeType", () => {
  it("accepts exactly the allowed types", () => {
    expect(isEvidenceMimeType("image/png")).toBe(true);
    expect(isEvidenceMimeType("image/svg+xml")).toBe(false);
    expect(isEvidenceMimeType("text/html")).toBe(false);
  });
});
