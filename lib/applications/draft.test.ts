import { describe, expect, it } from "vitest";
import {
  draftStorageKey,
  hasAnswers,
  newSubmissionKey,
  parseDraft,
  parseSessionDraft,
  serializeDraft,
  serializeSessionDraft,
  sessionDraftKey,
} from "./draft";

const KEY = "0b5e8f5a-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const FILE = {
  id: "6f1c2a8e-4b1d-4c8e-9a57-0d6f1e2b3c4d",
  kind: "ID_PROOF",
  originalName: "id.jpg",
  sizeBytes: 1234,
};
const NOW = new Date("2026-03-10T04:00:00Z");

describe("draft storage", () => {
  it("keys drafts by user and service, the session part apart", () => {
    expect(draftStorageKey("u1", "passport-renewal")).toBe("expedite:apply-draft:v1:u1:passport-renewal");
    expect(sessionDraftKey("u1", "passport-renewal")).not.toBe(draftStorageKey("u1", "passport-renewal"));
    expect(draftStorageKey("u1", "a")).not.toBe(draftStorageKey("u2", "a"));
  });

  it("never writes the ID number, the submission key as a value or unknown fields to the device draft", () => {
    const raw = serializeDraft({
      submissionKey: KEY,
      values: {
        reason: "because",
        idNumber: "11010519900307123X",
        idType: "CN_RESIDENT_ID",
        evil: "<script>",
      },
      files: [FILE],
      now: NOW,
    });
    expect(raw).not.toContain("11010519900307123X");
    expect(raw).not.toContain("evil");
    expect(parseDraft(raw)).toEqual({
      version: 1,
      submissionKey: KEY,
      savedAt: NOW.toISOString(),
      values: { reason: "because", idType: "CN_RESIDENT_ID" },
      files: [FILE],
    });
  });

  it("treats unreadable drafts as none", () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft("{not json")).toBeNull();
    expect(
      parseDraft(JSON.stringify({ version: 2, submissionKey: KEY, savedAt: "", values: {}, files: [] })),
    ).toBeNull();
    expect(
      parseDraft(JSON.stringify({ version: 1, submissionKey: "x", savedAt: "", values: {}, files: [] })),
    ).toBeNull();
    expect(
      parseDraft(
        JSON.stringify({
          version: 1,
          submissionKey: KEY,
          savedAt: "",
          values: {},
          files: [{ id: "../x", kind: "OTHER" }],
        }),
      ),
    ).toBeNull();
  });

  it("keeps the ID number only with the draft it belongs to", () => {
    const raw = serializeSessionDraft(KEY, { idNumber: "E12345678" });
    expect(parseSessionDraft(raw, KEY)).toEqual({ idNumber: "E12345678" });
    expect(parseSessionDraft(raw, newSubmissionKey())).toBeNull();
    expect(parseSessionDraft("[]", KEY)).toBeNull();
  });

  it("knows whether anything was answered beyond the prefilled defaults", () => {
    const defaults = { applicantName: "Wang", email: "w@example.com" };
    expect(hasAnswers({ applicantName: "Wang", email: "w@example.com", reason: "  " }, defaults, [])).toBe(
      false,
    );
    expect(hasAnswers({ applicantName: "Wang Xiaoming" }, defaults, [])).toBe(true);
    expect(hasAnswers({}, defaults, [FILE])).toBe(true);
  });
});

describe("newSubmissionKey", () => {
  it("makes version-4 UUIDs from random bytes", () => {
    expect(newSubmissionKey(() => new Uint8Array(16).fill(255))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(newSubmissionKey(() => new Uint8Array(16))).toBe("00000000-0000-4000-8000-000000000000");
    const keys = Array.from({ length: 100 }, () => newSubmissionKey());
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(100);
  });
});
