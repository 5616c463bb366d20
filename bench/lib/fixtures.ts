import type pg from "pg";
import { hashIdNumber } from "../../lib/identity/id-number-hash";
import { maskIdNumber } from "../../lib/identity/id-number";
import { benchIdNumber, benchNumber } from "./bench-number";
import { benchEmail } from "./seed-accounts";

export type Lookup = { number: string; idType: "PASSPORT"; idNumber: string };
export type MovableCase = { id: string; number: string; version: number; advancesLeft: number };

export type Fixtures = {
  /** Number + ID pairs that a lookup finds (their HMACs were written with the run's key). */
  lookups: Lookup[];
  /** The applicant whose case pages scenario (c) opens, and their case numbers. */
  applicant: { email: string; numbers: string[] };
  reviewer: { email: string };
  mover: { email: string; cases: MovableCase[] };
  submitters: string[];
};

const LOOKUP_SAMPLE = 2000;
// Transitions scenario (f) may need: more than 50 connections can do in a run on two cores.
const MOVER_POOL = 12_000;

/**
 * Picks the cases each scenario works on, and writes what only Node can compute: the HMAC of the
 * known ID numbers (no extension such as pgcrypto is guaranteed on the server), for an even spread
 * of LOOKUP_SAMPLE cases over open and closed ones.
 */
export async function prepareFixtures(
  client: pg.Client,
  options: { cases: number; idHashKey: string; submitters: number },
): Promise<Fixtures> {
  const step = Math.max(1, Math.floor(options.cases / LOOKUP_SAMPLE));
  const indexes = Array.from({ length: Math.min(LOOKUP_SAMPLE, options.cases) }, (_, k) => 1 + k * step);
  const lookups: Lookup[] = indexes.map((i) => ({
    number: benchNumber(i),
    idType: "PASSPORT",
    idNumber: benchIdNumber(i),
  }));
  const { rowCount } = await client.query(
    `UPDATE application a SET id_number_hash = v.hash, id_number_masked = v.masked
       FROM unnest($1::text[], $2::text[], $3::text[]) AS v(number, hash, masked) WHERE a.number = v.number`,
    [
      lookups.map((lookup) => lookup.number),
      lookups.map((lookup) => hashIdNumber(lookup.idType, lookup.idNumber, options.idHashKey)),
      lookups.map((lookup) => maskIdNumber(lookup.idType, lookup.idNumber)),
    ],
  );
  // The SQL and TypeScript spellings of the numbers must agree, or every lookup would be a 404.
  if (rowCount !== lookups.length)
    throw new Error(`Only ${rowCount} of ${lookups.length} lookup cases were found by number`);

  const applicantEmail = benchEmail.applicant(1);
  const { rows: own } = await client.query<{ number: string }>(
    `SELECT a.number FROM application a JOIN "user" u ON u.id = a.applicant_id WHERE u.email = $1 ORDER BY a.number`,
    [applicantEmail],
  );

  // Open cases at the first steps, handed to one reviewer: each can be advanced two or three times.
  const { rows: movable } = await client.query<{
    id: string;
    number: string;
    version: number;
    current_node: string;
  }>(
    `UPDATE application SET assignee_id = (SELECT id FROM "user" WHERE email = $1)
      WHERE id IN (SELECT a.id FROM application a JOIN "user" u ON u.id = a.applicant_id
                    WHERE u.email LIKE 'bench-applicant-%@bench.test' AND a.status = 'IN_PROGRESS'
                      AND a.current_node IN ('SUBMITTED', 'MATERIAL_CHECK') ORDER BY a.number LIMIT $2)
      RETURNING id::text, number, version, current_node::text`,
    [benchEmail.mover, MOVER_POOL],
  );

  return {
    lookups,
    applicant: { email: applicantEmail, numbers: own.map((row) => row.number) },
    reviewer: { email: benchEmail.reviewer(1) },
    mover: {
      email: benchEmail.mover,
      cases: movable.map((row) => ({
        id: row.id,
        number: row.number,
        version: row.version,
        advancesLeft: row.current_node === "SUBMITTED" ? 3 : 2,
      })),
    },
    submitters: Array.from({ length: options.submitters }, (_, k) => benchEmail.submitter(k + 1)),
  };
}
