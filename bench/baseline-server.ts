// The benchmark's yardstick: `POST /api/track` on bare node:http + pg, no framework and no ORM. It
// does the same work as app/api/track/route.ts → lib/lookup/lookup.ts — same validation (zod),
// same reads and writes in the same order (throttle read, candidate by number, HMAC and constant-time
// compare, throttle reset, then the case, its public timeline, the open supplement request and
// the node targets), the same view (toPublicView) and the same JSON — so the gap between the two
// is what Next.js, Prisma and the app's layers cost. Started by bench/run.ts; PORT, DATABASE_URL and
// ID_HASH_KEY come from the environment.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import type { WorkflowNode } from "../lib/generated/prisma/enums";
import { normalizeAddress } from "../lib/http/client-ip";
import { hashIdNumber } from "../lib/identity/id-number-hash";
import { lookupSchema } from "../lib/lookup/schema";
import { toPublicView, type PublicCaseRow } from "../lib/lookup/public-view";
import { lookupThrottleKeys, retryAfterSeconds } from "../lib/lookup/throttle";
import { CANDIDATE_SQL, CASE_SQL, CLEAR_SQL, countFailure, OPEN_SUPPLEMENT_SQL, TARGETS_SQL, THROTTLE_SQL, TIMELINE_SQL } from "./lib/baseline-sql";

const MAX_BODY_CHARS = 2048;
const key = process.env.ID_HASH_KEY ?? "";
// Prisma's adapter uses pg's default pool (10 connections); so does the yardstick.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(text) });
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
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) return send(response, 415, { error: "unsupported_media_type" });
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
  const keys = lookupThrottleKeys(number, normalizeAddress(request.socket.remoteAddress));

  const throttles = await pool.query<{ lockedUntil: Date | null }>(THROTTLE_SQL, [keys]);
  const wait = retryAfterSeconds(throttles.rows, now);
  if (wait > 0) return send(response, 429, { error: "too_many_attempts", retryAfterSeconds: wait });
  const given = Buffer.from(hashIdNumber(idType, idNumber, key), "hex");
  const candidate = (await pool.query<{ id: string; hash: string }>(CANDIDATE_SQL, [number])).rows[0];
  const stored = candidate ? Buffer.from(candidate.hash, "hex") : null;
  const equal = timingSafeEqual(given, stored?.length === 32 ? stored : Buffer.alloc(32));
  if (!candidate || stored?.length !== 32 || !equal) {
    await recordFailure(keys, now);
    return send(response, 404, { error: "not_found" });
  }
  await pool.query(CLEAR_SQL, [[`number:${number}`]]);

  const row = (await pool.query<Omit<PublicCaseRow, "timeline" | "supplementRequests">>(CASE_SQL, [candidate.id])).rows[0];
  if (!row) return send(response, 404, { error: "not_found" });
  const timeline = (await pool.query<PublicCaseRow["timeline"][number]>(TIMELINE_SQL, [candidate.id])).rows;
  const supplementRequests = (await pool.query<{ dueAt: Date }>(OPEN_SUPPLEMENT_SQL, [candidate.id])).rows;
  const targets = (await pool.query<{ node: WorkflowNode; targetMinutes: number }>(TARGETS_SQL, [row.serviceId, row.tier])).rows;
  const nodeTargets = Object.fromEntries(targets.map((target) => [target.node, target.targetMinutes])) as Partial<Record<WorkflowNode, number>>;
  const view = toPublicView({ ...row, timeline, supplementRequests }, nodeTargets, now);
  send(response, 200, view);
}

/** The app's recordLookupFailure, statement for statement (lib/lookup/mutations.ts). */
async function recordFailure(keys: string[], now: Date) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const throttleKey of keys) await countFailure(client, throttleKey, now);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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

server.listen(Number(process.env.PORT ?? 3200), "127.0.0.1", () => console.log(`Baseline listening on ${process.env.PORT}`));
process.once("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
