import type pg from "pg";
import { hashPassword } from "../../lib/auth/password";

/** Every bench account signs in with this (they live only in the scratch database). */
export const BENCH_PASSWORD = "bench-password-2026";

export const BENCH_REVIEWERS = 20;
/** Cases per bench applicant: a person with a handful of cases, like a real portal account. */
export const CASES_PER_APPLICANT = 4;

export const benchEmail = {
  reviewer: (n: number) => `bench-reviewer-${n}@bench.test`,
  applicant: (n: number) => `bench-applicant-${n}@bench.test`,
  submitter: (n: number) => `bench-submitter-${n}@bench.test`,
  /** The reviewer whose assigned cases scenario (f) moves on. */
  mover: "bench-mover@bench.test",
};

const INSERT_USERS = `
  INSERT INTO "user" (email, password_hash, display_name, role, locale, updated_at)
  SELECT $1::text || n || '@bench.test', $2, $3::text || n, $4::role, 'zh', now() FROM generate_series(1, $5::int) AS n`;

/**
 * Bench staff and applicants, all with one argon2id hash of BENCH_PASSWORD (hashed once: 25 000
 * accounts at 19 MiB and two passes each would take many minutes). Applicants: one per CASES_PER_APPLICANT cases.
 */
export async function seedBenchAccounts(client: pg.Client, options: { cases: number; submitters: number }) {
  const hash = await hashPassword(BENCH_PASSWORD);
  const applicants = Math.max(1, Math.ceil(options.cases / CASES_PER_APPLICANT));
  await client.query(INSERT_USERS, ["bench-reviewer-", hash, "Bench reviewer ", "REVIEWER", BENCH_REVIEWERS]);
  await client.query(INSERT_USERS, ["bench-applicant-", hash, "Bench applicant ", "APPLICANT", applicants]);
  await client.query(INSERT_USERS, [
    "bench-submitter-",
    hash,
    "Bench submitter ",
    "APPLICANT",
    options.submitters,
  ]);
  await client.query(
    `INSERT INTO "user" (email, password_hash, display_name, role, locale, updated_at) VALUES ($1, $2, 'Bench mover', 'REVIEWER', 'zh', now())`,
    [benchEmail.mover, hash],
  );
  return { applicants };
}
