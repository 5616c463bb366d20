import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, ROOT_CLIENT_NAMESPACES } from "./client-namespaces";
import { MESSAGE_NAMESPACES } from "./messages";

// Each page sends its client components only the message namespaces of its area. Forgetting one
// would show raw keys in the browser, so this derives what each area can need from the code itself:
// following imports from its routes, every client module ("use client" and all it imports) and
// every server action module ("use server" and all it imports: the error keys it hands back) is
// searched for "namespace.key" strings and useTranslations("namespace").

const ROOT = path.resolve(__dirname, "../..");
const APP = path.join(ROOT, "app");
const NAMESPACE_SET = new Set(MESSAGE_NAMESPACES);

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  if (base.includes(`${path.sep}generated${path.sep}`)) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function namespacesReachedFrom(entries: string[]): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const pending = entries.map((file) => ({ file, reachesClient: false }));
  while (pending.length > 0) {
    const { file, reachesClient: imported } = pending.pop()!;
    const source = readFileSync(file, "utf8");
    const reachesClient = imported || /^["']use (client|server)["']/m.test(source);
    const key = `${file}:${reachesClient}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (reachesClient) {
      for (const match of source.matchAll(/["'`]([a-zA-Z]+)\.[a-zA-Z$]/g))
        if (NAMESPACE_SET.has(match[1]!)) found.add(match[1]!);
      for (const match of source.matchAll(/useTranslations\(\s*["']([a-zA-Z]+)/g)) found.add(match[1]!);
    }
    for (const match of source.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)) {
      const target = resolveImport(file, match[1]!);
      if (target) pending.push({ file: target, reachesClient });
    }
  }
  return found;
}

const topLevel = readdirSync(APP, { withFileTypes: true });
const areaDirs = topLevel
  .filter((entry) => entry.isDirectory() && entry.name !== "api")
  .map((entry) => entry.name);
const rootFiles = topLevel
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
  .map((entry) => path.join(APP, entry.name));

function missing(needed: Set<string>, given: readonly string[]) {
  return [...needed].filter((namespace) => !given.includes(namespace)).sort();
}

describe("client message namespaces per area", () => {
  it("give the root layout (and areas without their own) every namespace their client code can need", () => {
    const inherited = areaDirs
      .filter((dir) => !(dir in CLIENT_NAMESPACES))
      .flatMap((dir) => filesUnder(path.join(APP, dir)));
    expect(missing(namespacesReachedFrom([...rootFiles, ...inherited]), ROOT_CLIENT_NAMESPACES)).toEqual([]);
  });

  it.each(Object.keys(CLIENT_NAMESPACES))(
    "give /%s every namespace its client code can need, through its layout",
    (area) => {
      const given = [...ROOT_CLIENT_NAMESPACES, ...CLIENT_NAMESPACES[area as keyof typeof CLIENT_NAMESPACES]];
      expect(missing(namespacesReachedFrom(filesUnder(path.join(APP, area))), given)).toEqual([]);
      expect(readFileSync(path.join(APP, area, "layout.tsx"), "utf8")).toContain(
        `<ClientMessages area="${area}">`,
      );
    },
  );

  it("only name namespaces that exist", () => {
    const named = [...ROOT_CLIENT_NAMESPACES, ...Object.values(CLIENT_NAMESPACES).flat()];
    expect(named.filter((namespace) => !NAMESPACE_SET.has(namespace))).toEqual([]);
  });
});
