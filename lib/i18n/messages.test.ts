import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, MESSAGE_NAMESPACES } from "./messages";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)/g)].map((match) => match[1]!))].sort();
}

function lookup(tree: unknown, key: string): string {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}

describe("messages", () => {
  it("loads every namespace file that exists, for both languages", () => {
    for (const locale of ["zh", "en"]) {
      const files = readdirSync(path.join(__dirname, "messages", locale)).map((file) =>
        file.replace(/\.json$/, ""),
      );
      expect(files.sort()).toEqual([...MESSAGE_NAMESPACES].sort());
    }
  });

  it("has the same keys and placeholders in Chinese and English", async () => {
    const [zh, en] = await Promise.all([loadMessages("zh"), loadMessages("en")]);
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
    for (const key of keysOf(en)) {
      expect([key, placeholdersOf(lookup(zh, key))]).toEqual([key, placeholdersOf(lookup(en, key))]);
    }
  });
});
