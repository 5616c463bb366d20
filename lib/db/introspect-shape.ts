// Reads the current schema of a database into the drift check's common shape (pg_catalog,
// current_schema() only). Prisma's own bookkeeping table is not part of the domain schema.
import type pg from "pg";
import {
  classifyDefault,
  normalizePredicate,
  type DbShape,
  type ForeignKeyShape,
  type IndexShape,
  type TableShape,
} from "./schema-shape";

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

export async function introspectShape(client: pg.ClientBase): Promise<DbShape> {
  const enums: Record<string, string[]> = {};
  for (const row of (await client.query<{ name: string; label: string }>(ENUMS_SQL)).rows) {
    (enums[row.name] ??= []).push(row.label);
  }
  const tables: Record<string, TableShape> = {};
  for (const row of (await client.query<{ name: string }>(TABLES_SQL)).rows) {
    if (!IGNORED_TABLES.has(row.name))
      tables[row.name] = { columns: {}, primaryKey: null, indexes: [], foreignKeys: [] };
  }
  for (const row of (await client.query<ColumnRow>(COLUMNS_SQL)).rows) {
    const table = tables[row.table_name];
    if (!table) continue;
    table.columns[row.column_name] = {
      type: row.type_kind === "e" ? `enum ${row.type_name}` : row.formatted_type,
      nullable: !row.not_null,
      default: columnDefault(row),
    };
  }
  for (const row of (await client.query<IndexRow>(INDEXES_SQL)).rows) {
    const table = tables[row.table_name];
    if (!table) continue;
    if (row.is_primary) {
      table.primaryKey = { name: row.index_name, columns: row.columns };
      continue;
    }
    const index: IndexShape = {
      name: row.index_name,
      unique: row.is_unique,
      columns: row.columns.map((name, position) => ({ name, descending: row.descending[position] === true })),
    };
    const unsupported = [
      row.method !== "btree" && `using ${row.method}`,
      row.has_expressions && "with expressions",
      row.has_include && "with INCLUDE columns",
      row.nulls_not_distinct && "NULLS NOT DISTINCT",
    ].filter(Boolean);
    if (row.predicate !== null) index.predicate = normalizePredicate(row.predicate);
    if (unsupported.length > 0) index.unsupported = unsupported.join(", ");
    table.indexes.push(index);
  }
  for (const row of (await client.query<ForeignKeyRow>(FOREIGN_KEYS_SQL)).rows) {
    const table = tables[row.table_name];
    if (!table) continue;
    const foreignKey: ForeignKeyShape = {
      name: row.constraint_name,
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: ACTIONS[row.on_update] ?? row.on_update,
    };
    table.foreignKeys.push(foreignKey);
  }
  return { enums, tables };
}

function columnDefault(row: ColumnRow): TableShape["columns"][string]["default"] {
  if (row.generated) {
    const storage = row.generated === "s" ? "STORED" : "VIRTUAL";
    return { kind: "expression", sql: `GENERATED ALWAYS AS (${row.default_sql}) ${storage}` };
  }
  if (row.identity)
    return {
      kind: "expression",
      sql: `GENERATED ${row.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`,
    };
  return row.default_sql === null ? null : classifyDefault(row.default_sql);
}

type ColumnRow = {
  table_name: string;
  column_name: string;
  formatted_type: string;
  type_name: string;
  type_kind: string;
  not_null: boolean;
  default_sql: string | null;
  identity: string;
  generated: string;
};

type IndexRow = {
  table_name: string;
  index_name: string;
  is_primary: boolean;
  is_unique: boolean;
  method: string;
  has_expressions: boolean;
  predicate: string | null;
  has_include: boolean;
  nulls_not_distinct: boolean;
  columns: string[];
  descending: boolean[];
};

type ForeignKeyRow = {
  table_name: string;
  constraint_name: string;
  referenced_table: string;
  columns: string[];
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
};

const ENUMS_SQL = `
  SELECT t.typname AS name, e.enumlabel AS label
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE n.nspname = current_schema()
  ORDER BY t.typname, e.enumsortorder`;

const TABLES_SQL = `
  SELECT c.relname AS name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
  ORDER BY c.relname`;

const COLUMNS_SQL = `
  SELECT c.relname AS table_name, a.attname AS column_name,
    format_type(a.atttypid, a.atttypmod) AS formatted_type, t.typname AS type_name, t.typtype AS type_kind,
    a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_sql,
    a.attidentity AS identity, a.attgenerated AS generated
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY c.relname, a.attnum`;

const INDEXES_SQL = `
  SELECT t.relname AS table_name, i.relname AS index_name, x.indisprimary AS is_primary,
    x.indisunique AS is_unique, am.amname AS method,
    x.indexprs IS NOT NULL AS has_expressions, pg_get_expr(x.indpred, x.indrelid) AS predicate,
    x.indnatts <> x.indnkeyatts AS has_include, x.indnullsnotdistinct AS nulls_not_distinct,
    ARRAY(
      SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
      WHERE k.position <= x.indnkeyatts ORDER BY k.position
    ) AS columns,
    ARRAY(
      SELECT (o.option & 1) = 1 FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS o(option, position)
      ORDER BY o.position
    ) AS descending
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_am am ON am.oid = i.relam
  WHERE n.nspname = current_schema()
  ORDER BY t.relname, i.relname`;

const FOREIGN_KEYS_SQL = `
  SELECT t.relname AS table_name, con.conname AS constraint_name, r.relname AS referenced_table,
    ARRAY(
      SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.position
    ) AS columns,
    ARRAY(
      SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.position
    ) AS referenced_columns,
    con.confdeltype AS on_delete, con.confupdtype AS on_update
  FROM pg_constraint con
  JOIN pg_class t ON t.oid = con.conrelid
  JOIN pg_class r ON r.oid = con.confrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE n.nspname = current_schema() AND con.contype = 'f'
  ORDER BY t.relname, con.conname`;
