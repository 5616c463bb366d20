import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zh from "./messages/zh.json";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)/g)].map((match) => match[1]!).sort();
}

describe("messages", () => {
  it("has the same keys in Chinese and English", () => {
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
  });

  it("uses the same placeholders in both languages", () => {
    const lookup = (tree: unknown, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
    for (const key of keysOf(en)) {
      expect([key, [...new Set(placeholdersOf(lookup(zh, key)))]]).toEqual([key, [...new Set(placeholdersOf(lookup(en, key)))]]);
    }
  });
});
