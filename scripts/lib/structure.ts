// The file vocabulary of lib/<domain>/ (docs/architecture.md, "Layering"). The ESLint rule that keeps
// the Prisma client in data access exempts files by name; this check makes the names honest, so a
// file cannot opt in (or out) by renaming. Run by scripts/check-structure.ts.
import { readdir, readFile } from "node:fs/promises";
import nodePath from "node:path";

export type SourceFile = { path: string; text: string };

/** Folders of lib/ that are not domains: infrastructure, test support, generated code. */
export const NOT_DOMAINS = ["db", "testing", "generated"];
/** Folders whose contents are data, not modules. */
export const UNRESTRICTED = ["lib/i18n/messages"];

const ROLES = ["data", "mutations", "actions", "schema", "sql"] as const;
type Role = (typeof ROLES)[number];
// Words that name a role (or a test role) and so cannot also appear inside another file's name.
const ROLE_WORDS = new Set<string>([
  ...ROLES,
  "fixture",
  "fixtures",
  "test",
  "tests",
  "testing",
  "mock",
  "mocks",
]);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const USES_DATABASE = /from\s+["']@\/lib\/db["']|\bTransactionClient\b|\bTx\b/;
const IMPORTS_CLIENT = /from\s+["']@\/lib\/db["']|generated\/prisma\/client["']/;
const SERVER_ONLY_FIRST = /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*import\s+["']server-only["']/;

export const VOCABULARY = [
  "schema.ts, *-schema.ts        zod schemas",
  'data.ts, *-data.ts            reads: start with import "server-only", use the database',
  'mutations.ts, *-mutations.ts  writes: start with import "server-only", use the database',
  "actions.ts, *-actions.ts      Server Actions",
  "sql.ts, *-sql.ts              SQL text builders (with @/lib/sql), never the client",
  "*.fixtures.ts                 rows arranged for tests (or put them in lib/testing/)",
  "*.test.ts                     tests",
  "<kebab-case>.ts               pure logic and domain helpers",
];

/** One line per file that breaks the vocabulary; [] when all is well. */
export function structureProblems(files: readonly SourceFile[]): string[] {
  return files.flatMap((file) => fileProblems(file).map((problem) => `${file.path}: ${problem}`));
}

function fileProblems({ path, text }: SourceFile): string[] {
  const segments = path.split("/");
  const name = segments.at(-1)!;
  const folders = segments.slice(1, -1);
  const problems = folders
    .filter((folder) => !KEBAB.test(folder) || ROLE_WORDS.has(folder))
    .map((folder) =>
      ROLE_WORDS.has(folder)
        ? `folder "${folder}/" names a role; test helpers go in lib/testing/ or *.fixtures.ts`
        : `folder "${folder}/" is not kebab-case`,
    );
  const kind = /\.test\.ts$/.test(name) ? "test" : /\.fixtures\.ts$/.test(name) ? "fixtures" : "module";
  const base = name.replace(/(\.test|\.fixtures)?\.ts$/, "");
  if (!name.endsWith(".ts") || base.includes("."))
    return [...problems, "is not <kebab-case>.ts, .test.ts or .fixtures.ts"];
  if (!KEBAB.test(base)) return [...problems, `"${base}" is not kebab-case`];
  if (kind === "test") return problems;

  const words = base.split("-");
  const role =
    kind === "module" && (ROLES as readonly string[]).includes(words.at(-1)!)
      ? (words.at(-1) as Role)
      : undefined;
  const inner = (role ? words.slice(0, -1) : words).filter((word) => ROLE_WORDS.has(word));
  if (inner.length > 0) {
    const named = [...inner, ...(role ? [role] : [])].join(", ");
    return [
      ...problems,
      /fixture|test|mock/.test(named)
        ? `names a test role inside its name (${named}); fixtures are *.fixtures.ts or live in lib/testing/`
        : `names more than one role (${named}); a file has one role, named by its last word`,
    ];
  }
  if (role === "data" || role === "mutations") {
    if (!USES_DATABASE.test(text))
      problems.push(
        `is named for data access but never uses the database (no @/lib/db, no transaction); name it for what it is, e.g. *-sql.ts for SQL text or a plain name for pure logic`,
      );
    if (!SERVER_ONLY_FIRST.test(text)) problems.push(`data access must start with import "server-only"`);
  }
  if (role === "sql" && IMPORTS_CLIENT.test(text))
    problems.push(`builds SQL text and must not import the client; let a data or mutations module run it`);
  return problems;
}

/** Every file under lib/<domain>/, with paths relative to `root`. */
export async function readDomainFiles(root: string): Promise<SourceFile[]> {
  const entries = await readdir(nodePath.join(root, "lib"), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      nodePath.relative(root, nodePath.join(entry.parentPath, entry.name)).split(nodePath.sep).join("/"),
    )
    .filter((file) => {
      const [, domain, ...rest] = file.split("/");
      return rest.length > 0 && !NOT_DOMAINS.includes(domain!);
    })
    .filter((file) => !UNRESTRICTED.some((dir) => file.startsWith(`${dir}/`)))
    .sort();
  return Promise.all(
    files.map(async (file) => ({ path: file, text: await readFile(nodePath.join(root, file), "utf8") })),
  );
}
