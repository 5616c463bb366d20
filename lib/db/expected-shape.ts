// What `prisma migrate` would create for a parsed schema: column types, defaults, and
// constraint names following Prisma's convention (prisma-engines,
// psl-core/src/datamodel_connector/constraint_names.rs), so hand-written migrations stay
// indistinguishable from generated ones and future generated migrations find the names they expect.
import type { PrismaModel, PrismaSchema, ReferentialAction, ScalarField } from "./prisma-schema";
import {
  classifyDefault,
  normalizePredicate,
  type ColumnShape,
  type DbShape,
  type DefaultShape,
  type IndexShape,
  type TableShape,
} from "./schema-shape";

// Postgres' NAMEDATALEN - 1.
const MAX_IDENTIFIER_LENGTH = 63;

const SQL_ACTIONS: Record<ReferentialAction, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

export function shapeFromPrismaSchema(schema: PrismaSchema): DbShape {
  const enumNames = new Map(schema.enums.map((item) => [item.name, item.dbName]));
  const models = new Map(schema.models.map((model) => [model.name, model]));
  const tables: Record<string, TableShape> = {};
  for (const model of schema.models) tables[model.dbName] = tableShape(model, enumNames, models);
  return { enums: Object.fromEntries(schema.enums.map((item) => [item.dbName, item.values])), tables };
}

function tableShape(
  model: PrismaModel,
  enumNames: Map<string, string>,
  models: Map<string, PrismaModel>,
): TableShape {
  const table = model.dbName;
  const columnOf = (target: PrismaModel, fieldName: string) => scalarField(target, fieldName).dbName;
  const columns: Record<string, ColumnShape> = {};
  for (const field of model.fields) {
    if (field.kind === "relation") continue;
    columns[field.dbName] = {
      type: columnType(field, enumNames),
      nullable: field.optional,
      default: defaultShape(field),
    };
  }
  const uniques = model.uniques.map((fields) => {
    const names = fields.map((name) => columnOf(model, name));
    return {
      name: indexName(table, names, "_key"),
      unique: true,
      columns: names.map((name) => ({ name, descending: false })),
    };
  });
  const indexes = model.indexes.map(({ fields, where }): IndexShape => {
    const list = fields.map((item) => ({ name: columnOf(model, item.field), descending: item.descending }));
    const index: IndexShape = {
      name: indexName(
        table,
        list.map((column) => column.name),
        "_idx",
      ),
      unique: false,
      columns: list,
    };
    if (where !== null) index.predicate = normalizePredicate(where);
    return index;
  });
  const foreignKeys = model.fields.flatMap((field) => {
    if (field.kind !== "relation" || field.fields.length === 0) return [];
    const target = models.get(field.type)!;
    const names = field.fields.map((name) => columnOf(model, name));
    const optional = field.fields.some((name) => scalarField(model, name).optional);
    return [
      {
        name: truncatedName(`${table}_${names.join("_")}`, "_fkey"),
        columns: names,
        referencedTable: target.dbName,
        referencedColumns: field.references.map((name) => columnOf(target, name)),
        // Prisma's defaults when the schema names no action.
        onDelete: SQL_ACTIONS[field.onDelete ?? (optional ? "SetNull" : "Restrict")],
        onUpdate: SQL_ACTIONS[field.onUpdate ?? "Cascade"],
      },
    ];
  });
  return {
    columns,
    primaryKey: {
      name: truncatedName(table, "_pkey"),
      columns: model.primaryKey.map((name) => columnOf(model, name)),
    },
    indexes: [...uniques, ...indexes],
    foreignKeys,
  };
}

function scalarField(model: PrismaModel, name: string): ScalarField {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field || field.kind === "relation")
    throw new Error(`schema.prisma: ${model.name}.${name} is not a scalar field`);
  return field;
}

function columnType(field: ScalarField, enumNames: Map<string, string>): string {
  if (field.kind === "enum") return `enum ${enumNames.get(field.type)}`;
  const native = field.nativeType;
  if (field.type === "String" && native === null) return "text";
  if (field.type === "String" && native === "Uuid") return "uuid";
  if (field.type === "DateTime" && native === null) return "timestamp(3) without time zone";
  const timestamptz = native && /^Timestamptz\((\d+)\)$/.exec(native);
  if (field.type === "DateTime" && timestamptz) return `timestamp(${timestamptz[1]}) with time zone`;
  const plain: Record<string, string> = {
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Json: "jsonb",
  };
  const type = plain[field.type];
  if (type && native === null) return type;
  throw new Error(
    `schema.prisma: no column type known for ${field.type}${native ? ` @db.${native}` : ""} (${field.name})`,
  );
}

function defaultShape(field: ScalarField): DefaultShape | null {
  const value = field.default;
  if (!value) return null;
  if (value.kind === "now") return { kind: "now" };
  if (value.kind === "autoincrement") return { kind: "sequence" };
  if (value.kind === "dbgenerated") return classifyDefault(value.sql);
  return { kind: "value", value: String(value.value) };
}

function indexName(table: string, columns: string[], suffix: "_key" | "_idx"): string {
  return truncatedName(`${table}_${columns.join("_")}`, suffix);
}

function truncatedName(stem: string, suffix: string): string {
  const room = MAX_IDENTIFIER_LENGTH - suffix.length;
  return `${stem.length >= room ? stem.slice(0, room) : stem}${suffix}`;
}
