import { describe, expect, it } from "vitest";
import { renderNotification } from "@/lib/notifications/render";
import { TEMPLATE_NAMES, TEMPLATES } from "@/lib/notifications/templates";
import { chineseTextProblems } from "./chinese-text";
import { loadMessages } from "./messages";

function textsOf(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([child, v]) =>
    textsOf(v, key ? `${key}.${child}` : child),
  );
}

describe("chineseTextProblems", () => {
  it("accepts Chinese with full-width punctuation, placeholders, codes and the allowed words", () => {
    for (const ok of [
      "问题：{problem}（必填）",
      "{count, plural, other {已创建 # 个班次。}}",
      "例如 EX-012-345-67R，或 name@example.com，08:00–16:00",
      "支持 PDF、JPEG，单个文件不超过 {maxFileMb} MB。",
      "输入开头即可，例如“staff.”。",
      "加急通 · Expedite",
    ])
      expect([ok, chineseTextProblems(ok)]).toEqual([ok, []]);
  });

  it("refuses ASCII colons and parentheses, Latin words and the retired term", () => {
    expect(chineseTextProblems("问题: {problem}")).toEqual([{ kind: "ascii", char: ":" }]);
    expect(chineseTextProblems("(必填)")).toEqual([
      { kind: "ascii", char: "(" },
      { kind: "ascii", char: ")" },
    ]);
    expect(chineseTextProblems("夜班 Night")).toEqual([{ kind: "latin", word: "Night" }]);
    expect(chineseTextProblems("分诊分数: 72 / 100")).toEqual([{ kind: "ascii", char: ":" }]);
    expect(chineseTextProblems("{count, plural, other {# Cases}}")).toEqual([
      { kind: "latin", word: "Cases" },
    ]);
    expect(chineseTextProblems("结果文书已出具")).toEqual([{ kind: "term", term: "结果文书" }]);
  });
});

describe("every Chinese message", () => {
  it("reads as Chinese in every namespace", async () => {
    const problems = textsOf(await loadMessages("zh"))
      .map(([key, text]) => ({ key, text, problems: chineseTextProblems(text) }))
      .filter((entry) => entry.problems.length > 0);
    expect(problems).toEqual([]);
  });

  it("reads as Chinese once rendered into e-mails, in-app messages and SMS", () => {
    const problems = TEMPLATE_NAMES.flatMap((template) => {
      const rendered = renderNotification({
        template,
        locale: "zh",
        payload:
          TEMPLATES[template].audience === "account"
            ? { path: "/portal" }
            : {
                number: "EX-012-345-67R",
                node: "MATERIAL_CHECK",
                expectedAt: "2026-12-05T10:00:00Z",
                // Pages to staff on duty carry their acknowledge link's path (lib/paging).
                ...(TEMPLATES[template].audience === "page"
                  ? { path: "/console/paging/acknowledge?token=t" }
                  : {}),
              },
        appUrl: "https://expedite.example",
      });
      // Links are addresses, not words.
      const parts = { title: rendered.title, body: rendered.body, text: rendered.text, sms: rendered.sms };
      return Object.entries(parts)
        .map(([part, text]) => ({
          template,
          part,
          problems: chineseTextProblems(text.replace(/https?:\/\/\S+/g, "")),
        }))
        .filter((entry) => entry.problems.length > 0);
    });
    expect(problems).toEqual([]);
  });
});
