import { describe, expect, it } from "vitest";
import {
  LIMIT_MESSAGE_VALUES,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_TOTAL_BYTES,
  precheckFile,
  sizeProblem,
} from "./limits";

const none = { count: 0, totalBytes: 0 };

describe("sizeProblem", () => {
  it("accepts a file up to the per-file limit", () => {
    expect(sizeProblem(1, none)).toBeNull();
    expect(sizeProblem(MAX_FILE_BYTES, none)).toBeNull();
  });

  it("refuses empty and oversized files", () => {
    expect(sizeProblem(0, none)).toBe("evidence.empty");
    expect(sizeProblem(MAX_FILE_BYTES + 1, null)).toBe("evidence.tooLarge");
  });

  it("refuses a file that would pass the total or the count", () => {
    expect(sizeProblem(1, { count: 2, totalBytes: MAX_TOTAL_BYTES - 1 })).toBeNull();
    expect(sizeProblem(2, { count: 2, totalBytes: MAX_TOTAL_BYTES - 1 })).toBe("evidence.totalTooLarge");
    expect(sizeProblem(1, { count: MAX_FILES - 1, totalBytes: 0 })).toBeNull();
    expect(sizeProblem(1, { count: MAX_FILES, totalBytes: 0 })).toBe("evidence.tooManyFiles");
  });
});

describe("precheckFile", () => {
  it("checks the extension, case-insensitively", () => {
    expect(precheckFile({ name: "Scan.JPEG", size: 10 }, none)).toBeNull();
    expect(precheckFile({ name: "notes.txt", size: 10 }, none)).toBe("evidence.unsupportedType");
    expect(precheckFile({ name: "pdf", size: 10 }, none)).toBe("evidence.unsupportedType");
    expect(precheckFile({ name: "big.pdf", size: MAX_FILE_BYTES + 1 }, none)).toBe("evidence.tooLarge");
  });
});

describe("LIMIT_MESSAGE_VALUES", () => {
  it("names the limits in whole megabytes (and image pixels)", () => {
    expect(LIMIT_MESSAGE_VALUES).toEqual({
      maxFileMb: 10,
      maxTotalMb: 30,
      maxFiles: 10,
      maxImageSide: 10_000,
      maxImageMegapixels: 50,
    });
  });
});
