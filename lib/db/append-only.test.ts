// The init migration's triggers: timeline_event and audit_log refuse UPDATE and DELETE.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  client.on("error", () => {});
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function seedTimelineEvent(): Promise<void> {
  const user = await client.query<{ id: string }>(
    `INSERT INTO "user" (email, password_hash, display_name, updated_at) VALUES ('a@example.test', 'x', 'A', now()) RETURNING id`,
  );
  const service = await client.query<{ id: string }>(
    `INSERT INTO "service_type" (code, name_zh, name_en, description_zh, description_en, base_fee_minor, updated_at)
     VALUES ('S1', '服务', 'Service', '说明', 'About', 1000, now()) RETURNING id`,
  );
  const application = await client.query<{ id: string }>(
    `INSERT INTO "application" (number, applicant_id, service_id, tier, reason, needed_by, applicant_name, id_type,
       id_number_hash, id_number_masked, phone, email, fee_base_minor, fee_surcharge_minor, updated_at)
     VALUES ('A1', $1, $2, 'EXPRESS', 'r', now(), 'A', 'PASSPORT', 'h', 'm', '1', 'a@example.test', 1000, 0, now()) RETURNING id`,
    [user.rows[0]!.id, service.rows[0]!.id],
  );
  await client.query(
    `INSERT INTO "timeline_event" (application_id, node, action) VALUES ($1, 'SUBMITTED', 'SUBMITTED')`,
    [application.rows[0]!.id],
  );
}

describe("append-only tables", () => {
  it.each([
    ["timeline_event", `UPDATE "timeline_event" SET public_note = 'changed'`, "UPDATE"],
    ["timeline_event", `DELETE FROM "timeline_event"`, "DELETE"],
    ["audit_log", `UPDATE "audit_log" SET action = 'changed'`, "UPDATE"],
    ["audit_log", `DELETE FROM "audit_log"`, "DELETE"],
  ])("%s refuses %s", async (table, statement, operation) => {
    await client.query(`TRUNCATE "${table}" CASCADE`);
    if (table === "timeline_event") {
      await client.query(`TRUNCATE "user", "service_type", "application" CASCADE`);
      await seedTimelineEvent();
    } else {
      await client.query(`INSERT INTO "audit_log" (action, entity_type) VALUES ('login', 'user')`);
    }

    await expect(client.query(statement)).rejects.toThrow(
      `${operation} on "${table}" is not allowed: the table is append-only`,
    );
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "${table}"`);
    expect(rows[0]?.count).toBe("1");
  });

  it("still accepts inserts and TRUNCATE", async () => {
    await client.query(
      `INSERT INTO "audit_log" (action, entity_type, details) VALUES ('login', 'user', '{"ok":true}')`,
    );
    await client.query(`TRUNCATE "audit_log"`);
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "audit_log"`);
    expect(rows[0]?.count).toBe("0");
  });
});
