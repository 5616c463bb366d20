import { describe, expect, it } from "vitest";
import enValidation from "@/lib/i18n/messages/en/validation.json";
import zhValidation from "@/lib/i18n/messages/zh/validation.json";
import {
  normalizePersonName,
  PERSON_NAME_INVALID_MESSAGE,
  PERSON_NAME_LENGTH_MESSAGE,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_MIN_LENGTH,
  personNameSchema,
} from "./person-name-schema";

function parse(value: unknown): { ok: true; name: string } | { ok: false; message: string } {
  const result = personNameSchema.safeParse(value);
  return result.success
    ? { ok: true, name: result.data }
    : { ok: false, message: result.error.issues[0]!.message };
}

describe("personNameSchema accepts people's names in any script", () => {
  it.each([
    "王小明",
    "欧阳娜娜",
    "欧阳·娜娜",
    "买买提·艾力",
    "Mary-Jane O'Neil",
    "Zoë Saldaña",
    "José María Aznar",
    "Nguyễn Thị Minh Khai",
    "Łukasz Żółć",
    "Алексей Иванов",
    "محمد علي",
    "שרה כהן",
    "김민준",
    "山田·太郎",
    "देवनागरी नाम",
    "สมชาย ใจดี",
    "Li",
    "d'Artagnan",
  ])("%s", (name) => {
    expect(parse(name)).toEqual({ ok: true, name });
  });

  it("accepts exactly the shortest and the longest length", () => {
    expect(parse("李".repeat(PERSON_NAME_MIN_LENGTH))).toMatchObject({ ok: true });
    expect(parse("a".repeat(PERSON_NAME_MAX_LENGTH))).toMatchObject({ ok: true });
  });
});

describe("personNameSchema normalizes what keyboards type", () => {
  it.each([
    ["  王小明  ", "王小明"],
    ["Mary   Jane", "Mary Jane"],
    ["欧阳\u3000娜娜", "欧阳 娜娜"],
    ["山田・太郎", "山田·太郎"],
    ["山田･太郎", "山田·太郎"],
    ["欧阳‧娜娜", "欧阳·娜娜"],
    ["O’Neil", "O'Neil"],
    ["Mary\u2010Jane", "Mary-Jane"],
    // Decomposed (NFD) as some systems send it: stored composed.
    ["Zoe\u0308", "Zoë"],
  ])("%j → %j", (raw, name) => {
    expect(parse(raw)).toEqual({ ok: true, name });
    expect(normalizePersonName(raw)).toBe(name);
  });
});

describe("personNameSchema refuses what is not a name", () => {
  it.each([
    ["小明😀"],
    ["小明\u263A\uFE0F"],
    ["小明\uFE0F"],
    ["👍👍"],
    ["王小明2"],
    ["007 Bond"],
    ["王小明！"],
    ["John_Smith"],
    ["Smith, John"],
    ["J. Smith"],
    ["<script>"],
    ["@王小明"],
    ["-Mary"],
    ["Mary-"],
    ["·娜娜"],
    ["Mary--Jane"],
    ["Mary - Jane"],
    ["O''Neil"],
    ["e\u0301\u0301\u0301\u0301\u0301"],
    ["\u0301abc"],
  ])("%j", (raw) => {
    expect(parse(raw)).toEqual({ ok: false, message: PERSON_NAME_INVALID_MESSAGE });
  });

  it("refuses names too short or too long, counting characters not UTF-16 units", () => {
    expect(parse("王")).toEqual({ ok: false, message: PERSON_NAME_LENGTH_MESSAGE });
    expect(parse("a".repeat(60))).toEqual({ ok: false, message: PERSON_NAME_LENGTH_MESSAGE });
    expect(parse("王".repeat(PERSON_NAME_MAX_LENGTH + 1))).toEqual({
      ok: false,
      message: PERSON_NAME_LENGTH_MESSAGE,
    });
    // 40 letters outside the Basic Multilingual Plane are 80 UTF-16 units: still 40 characters.
    expect(parse("𠀀".repeat(PERSON_NAME_MAX_LENGTH))).toMatchObject({ ok: true });
  });

  it("says a blank name is required, and refuses control characters and non-strings", () => {
    expect(parse("   ")).toEqual({ ok: false, message: "validation.required" });
    expect(parse("王\u0000小明")).toEqual({ ok: false, message: "validation.controlCharacters" });
    expect(parse(42)).toMatchObject({ ok: false });
  });
});

describe("the messages", () => {
  it("exist in both languages and state the same bounds as the schema", () => {
    for (const messages of [zhValidation, enValidation]) {
      expect(messages.personNameInvalid).toBeTruthy();
      expect(messages.personNameLength).toContain(String(PERSON_NAME_MIN_LENGTH));
      expect(messages.personNameLength).toContain(String(PERSON_NAME_MAX_LENGTH));
    }
  });
});
