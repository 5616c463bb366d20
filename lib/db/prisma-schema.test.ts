import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shapeFromPrismaSchema } from "./expected-shape";
import { parsePrismaSchema } from "./prisma-schema";

const HEADER = 'datasource db {\n  provider = "postgresql"\n}\n';

function parse(body: string) {
  return parsePrismaSchema(`${HEADER}\n${body}`);
}

describe("parsePrismaSchema", () => {
  it("reads the project schema", () => {
    const schema = parsePrismaSchema(readFileSync("prisma/schema.prisma", "utf8"));

    expect(schema.models.map((model) => model.dbName)).toContain("timeline_event");
    expect(schema.enums.find((item) => item.name === "UrgencyTier")).toEqual({
      name: "UrgencyTier",
      dbName: "urgency_tier",
      values: ["STANDARD", "URGENT", "EXPRESS"],
    });
    const application = schema.models.find((model) => model.name === "Application")!;
    expect(application.indexes).toContainEqual({
      fields: [
        { field: "currentNode", descending: false },
        { field: "tier", descending: true },
        { field: "triageScore", descending: true },
        { field: "nodeDueAt", descending: false },
        { field: "neededBy", descending: false },
        { field: "id", descending: false },
      ],
      where: "closed_at IS NULL",
    });
    expect(application.fields.find((field) => field.name === "assignee")).toMatchObject({
      kind: "relation",
      type: "User",
      optional: true,
      relationName: "ApplicationAssignee",
      fields: ["assigneeId"],
      references: ["id"],
    });
    expect(application.fields.find((field) => field.name === "submissionKey")).toMatchObject({
      dbName: "submission_key",
      optional: true,
    });
    expect(application.uniques).toEqual([["number"], ["paymentReference"], ["submissionKey"]]);
  });

  it("reads defaults, native types and composite keys", () => {
    const schema = parse(`
      enum Colour {
        RED
        GREEN
        @@map("colour")
      }
      model Thing {
        id      BigInt   @id @default(autoincrement())
        key     String   @default(dbgenerated("gen_random_uuid()")) @db.Uuid
        colour  Colour   @default(GREEN)
        count   Int      @default(-1)
        flag    Boolean  @default(false)
        meta    Json     @default("{}")
        at      DateTime @default(now()) @map("at_time") @db.Timestamptz(3)
        touched DateTime @updatedAt
        @@unique([key, colour])
        @@map("thing")
      }
      model Pair {
        a Int
        b Int
        @@id([a, b])
      }
    `);

    const [thing, pair] = schema.models;
    expect(
      thing?.fields.map((field) =>
        field.kind === "relation" ? null : [field.dbName, field.default, field.nativeType],
      ),
    ).toEqual([
      ["id", { kind: "autoincrement" }, null],
      ["key", { kind: "dbgenerated", sql: "gen_random_uuid()" }, "Uuid"],
      ["colour", { kind: "enum", value: "GREEN" }, null],
      ["count", { kind: "literal", value: -1 }, null],
      ["flag", { kind: "literal", value: false }, null],
      ["meta", { kind: "literal", value: "{}" }, null],
      ["at_time", { kind: "now" }, "Timestamptz(3)"],
      ["touched", null, null],
    ]);
    expect(thing?.uniques).toEqual([["key", "colour"]]);
    expect(pair?.primaryKey).toEqual(["a", "b"]);
  });

  it.each([
    ["an unsupported type", "model T {\n  id Int @id\n  x Float\n}", /unsupported type Float of T\.x/],
    [
      "an unsupported native type",
      "model T {\n  id Int @id\n  x String @db.VarChar(10)\n}",
      /unsupported attribute @db\.VarChar on T\.x/,
    ],
    [
      "a Prisma-side default",
      "model T {\n  id String @id @default(uuid())\n}",
      /unsupported @default for String on T\.id/,
    ],
    [
      "an index with a custom name",
      'model T {\n  id Int @id\n  @@index([id], map: "x")\n}',
      /unsupported arguments in @@index on T/,
    ],
    [
      "an index on an unknown field",
      "model T {\n  id Int @id\n  @@index([nope])\n}",
      /unknown field nope in @@index on T/,
    ],
    [
      "an unknown block attribute",
      "model T {\n  id Int @id\n  @@fulltext([id])\n}",
      /unsupported attribute @@fulltext on T/,
    ],
    [
      "a scalar list",
      "model T {\n  id Int @id\n  tags String[]\n}",
      /scalar lists are not supported \(T\.tags\)/,
    ],
    ["a view", "view V {\n  id Int\n}", /unsupported block "view"/],
    ["a model without a primary key", "model T {\n  x Int\n}", /model T has no @id or @@id/],
    ["a mapped enum value", 'enum E {\n  A @map("a")\n}', /unsupported attribute on enum value E\.A/],
    [
      "a relation to an unknown field",
      "model A {\n  id Int @id\n  b B @relation(fields: [bId], references: [id])\n}\nmodel B {\n  id Int @id\n}",
      /uses unknown field bId/,
    ],
  ])("rejects %s", (_label, body, message) => {
    expect(() => parse(body)).toThrow(message);
  });

  it("reads partial indexes and refuses other index arguments", () => {
    const model = parsePrismaSchema(
      'model T {\n  id Int @id\n  x Int\n  @@index([x], where: raw("x > 0"))\n}',
    ).models[0]!;
    expect(model.indexes).toEqual([{ fields: [{ field: "x", descending: false }], where: "x > 0" }]);
    expect(() =>
      parsePrismaSchema("model T {\n  id Int @id\n  x Int\n  @@index([x], type: Hash)\n}"),
    ).toThrow(/unsupported arguments/);
    expect(() =>
      parsePrismaSchema('model T {\n  id Int @id\n  x Int\n  @@index([x], where: "x > 0")\n}'),
    ).toThrow(/expected raw/);
  });

  it("rejects datasource settings that change the expected database", () => {
    expect(() =>
      parsePrismaSchema('datasource db {\n  provider = "postgresql"\n  relationMode = "prisma"\n}'),
    ).toThrow(/unsupported datasource setting "relationMode"/);
  });
});

describe("shapeFromPrismaSchema", () => {
  it("truncates constraint names to 63 characters as Prisma does", () => {
    const long = "a_very_long_table_name_that_goes_on_and_on";
    const schema = parse(`
      model Long {
        id                          Int @id
        another_rather_long_column  Int
        @@index([id, another_rather_long_column])
        @@map("${long}")
      }
    `);

    const table = shapeFromPrismaSchema(schema).tables[long]!;

    expect(table.indexes[0]?.name).toBe(`${long}_id_another_rathe_idx`);
    expect(table.indexes[0]?.name).toHaveLength(63);
    expect(table.primaryKey?.name).toBe(`${long}_pkey`);
  });
});
