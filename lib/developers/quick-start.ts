// The quick start's code on /developers, built from one example application so the curl and the
// TypeScript versions cannot drift apart (examples.test.ts checks the JSON against the OpenAPI
// document, and runs the webhook check against a signature made as the delivery worker makes it).

export type QuickStartContext = {
  /** The app's public address (APP_URL), without a trailing slash. */
  origin: string;
  /** A day two weeks ahead, YYYY-MM-DD, for neededBy: a fixed date would be in the past one day. */
  neededBy: string;
};

/** The events a partner may subscribe to, as the webhooks module defines them (one list, not two). */
export { WEBHOOK_EVENT_TYPES as WEBHOOK_EVENTS } from "@/lib/webhooks/events";

export const TRANSITIONS = ["ADVANCE", "APPROVE", "REJECT", "ISSUE_DOCUMENT", "REQUEST_SUPPLEMENT"] as const;

/** A submission a partner files for its client (POST /api/v1/applications). */
export function exampleApplication(neededBy: string) {
  return {
    serviceCode: "visa-invitation",
    tier: "URGENT",
    neededBy,
    reason:
      "Our engineer must attend the commissioning of a plant abroad; the date was moved forward by the customer.",
    applicant: { name: "Wang Xiaoming", idType: "PASSPORT", idNumber: "E12345678" },
    contact: { phone: "13800138000", email: "wang.xiaoming@example.com", locale: "zh" },
    triage: {
      consequence: "FINANCIAL_OR_LEGAL",
      fixedDate: "TRAVEL",
      fixedDateOn: neededBy,
      healthOrSafety: false,
      affected: "SELF",
    },
  };
}

/** A reviewer's system takes a new case (POST /api/v1/applications/{number}/claim): version 1 when filed. */
export const exampleClaim = { expectedVersion: 1 };

/** A move an internal system makes (POST /api/v1/applications/{number}/transitions), after that claim. */
export const exampleTransition = {
  transition: "ADVANCE",
  expectedVersion: 2,
  publicNote: "Your documents are complete; the review has started.",
  internalNote: "Checked against the issuing authority's register.",
};

const json = (value: unknown) => JSON.stringify(value, null, 2);
const indent = (text: string, spaces: number) => text.replaceAll("\n", `\n${" ".repeat(spaces)}`);

export function environmentSetup({ origin }: QuickStartContext): string {
  return `export EXPEDITE_URL="${origin}"
export EXPEDITE_KEY="exp_…"   # the key the console showed once`;
}

export function applicationFile(context: QuickStartContext): string {
  return `cat > application.json <<'JSON'
${json(exampleApplication(context.neededBy))}
JSON`;
}

export function curlSubmitMultipart(): string {
  return `curl -i -X POST "$EXPEDITE_URL/api/v1/applications" \\
  -H "Authorization: Bearer $EXPEDITE_KEY" \\
  -H "Idempotency-Key: $(node -p 'crypto.randomUUID()')" \\
  -F "application=@application.json;type=application/json" \\
  -F "ID_PROOF=@id-card.pdf;type=application/pdf" \\
  -F "OTHER=@visitor-passport.pdf;type=application/pdf" \\
  -F "URGENCY_PROOF=@meeting-schedule.pdf;type=application/pdf"`;
}

export function fetchSubmit(context: QuickStartContext): string {
  return `import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

const base = process.env.EXPEDITE_URL ?? "${context.origin}";
const key = process.env.EXPEDITE_KEY!;

const application = ${indent(json(exampleApplication(context.neededBy)), 0)};

const form = new FormData();
form.append("application", new Blob([JSON.stringify(application)], { type: "application/json" }));
// One part per file, named after its kind; the service's required kinds must all be there.
for (const [kind, file] of [["ID_PROOF", "id-card.pdf"], ["OTHER", "visitor-passport.pdf"]]) {
  form.append(kind, new Blob([await readFile(file)], { type: "application/pdf" }), file);
}

// One key per application, kept until an answer arrives: a retry with it cannot file twice.
const idempotencyKey = randomUUID();
const response = await fetch(\`\${base}/api/v1/applications\`, {
  method: "POST",
  headers: { Authorization: \`Bearer \${key}\`, "Idempotency-Key": idempotencyKey, "Accept-Language": "en" },
  body: form,
});
if (!response.ok) {
  const problem = await response.json(); // application/problem+json
  throw new Error(\`\${problem.status} \${problem.code}: \${problem.title}\`);
}
const created = await response.json();
console.log(created.number, created.fee.totalMinor, created.due.case, created.links.self);`;
}

export const exampleWebhookEndpoint = {
  url: "https://partner.example.com/hooks/expedite",
  events: ["application.node_changed", "application.supplement_requested", "application.decided"],
};

export function curlRegisterWebhook(): string {
  return `curl -s -X POST "$EXPEDITE_URL/api/v1/webhooks" \\
  -H "Authorization: Bearer $EXPEDITE_KEY" \\
  -H "Content-Type: application/json" \\
  --data-binary @- <<'JSON'
${json(exampleWebhookEndpoint)}
JSON
# the answer's "secret" (whsec_…) is shown only this once: store it as EXPEDITE_WEBHOOK_SECRET`;
}

export function curlTransition(): string {
  return `NUMBER="EX-…"   # the number the submission answered
curl -s "$EXPEDITE_URL/api/v1/applications/$NUMBER" \\
  -H "Authorization: Bearer $EXPEDITE_KEY"        # read "version" and "currentNode"

# a reviewer's system takes the case first (a supervisor's need not): the version read above
curl -s -X POST "$EXPEDITE_URL/api/v1/applications/$NUMBER/claim" \\
  -H "Authorization: Bearer $EXPEDITE_KEY" \\
  -H "Content-Type: application/json" \\
  -d '${JSON.stringify(exampleClaim)}'   # answers the new "version": use it below

curl -i -X POST "$EXPEDITE_URL/api/v1/applications/$NUMBER/transitions" \\
  -H "Authorization: Bearer $EXPEDITE_KEY" \\
  -H "Content-Type: application/json" \\
  --data-binary @- <<'JSON'
${json(exampleTransition)}
JSON`;
}

export function fetchTransition(context: QuickStartContext): string {
  return `const base = process.env.EXPEDITE_URL ?? "${context.origin}";
const headers = { Authorization: \`Bearer \${process.env.EXPEDITE_KEY}\`, "Content-Type": "application/json" };

/** Moves the case on from the step it was seen at; refuses to act on a case that moved meanwhile. */
export async function advance(
  number: string,
  seenAtNode: string,
  publicNote: string,
  actingAsReviewer = false,
) {
  const url = \`\${base}/api/v1/applications/\${encodeURIComponent(number)}\`;
  let current = await (await fetch(url, { headers })).json();
  if (current.currentNode !== seenAtNode) return { skipped: true, currentNode: current.currentNode };
  if (actingAsReviewer) {
    // A reviewer moves only the cases they hold: take it (200 unchanged when it is already theirs,
    // 409 when someone else holds it).
    const claimed = await fetch(\`\${url}/claim\`, {
      method: "POST",
      headers,
      body: JSON.stringify({ expectedVersion: current.version }),
    });
    if (claimed.status === 409) return { conflict: (await claimed.json()).code };
    if (!claimed.ok) throw new Error(JSON.stringify(await claimed.json()));
    current = await claimed.json(); // its "version" is the one the move expects
  }

  const response = await fetch(\`\${url}/transitions\`, {
    method: "POST",
    headers,
    body: JSON.stringify({ transition: "ADVANCE", expectedVersion: current.version, publicNote }),
  });
  if (response.status === 409) {
    const problem = await response.json();
    // version_conflict: someone moved the case after we read it (problem.currentVersion is the new
    // version). Read it again and decide again; never resend blindly.
    // transition_not_allowed: this move is not possible from the current step.
    return { conflict: problem.code, currentVersion: problem.currentVersion };
  }
  if (!response.ok) throw new Error(JSON.stringify(await response.json()));
  return response.json(); // { number, version, currentNode, status, links }
}`;
}

export function curlProgress(): string {
  return `curl -s "$EXPEDITE_URL/api/v1/applications/$NUMBER" \\
  -H "Authorization: Bearer $EXPEDITE_KEY" \\
  -H "Accept-Language: zh"

curl -s "$EXPEDITE_URL/api/v1/applications?limit=50&status=IN_PROGRESS&updatedSince=2026-12-01T00:00:00Z" \\
  -H "Authorization: Bearer $EXPEDITE_KEY"
# then again with &cursor=<nextCursor> until nextCursor is null`;
}

export function fetchProgress(context: QuickStartContext): string {
  return `const base = process.env.EXPEDITE_URL ?? "${context.origin}";
const headers = { Authorization: \`Bearer \${process.env.EXPEDITE_KEY}\` };

/** Every case changed since \`since\`, page by page. */
export async function* changedSince(since: Date) {
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: "100", updatedSince: since.toISOString() });
    if (cursor) query.set("cursor", cursor);
    const response = await fetch(\`\${base}/api/v1/applications?\${query}\`, { headers });
    if (!response.ok) throw new Error(JSON.stringify(await response.json()));
    const page = await response.json();
    yield* page.items; // { number, status, currentNode, version, updatedAt, due, links }
    cursor = page.nextCursor;
  } while (cursor);
}

const one = await (await fetch(\`\${base}/api/v1/applications/EX-…\`, { headers })).json();
console.log(one.status, one.currentNode, one.progress.percent, one.expectedCompletionAt);
console.log(one.history[0]); // the newest entry first`;
}

/** Runs as shown on the page: examples.test.ts compiles and calls it. */
export const VERIFY_WEBHOOK = `import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 5 * 60;

/**
 * True when the request was signed with \`secret\` (whsec_…, shown once when the endpoint was
 * registered) less than five minutes ago. \`rawBody\` is the body exactly as received.
 */
export function verifyWebhook(
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) return false; // a replay

  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(\`\${id}.\${timestamp}.\${rawBody}\`).digest();
  // "v1,<base64>", several separated by spaces while a secret is being rotated.
  return signature.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",");
    const given = Buffer.from(value ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}`;

export const WEBHOOK_RECEIVER = `import { createServer } from "node:http";
import { verifyWebhook } from "./verify-webhook";

const secret = process.env.EXPEDITE_WEBHOOK_SECRET!;
const seen = new Set<string>(); // in production: a table with a unique webhook-id

createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk);
  const rawBody = Buffer.concat(chunks).toString("utf8"); // verify before parsing

  const header = (name: string) => request.headers[name] as string | undefined;
  const id = header("webhook-id");
  const ok = verifyWebhook(
    secret,
    { id, timestamp: header("webhook-timestamp"), signature: header("webhook-signature") },
    rawBody,
  );
  if (!ok || !id) return void response.writeHead(401).end();

  if (!seen.has(id)) {
    seen.add(id); // at least once: the same event may come again after a timeout
    const event = JSON.parse(rawBody); // { id, type, occurredAt, data: { application } }
    console.log(event.type, event.data.application.number, event.data.application.currentNode);
  }
  response.writeHead(204).end(); // any 2xx, quickly; anything else is retried with backoff
}).listen(8080);`;

export function problemExample(): string {
  return `HTTP/1.1 422 Unprocessable Content
Content-Type: application/problem+json
Content-Language: en

${json({
  type: "/developers#problem-validation_failed",
  title: "Some fields are not acceptable",
  status: 422,
  code: "validation_failed",
  errors: [
    {
      field: "reason",
      code: "reasonTooShort",
      message: "Please explain in at least 30 characters: what happens when, and what proves it.",
    },
  ],
})}`;
}

const DAY_MS = 86_400_000;

/** The examples' context: needed two weeks from today in China Standard Time (UTC+8, no DST). */
export function quickStartContext(appUrl: string, now: Date): QuickStartContext {
  const day = new Date(now.getTime() + 8 * 3_600_000 + 14 * DAY_MS);
  return { origin: appUrl.replace(/\/+$/, ""), neededBy: day.toISOString().slice(0, 10) };
}
