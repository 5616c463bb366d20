// Drift check: does the database the migrations produce match prisma/schema.prisma? Prisma's
// `migrate diff` needs the schema engine, which cannot be downloaded here, so we compare the two
// ourselves (see lib/db/drift.test.ts) and describe each difference in one readable line.
import pg from "pg";
import { shapeFromPrismaSchema } from "./expected-shape";
import { introspectShape } from "./introspect-shape";
import { parsePrismaSchema } from "./prisma-schema";
import {
  columnList,
  describeDefault,
  sameDefault,
  type DbShape,
  type ForeignKeyShape,
  type IndexShape,
  type TableShape,
} from "./schema-shape";

const SCHEMA = "schema.prisma";
const DATABASE = "the database";

/** Differences between schema.prisma (as text) and the database at databaseUrl; [] when they agree. */
export async function findSchemaDrift(schemaSource: string, databaseUrl: string): Promise<string[]> {
  const expected = shapeFromPrismaSchema(parsePrismaSchema(schemaSource));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return compareShapes(expected, await introspectShape(client));
  } finally {
    await client.end();
  }
}

export function compareShapes(schema: DbShape, database: DbShape): string[] {
  const problems: string[] = [];
  for (const [name, values] of Object.entries(schema.enums)) {
    const actual = database.enums[name];
    if (!actual) problems.push(`enum "${name}" is in ${SCHEMA} but not in ${DATABASE}`);
    else if (values.join() !== actual.join()) {
      problems.push(
        `enum "${name}" has values (${values.join(", ")}) in ${SCHEMA} but (${actual.join(", ")}) in ${DATABASE}`,
      );
    }
  }
  for (const name of Object.keys(database.enums)) {
    if (!schema.enums[name]) problems.push(`enum "${name}" is in ${DATABASE} but not in ${SCHEMA}`);
  }
  for (const [name, table] of Object.entries(schema.tables)) {
    const actual = database.tables[name];
    if (actual) compareTables(name, table, actual, problems);
    else problems.push(`table "${name}" is in ${SCHEMA} but not in ${DATABASE}`);
  }
  for (const name of Object.keys(database.tables)) {
    if (!schema.tables[name]) problems.push(`table "${name}" is in ${DATABASE} but not in ${SCHEMA}`);
  }
  return problems;
}

function compareTables(table: string, schema: TableShape, database: TableShape, problems: string[]) {
  for (const [name, column] of Object.entries(schema.columns)) {
    const where = `column "${table}"."${name}"`;
    const actual = database.columns[name];
    if (!actual) {
      problems.push(`${where} is in ${SCHEMA} but not in ${DATABASE}`);
      continue;
    }
    if (column.type !== actual.type)
      problems.push(`${where} has type ${column.type} in ${SCHEMA} but ${actual.type} in ${DATABASE}`);
    if (column.nullable !== actual.nullable) {
      const say = (nullable: boolean) => (nullable ? "nullable" : "NOT NULL");
      problems.push(
        `${where} is ${say(column.nullable)} in ${SCHEMA} but ${say(actual.nullable)} in ${DATABASE}`,
      );
    }
    if (!sameDefault(column.default, actual.default)) {
      problems.push(
        `${where} has ${describeDefault(column.default)} in ${SCHEMA} but ${describeDefault(actual.default)} in ${DATABASE}`,
      );
    }
  }
  for (const name of Object.keys(database.columns)) {
    if (!schema.columns[name])
      problems.push(`column "${table}"."${name}" is in ${DATABASE} but not in ${SCHEMA}`);
  }
  comparePrimaryKeys(table, schema.primaryKey, database.primaryKey, problems);
  compareMatched(
    schema.indexes,
    database.indexes,
    indexKey,
    (index) => describeIndex(table, index),
    problems,
  );
  compareMatched(
    schema.foreignKeys,
    database.foreignKeys,
    foreignKeyKey,
    (key) => describeForeignKey(table, key),
    problems,
  );
  for (const expected of schema.foreignKeys) {
    const actual = database.foreignKeys.find(
      (candidate) => foreignKeyKey(candidate) === foreignKeyKey(expected),
    );
    if (!actual) continue;
    for (const action of ["onDelete", "onUpdate"] as const) {
      if (expected[action] === actual[action]) continue;
      const clause = action === "onDelete" ? "ON DELETE" : "ON UPDATE";
      problems.push(
        `${describeForeignKey(table, expected)} has ${clause} ${expected[action]} in ${SCHEMA} but ${clause} ${actual[action]} in ${DATABASE}`,
      );
    }
  }
}

function comparePrimaryKeys(
  table: string,
  schema: TableShape["primaryKey"],
  database: TableShape["primaryKey"],
  problems: string[],
) {
  const where = `primary key of "${table}"`;
  if (schema && !database)
    problems.push(`${where} ${columnList(schema.columns)} is in ${SCHEMA} but not in ${DATABASE}`);
  if (!schema && database)
    problems.push(`${where} ${columnList(database.columns)} is in ${DATABASE} but not in ${SCHEMA}`);
  if (!schema || !database) return;
  if (columnList(schema.columns) !== columnList(database.columns)) {
    problems.push(
      `${where} is ${columnList(schema.columns)} in ${SCHEMA} but ${columnList(database.columns)} in ${DATABASE}`,
    );
  }
  if (schema.name !== database.name)
    problems.push(`${where} is named "${schema.name}" in ${SCHEMA} but "${database.name}" in ${DATABASE}`);
}

/** Pairs items by what they do (key), then reports missing, extra and misnamed ones. */
function compareMatched<T extends { name: string }>(
  schema: T[],
  database: T[],
  key: (item: T) => string,
  describe: (item: T) => string,
  problems: string[],
) {
  const unmatched = [...database];
  for (const expected of schema) {
    const position = unmatched.findIndex((candidate) => key(candidate) === key(expected));
    if (position === -1) {
      problems.push(`${describe(expected)} is in ${SCHEMA} but not in ${DATABASE}`);
      continue;
    }
    const [actual] = unmatched.splice(position, 1);
    if (actual && actual.name !== expected.name) {
      problems.push(
        `${describe({ ...expected, name: "" })} is named "${expected.name}" in ${SCHEMA} but "${actual.name}" in ${DATABASE}`,
      );
    }
  }
  for (const extra of unmatched) problems.push(`${describe(extra)} is in ${DATABASE} but not in ${SCHEMA}`);
}

function indexKey(index: IndexShape): string {
  return `${index.unique ? "unique" : "plain"} ${columnList(index.columns)} ${index.predicate ?? ""} ${index.unsupported ?? ""}`;
}

function describeIndex(table: string, index: IndexShape): string {
  const kind = index.unique ? "unique index" : "index";
  const name = index.name ? ` "${index.name}"` : "";
  const extra =
    (index.predicate ? ` WHERE ${index.predicate}` : "") +
    (index.unsupported ? ` (${index.unsupported})` : "");
  return `${kind}${name} on "${table}"${columnList(index.columns)}${extra}`;
}

function foreignKeyKey(key: ForeignKeyShape): string {
  return `${columnList(key.columns)} ${key.referencedTable} ${columnList(key.referencedColumns)}`;
}

function describeForeignKey(table: string, key: ForeignKeyShape): string {
  const name = key.name ? ` "${key.name}"` : "";
  return `foreign key${name} "${table}"${columnList(key.columns)} → "${key.referencedTable}"${columnList(key.referencedColumns)}`;
}
