// The benchmark's yardstick: `POST /api/track` on bare node:http + pg, no framework and no ORM. It
// does the same work as app/api/track/route.ts → lib/lookup/lookup.ts — same validation (zod),
// the same SQL text in the same order (lib/rate-limit/rate-limit-sql.ts and
// lib/lookup/lookup-sql.ts: the attempt reserved, the candidate, HMAC and constant-time
// compare, the attempt given back on success, then the public case in one statement), the same view (toPublicView) and the same JSON — so the gap
// between the two is what Next.js, Prisma and the app's layers cost. Started by bench/run.ts; PORT, DATABASE_URL and
// ID_HASH_KEY come from the environment.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { normalizeAddress } from "../lib/http/client-ip";
import { hashIdNumber } from "../lib/identity/id-number-hash";
import {
  lookupCandidateSql,
  publicCaseSql,
  toLookupCandidate,
  toPublicCaseRow,
  type PublicCaseSqlRow,
} from "../lib/lookup/lookup-sql";
import { lookupSchema } from "../lib/lookup/schema";
import { toPublicView } from "../lib/lookup/public-view";
import { LOOKUP_PER_ADDRESS, LOOKUP_PER_NUMBER } from "../lib/lookup/throttle";
import { limiterRows, refusedSql, releaseSql, reserveSql } from "../lib/rate-limit/rate-limit-sql";
import { retryAfterSeconds } from "../lib/rate-limit/gcra";

const MAX_BODY_CHARS = 2048;
const key = process.env.ID_HASH_KEY ?? "";
// Prisma's adapter uses pg's default pool (10 connections); so does the yardstick.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  let text = "";
  for await (const chunk of request) {
    text += chunk;
    if (text.length > MAX_BODY_CHARS) return null;
  }
  return text;
}

async function lookup(request: IncomingMessage, response: ServerResponse) {
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? ""))
    return send(response, 415, { error: "unsupported_media_type" });
  const text = await readBody(request);
  if (text === null) return send(response, 400, { error: "invalid_request" });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return send(response, 400, { error: "invalid_json" });
  }
  const parsed = lookupSchema.safeParse(body);
  if (!parsed.success) return send(response, 400, { error: "invalid_request" });
  const { number, idType, idNumber } = parsed.data;
  const now = new Date();
  const ip = normalizeAddress(request.socket.remoteAddress);
  const rows = limiterRows([
    { limit: LOOKUP_PER_NUMBER, key: number },
    ...(ip ? [{ limit: LOOKUP_PER_ADDRESS, key: ip }] : []),
  ]);
  const keys = rows.map((row) => row.key);

  const wait = await reserve(rows, keys, now);
  if (wait > 0) return send(response, 429, { error: "too_many_attempts", retryAfterSeconds: wait });
  const state = lookupCandidateSql(number);
  const candidate = toLookupCandidate(
    (await pool.query<Parameters<typeof toLookupCandidate>[0]>(state.text, state.values)).rows[0]!,
  );
  const given = Buffer.from(hashIdNumber(idType, idNumber, key), "hex");
  const stored = candidate ? Buffer.from(candidate.idNumberHash, "hex") : null;
  const equal = timingSafeEqual(given, stored?.length === 32 ? stored : Buffer.alloc(32));
  if (!candidate || stored?.length !== 32 || !equal) return send(response, 404, { error: "not_found" });
  await query(releaseSql(keys));

  const publicCase = publicCaseSql({ id: candidate.id });
  const row = (await pool.query<PublicCaseSqlRow>(publicCase.text, publicCase.values)).rows[0];
  if (!row) return send(response, 404, { error: "not_found" });
  const { caseRow, nodeTargets } = toPublicCaseRow(row);
  const view = toPublicView(caseRow, nodeTargets, now);
  send(response, 200, view);
}

function query<Row extends pg.QueryResultRow>(sql: { text: string; values: unknown[] }) {
  return pool.query<Row>(sql.text, sql.values);
}

/** The app's reserveAttempt (lib/rate-limit/mutations.ts), statement for statement: seconds to wait, 0 when granted. */
async function reserve(rows: ReturnType<typeof limiterRows>, keys: string[], now: Date): Promise<number> {
  const granted = new Set((await query<{ key: string }>(reserveSql(rows, now))).rows.map((row) => row.key));
  if (granted.size === keys.length) return 0;
  if (granted.size > 0) await query(releaseSql([...granted]));
  const refused = await query<{ key: string; tat: Date; intervalSeconds: number; burst: number }>(
    refusedSql(keys.filter((entry) => !granted.has(entry))),
  );
  return Math.max(
    1,
    ...refused.rows.map((row) => retryAfterSeconds(row.tat, now, { ...row, name: row.key })),
  );
}

const server = createServer((request, response) => {
  if (request.url === "/health") return send(response, 200, { ok: true });
  if (request.url !== "/api/track") return send(response, 404, { error: "not_found" });
  if (request.method !== "POST") return send(response, 405, { error: "method_not_allowed" });
  lookup(request, response).catch((error: unknown) => {
    console.error("POST /api/track failed", error);
    if (!response.headersSent) send(response, 500, { error: "internal_error" });
  });
});

server.listen(Number(process.env.PORT ?? 3200), "127.0.0.1", () =>
  console.log(`Baseline listening on ${process.env.PORT}`),
);
process.once("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
