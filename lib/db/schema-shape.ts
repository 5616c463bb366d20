// The common shape both sides of the drift check are reduced to: what schema.prisma implies
// (expected-shape.ts) and what Postgres contains (introspect-shape.ts).

export type DbShape = { enums: Record<string, string[]>; tables: Record<string, TableShape> };

export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  /** Unique and plain indexes, without the primary key's. */
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
};

/** `type` is Postgres' format_type() spelling, or `enum <name>` for enums. */
export type ColumnShape = { type: string; nullable: boolean; default: DefaultShape | null };

export type DefaultShape =
  | { kind: "now" }
  | { kind: "sequence" }
  | { kind: "value"; value: string }
  | { kind: "expression"; sql: string };

export type IndexShape = {
  name: string;
  unique: boolean;
  columns: { name: string; descending: boolean }[];
  /** WHERE of a partial index, normalized (normalizePredicate). */
  predicate?: string;
  /** Set for what schema.prisma cannot express (expression, non-btree, INCLUDE). */
  unsupported?: string;
};

/**
 * Partial-index predicates compared as text: whitespace collapsed and the outer parentheses that
 * pg_get_expr() adds removed. Write `raw("…")` predicates the way Postgres prints them.
 */
export function normalizePredicate(sql: string): string {
  let text = sql.trim().replace(/\s+/g, " ");
  while (text.startsWith("(") && text.endsWith(")") && enclosesAll(text)) text = text.slice(1, -1).trim();
  return text;
}

function enclosesAll(text: string): boolean {
  let depth = 0;
  for (const [position, char] of [...text].entries()) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth === 0 && position < text.length - 1) return false;
  }
  return true;
}

export type ForeignKeyShape = {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};

/** Reduces a default expression to what matters for drift, whether from pg_get_expr or dbgenerated(). */
export function classifyDefault(sql: string): DefaultShape {
  const text = sql.trim();
  if (/^(current_timestamp|now\(\))$/i.test(text)) return { kind: "now" };
  if (/^nextval\(/i.test(text)) return { kind: "sequence" };
  const quoted = /^'((?:[^']|'')*)'(?:::[\w ".[\]()]+)?$/.exec(text);
  if (quoted) return { kind: "value", value: quoted[1]!.replaceAll("''", "'") };
  if (/^-?\d+(\.\d+)?$/.test(text) || /^(true|false)$/i.test(text))
    return { kind: "value", value: text.toLowerCase() };
  return { kind: "expression", sql: text.replace(/\s+/g, " ") };
}

export function describeDefault(value: DefaultShape | null): string {
  if (!value) return "no default";
  if (value.kind === "now") return "default now()";
  if (value.kind === "sequence") return "default autoincrement()";
  if (value.kind === "value") return `default '${value.value}'`;
  return `default ${value.sql}`;
}

export function sameDefault(a: DefaultShape | null, b: DefaultShape | null): boolean {
  return describeDefault(a) === describeDefault(b);
}

export function columnList(columns: { name: string; descending?: boolean }[] | string[]): string {
  const parts = columns.map((column) =>
    typeof column === "string" ? `"${column}"` : `"${column.name}"${column.descending ? " DESC" : ""}`,
  );
  return `(${parts.join(", ")})`;
}
