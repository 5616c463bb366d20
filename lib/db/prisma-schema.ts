// A strict reader for the subset of the Prisma schema language this project uses. Prisma's own
// parser (the schema engine / DMMF) cannot be downloaded here, and the drift test needs the schema
// as data. Unknown types, attributes or arguments throw: teach this file (and schema-drift.ts)
// about a new feature rather than letting the drift check ignore it.
import {
  fail,
  parseBlocks,
  type Arg,
  type Attribute,
  type Block,
  type Member,
  type Value,
} from "./prisma-schema-syntax";
import { fieldDefault, type FieldDefault } from "./prisma-schema-defaults";

export type { FieldDefault };

export type PrismaSchema = { enums: PrismaEnum[]; models: PrismaModel[] };

export type PrismaEnum = { name: string; dbName: string; values: string[] };

export type IndexField = { field: string; descending: boolean };

/** A plain index; `where` is the predicate of a partial index (`where: raw("…")`, preview feature partialIndexes). */
export type PrismaIndex = { fields: IndexField[]; where: string | null };

export type PrismaModel = {
  name: string;
  dbName: string;
  fields: PrismaField[];
  /** Field names of @id / @@id. */
  primaryKey: string[];
  /** Field names of each @unique / @@unique. */
  uniques: string[][];
  indexes: PrismaIndex[];
};

export type ScalarField = {
  kind: "scalar" | "enum";
  name: string;
  dbName: string;
  type: string;
  optional: boolean;
  default: FieldDefault | null;
  updatedAt: boolean;
  /** `@db.Uuid` → "Uuid", `@db.Timestamptz(3)` → "Timestamptz(3)". */
  nativeType: string | null;
};

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export type RelationField = {
  kind: "relation";
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  relationName: string | null;
  fields: string[];
  references: string[];
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
};

export type PrismaField = ScalarField | RelationField;

const SCALAR_TYPES = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json"]);
const NATIVE_TYPES: Record<string, { scalar: string; args: number }> = {
  "db.Uuid": { scalar: "String", args: 0 },
  "db.Timestamptz": { scalar: "DateTime", args: 1 },
};
const REFERENTIAL_ACTIONS = new Set(["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"]);

export function parsePrismaSchema(source: string): PrismaSchema {
  const blocks = parseBlocks(source);
  for (const block of blocks) if (block.keyword === "datasource") checkDatasource(block);
  const enums = blocks.filter((block) => block.keyword === "enum").map(toEnum);
  const modelBlocks = blocks.filter((block) => block.keyword === "model");
  const enumValues = new Map(enums.map((item) => [item.name, item.values]));
  const modelNames = new Set(modelBlocks.map((block) => block.name));
  const models = modelBlocks.map((block) => toModel(block, enumValues, modelNames));
  for (const model of models) checkRelations(model, models);
  return { enums, models };
}

function checkDatasource(block: Block) {
  for (const member of block.members) {
    // relationMode, schemas, extensions … would change what the database must contain.
    if (member.name !== "provider") fail(member.line, `unsupported datasource setting "${member.name}"`);
    if (member.value?.kind !== "string" || member.value.value !== "postgresql") {
      fail(member.line, 'the datasource provider must be "postgresql"');
    }
  }
}

function toEnum(block: Block): PrismaEnum {
  const values: string[] = [];
  for (const member of block.members) {
    if (member.attributes.length > 0)
      fail(member.line, `unsupported attribute on enum value ${block.name}.${member.name}`);
    if (values.includes(member.name)) fail(member.line, `duplicate enum value ${block.name}.${member.name}`);
    values.push(member.name);
  }
  return { name: block.name, dbName: blockMap(block), values };
}

function toModel(block: Block, enums: Map<string, string[]>, models: Set<string>): PrismaModel {
  const fields: PrismaField[] = [];
  const model: PrismaModel = {
    name: block.name,
    dbName: blockMap(block),
    fields,
    primaryKey: [],
    uniques: [],
    indexes: [],
  };
  for (const member of block.members) {
    if (fields.some((field) => field.name === member.name))
      fail(member.line, `duplicate field ${block.name}.${member.name}`);
    fields.push(toField(model, member, enums, models));
  }
  const scalarNames = new Set(fields.filter((field) => field.kind !== "relation").map((field) => field.name));
  for (const attribute of block.attributes) {
    if (attribute.name === "map") continue;
    const where = `@@${attribute.name} on ${block.name}`;
    if (attribute.name === "id")
      model.primaryKey = setOnce(
        model.primaryKey,
        fieldList(attribute, scalarNames, where),
        attribute.line,
        block.name,
      );
    else if (attribute.name === "unique") model.uniques.push(fieldList(attribute, scalarNames, where));
    else if (attribute.name === "index") model.indexes.push(plainIndex(attribute, scalarNames, where));
    else fail(attribute.line, `unsupported attribute ${where}`);
  }
  if (model.primaryKey.length === 0) fail(block.line, `model ${block.name} has no @id or @@id`);
  return model;
}

function toField(
  model: PrismaModel,
  member: Member,
  enums: Map<string, string[]>,
  models: Set<string>,
): PrismaField {
  const type = member.type;
  if (!type) return fail(member.line, `field ${model.name}.${member.name} has no type`);
  const where = `${model.name}.${member.name}`;
  if (models.has(type.name)) return toRelationField(member, where);
  const kind = enums.has(type.name) ? "enum" : SCALAR_TYPES.has(type.name) ? "scalar" : null;
  if (!kind) return fail(member.line, `unsupported type ${type.name} of ${where}`);
  if (type.list) fail(member.line, `scalar lists are not supported (${where})`);
  const field: ScalarField = {
    kind,
    name: member.name,
    dbName: member.name,
    type: type.name,
    optional: type.optional,
    default: null,
    updatedAt: false,
    nativeType: null,
  };
  for (const attribute of member.attributes) {
    const name = attribute.name;
    if (name === "id" || name === "unique" || name === "updatedAt") noArgs(attribute, where);
    if (name === "id")
      model.primaryKey = setOnce(model.primaryKey, [member.name], attribute.line, model.name);
    else if (name === "unique") model.uniques.push([member.name]);
    else if (name === "updatedAt") {
      if (type.name !== "DateTime") fail(attribute.line, `@updatedAt on non-DateTime field ${where}`);
      field.updatedAt = true;
    } else if (name === "map") field.dbName = stringArg(attribute, where);
    else if (name === "default") field.default = fieldDefault(attribute, field, enums, where);
    else if (NATIVE_TYPES[name]) field.nativeType = nativeType(attribute, type.name, where);
    else fail(attribute.line, `unsupported attribute @${name} on ${where}`);
  }
  return field;
}

function toRelationField(member: Member, where: string): RelationField {
  const type = member.type!;
  const field: RelationField = {
    kind: "relation",
    name: member.name,
    type: type.name,
    optional: type.optional,
    list: type.list,
    relationName: null,
    fields: [],
    references: [],
    onDelete: null,
    onUpdate: null,
  };
  for (const attribute of member.attributes) {
    if (attribute.name !== "relation")
      fail(attribute.line, `unsupported attribute @${attribute.name} on relation ${where}`);
    for (const [index, arg] of attribute.args.entries()) {
      const key = arg.name ?? (index === 0 ? "name" : "");
      if (key === "name") field.relationName = stringValue(arg.value, attribute.line, where);
      else if (key === "fields" || key === "references")
        field[key] = identList(arg.value, attribute.line, where);
      else if (key === "onDelete" || key === "onUpdate")
        field[key] = referentialAction(arg.value, attribute.line, where);
      else fail(attribute.line, `unsupported @relation argument ${arg.name ?? "(positional)"} on ${where}`);
    }
  }
  if (field.fields.length !== field.references.length)
    fail(member.line, `fields and references differ in length on ${where}`);
  if (field.list && field.fields.length > 0)
    fail(member.line, `a list relation cannot declare fields (${where})`);
  if (field.fields.length === 0 && (field.onDelete || field.onUpdate))
    fail(member.line, `referential actions need fields (${where})`);
  return field;
}

function checkRelations(model: PrismaModel, models: PrismaModel[]) {
  for (const field of model.fields) {
    if (field.kind !== "relation" || field.fields.length === 0) continue;
    const target = models.find((candidate) => candidate.name === field.type)!;
    for (const name of field.fields) {
      if (!model.fields.some((other) => other.kind !== "relation" && other.name === name)) {
        throw new Error(`schema.prisma: relation ${model.name}.${field.name} uses unknown field ${name}`);
      }
    }
    for (const name of field.references) {
      if (!target.fields.some((other) => other.kind !== "relation" && other.name === name)) {
        throw new Error(
          `schema.prisma: relation ${model.name}.${field.name} references unknown field ${target.name}.${name}`,
        );
      }
    }
  }
}

function blockMap(block: Block): string {
  const maps = block.attributes.filter((attribute) => attribute.name === "map");
  if (maps.length > 1) fail(block.line, `more than one @@map on ${block.name}`);
  if (block.keyword === "enum") {
    const other = block.attributes.find((attribute) => attribute.name !== "map");
    if (other) fail(other.line, `unsupported attribute @@${other.name} on enum ${block.name}`);
  }
  return maps[0] ? stringArg(maps[0], block.name) : block.name;
}

function setOnce(current: string[], next: string[], line: number, model: string): string[] {
  if (current.length > 0) fail(line, `more than one primary key on ${model}`);
  return next;
}

function fieldList(attribute: Attribute, scalars: Set<string>, where: string): string[] {
  return indexFieldList(attribute, scalars, where).map((item) => {
    if (item.descending) fail(attribute.line, `sort order is only supported in @@index (${where})`);
    return item.field;
  });
}

function plainIndex(attribute: Attribute, scalars: Set<string>, where: string): PrismaIndex {
  const [fields, ...rest] = attribute.args;
  const predicate =
    rest.length === 1 && rest[0]!.name === "where" ? rawSql(rest[0]!.value, attribute.line, where) : null;
  if (rest.length > (predicate === null ? 0 : 1)) fail(attribute.line, `unsupported arguments in ${where}`);
  return {
    fields: indexFieldList({ ...attribute, args: fields ? [fields] : [] }, scalars, where),
    where: predicate,
  };
}

/** `raw("…")`: SQL that Prisma passes through, as in partial-index predicates. */
function rawSql(value: Value, line: number, where: string): string {
  const [arg, ...rest] = value.kind === "ident" && value.name === "raw" ? (value.args ?? []) : [];
  if (!arg || rest.length > 0 || arg.name !== undefined) return fail(line, `expected raw("…") in ${where}`);
  return stringValue(arg.value, line, where);
}

function indexFieldList(attribute: Attribute, scalars: Set<string>, where: string): IndexField[] {
  const [arg, ...rest] = attribute.args;
  if (!arg || arg.name !== undefined || rest.length > 0 || arg.value.kind !== "array") {
    return fail(attribute.line, `expected exactly one list of fields in ${where}`);
  }
  return arg.value.items.map((item) => {
    if (item.kind !== "ident") return fail(attribute.line, `unsupported list item in ${where}`);
    if (!scalars.has(item.name)) fail(attribute.line, `unknown field ${item.name} in ${where}`);
    return { field: item.name, descending: sortOrder(item.args ?? [], attribute.line, where) };
  });
}

function sortOrder(args: Arg[], line: number, where: string): boolean {
  let descending = false;
  for (const arg of args) {
    const order = arg.value.kind === "ident" && !arg.value.args ? arg.value.name : "";
    if (arg.name !== "sort" || (order !== "Asc" && order !== "Desc"))
      fail(line, `unsupported index field argument in ${where}`);
    descending = order === "Desc";
  }
  return descending;
}

function nativeType(attribute: Attribute, scalar: string, where: string): string {
  const spec = NATIVE_TYPES[attribute.name]!;
  if (spec.scalar !== scalar)
    fail(attribute.line, `@${attribute.name} does not apply to ${scalar} (${where})`);
  if (attribute.args.length !== spec.args)
    fail(attribute.line, `@${attribute.name} takes ${spec.args} argument(s) (${where})`);
  const args = attribute.args.map((arg) => {
    if (arg.name !== undefined || arg.value.kind !== "number")
      return fail(attribute.line, `bad @${attribute.name} argument on ${where}`);
    return String(arg.value.value);
  });
  const base = attribute.name.slice("db.".length);
  return args.length > 0 ? `${base}(${args.join(",")})` : base;
}

function noArgs(attribute: Attribute, where: string) {
  if (attribute.args.length > 0)
    fail(attribute.line, `arguments to @${attribute.name} are not supported (${where})`);
}

function stringArg(attribute: Attribute, where: string): string {
  const [arg, ...rest] = attribute.args;
  if (!arg || arg.name !== undefined || rest.length > 0)
    fail(attribute.line, `@${attribute.name} takes one string on ${where}`);
  return stringValue(arg.value, attribute.line, where);
}

function stringValue(value: Value, line: number, where: string): string {
  if (value.kind !== "string") fail(line, `expected a string on ${where}`);
  return value.value;
}

function identList(value: Value, line: number, where: string): string[] {
  if (value.kind !== "array") fail(line, `expected a list of fields on ${where}`);
  return value.items.map((item) =>
    item.kind === "ident" && !item.args ? item.name : fail(line, `bad field list on ${where}`),
  );
}

function referentialAction(value: Value, line: number, where: string): ReferentialAction {
  if (value.kind !== "ident" || value.args || !REFERENTIAL_ACTIONS.has(value.name))
    fail(line, `unsupported referential action on ${where}`);
  return value.name as ReferentialAction;
}
