import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE, filterText, multilineText, stripControlCharacters, text } from "./text";

const C0 = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code));

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? [] : result.error!.issues.map((issue) => issue.message);
}

describe("text building blocks", () => {
  it("refuse every C0 control character and DEL in one-line text, tab excepted, with the localized key", () => {
    for (const control of [...C0, "\u007f"]) {
      const result = text().trim().max(20, "validation.tooLong").safeParse(`a${control}b`);
      expect(messages(result), JSON.stringify(control)).toEqual(
        control === "\t" ? [] : [CONTROL_CHARACTERS_MESSAGE],
      );
    }
  });

  it("keep line breaks and tabs in multi-line text, refuse the other controls", () => {
    for (const control of [...C0, "\u007f"]) {
      const allowed = control === "\t" || control === "\n" || control === "\r";
      expect(messages(multilineText().safeParse(`line${control}line`)), JSON.stringify(control)).toEqual(
        allowed ? [] : [CONTROL_CHARACTERS_MESSAGE],
      );
    }
  });

  it("report only the control characters, not a length error besides, and keep the chained checks", () => {
    expect(messages(text().trim().min(5, "validation.required").safeParse("\u0000"))).toEqual([
      CONTROL_CHARACTERS_MESSAGE,
    ]);
    expect(messages(text("validation.required").safeParse(42))).toEqual(["validation.required"]);
    expect(text().trim().max(3, "validation.tooLong").safeParse("  张三  ")).toEqual({
      success: true,
      data: "张三",
    });
    expect(messages(text().trim().max(3, "validation.tooLong").safeParse("abcd"))).toEqual([
      "validation.tooLong",
    ]);
  });

  it("drop control characters from filters instead of refusing them", () => {
    expect(filterText().parse("张\u0000三\u001b[31m")).toBe("张三[31m");
    expect(stripControlCharacters("a\tb\nc\u007f")).toBe("abc");
  });
});
