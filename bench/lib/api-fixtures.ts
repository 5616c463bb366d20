import type pg from "pg";
import { generateApiKeySecret } from "../../lib/api-keys/secret";
import { NO_PASSWORD } from "../../lib/auth/password";
import { benchEmail } from "./seed-accounts";

/** The partner API's bench callers (issue 17): keys whose secrets the load generator sends. */
export type ApiFixtures = {
  /** One partner per submitting connection: each files under its own account (drafts are per uploader). */
  submitters: string[];
  /** The partner whose cases (g) reads, and their numbers. */
  reader: { secret: string; numbers: string[] };
};

// Far above what two cores serve: the bench measures the limiter's cost, never its refusals.
const BENCH_RATE_LIMIT = 10_000_000;
const READ_CASES = 2000;

/** A partner organisation as the console creates it: a confirmed account without a password, a client, a key. */
async function createPartner(
  client: pg.Client,
  name: string,
  scopes: string[],
): Promise<{ secret: string; clientId: string; userId: string }> {
  const { rows: users } = await client.query<{ id: string }>(
    `INSERT INTO "user" (email, password_hash, display_name, role, locale, email_confirmed_at, updated_at)
     VALUES ($1, $2, $3, 'APPLICANT', 'zh', now(), now()) RETURNING id::text`,
    [`bench-partner-${name}@partners.invalid`, NO_PASSWORD, `Bench partner ${name}`],
  );
  const userId = users[0]!.id;
  const { rows: clients } = await client.query<{ id: string }>(
    `INSERT INTO api_client (name, kind, user_id, contact_email) VALUES ($1, 'PARTNER', $2::uuid, $3) RETURNING id::text`,
    [`bench partner ${name}`, userId, `bench-partner-${name}@bench.test`],
  );
  const clientId = clients[0]!.id;
  const { secret, prefix, secretHash } = generateApiKeySecret();
  await client.query(
    `INSERT INTO api_key (client_id, name, prefix, secret_hash, scopes, rate_limit_per_minute)
     VALUES ($1::uuid, 'bench', $2, $3, $4::text[], $5)`,
    [clientId, prefix, secretHash, scopes, BENCH_RATE_LIMIT],
  );
  return { secret, clientId, userId };
}

/**
 * Partners for the API scenarios. The reader is given READ_CASES of the bench cases (as if it had
 * filed them), none of applicant 1's, whose case pages scenario (c) opens.
 */
export async function prepareApiFixtures(
  client: pg.Client,
  options: { submitters: number },
): Promise<ApiFixtures> {
  const reader = await createPartner(client, "reader", ["applications:read"]);
  const { rows } = await client.query<{ number: string }>(
    `UPDATE application SET api_client_id = $1::uuid, applicant_id = $2::uuid
      WHERE id IN (SELECT a.id FROM application a JOIN "user" u ON u.id = a.applicant_id
                    WHERE u.email LIKE 'bench-applicant-%@bench.test' AND u.email <> $3
                    ORDER BY a.number DESC LIMIT $4)
      RETURNING number`,
    [reader.clientId, reader.userId, benchEmail.applicant(1), READ_CASES],
  );
  const submitters: string[] = [];
  for (let n = 1; n <= options.submitters; n++)
    submitters.push(
      (await createPartner(client, `submitter-${n}`, ["applications:write", "applications:read"])).secret,
    );
  return { submitters, reader: { secret: reader.secret, numbers: rows.map((row) => row.number) } };
}
