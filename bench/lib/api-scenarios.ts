import { randomUUID } from "node:crypto";
import type autocannon from "autocannon";
import type { Scenario } from "./scenarios";
import { multipart, smallPdf } from "./server-actions";

// The partner API's scenarios (issue 17): what a partner's system sends, with its key.

type Context = { secret?: string };
const own = (context: object) => context as Context;

/** (g) GET /api/v1/applications/{number}: a partner reads the progress of its cases in turn. */
export function apiProgressScenario(numbers: readonly string[], secret: string): Scenario {
  let next = 0;
  const pick = () => numbers[next++ % numbers.length]!;
  const headers = { Authorization: `Bearer ${secret}` };
  return {
    requests: [
      {
        method: "GET",
        headers,
        setupRequest: (request) => ({ ...request, path: `/api/v1/applications/${pick()}` }),
      },
    ],
    sample: () => ({ method: "GET", path: `/api/v1/applications/${pick()}`, headers }),
  };
}

/**
 * (h) POST /api/v1/applications as multipart: the application and one small PDF (the service's one
 * required kind) in one request, a fresh Idempotency-Key each; a submission counts on 201. Each
 * connection takes a partner of its own per submission, as (e) gives each an applicant: one
 * partner's files are stored as its drafts under one per-uploader lock and allowance.
 */
export function apiSubmissionScenario(options: {
  serviceCode: string;
  secrets: readonly string[];
}): Scenario & {
  sentKeys: Set<string>;
} {
  const free = [...options.secrets];
  const work = { done: 0, failed: 0 };
  const sentKeys = new Set<string>();
  let sent = 0;
  const neededBy = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const application = (email: string) =>
    JSON.stringify({
      serviceCode: options.serviceCode,
      tier: "URGENT",
      neededBy,
      reason: "Production payments fail for all customers since this morning; every hour costs orders.",
      applicant: { name: "Bench Submitter", idType: "PASSPORT", idNumber: "E12345678" },
      contact: { phone: "13800138000", email },
      triage: {
        consequence: "FINANCIAL_OR_LEGAL",
        fixedDate: "NONE",
        healthOrSafety: false,
        affected: "MANY",
      },
    });
  const request: autocannon.Request = {
    method: "POST",
    path: "/api/v1/applications",
    setupRequest: (base, context) => {
      const secret = free.shift() ?? options.secrets[sent % options.secrets.length]!;
      own(context).secret = secret;
      const key = randomUUID();
      sentKeys.add(key);
      const { body, contentType } = multipart([
        ["application", application(`bench-api-${sent}@bench.test`)],
        [
          "URGENCY_PROOF",
          {
            filename: "proof-of-urgency.pdf",
            contentType: "application/pdf",
            bytes: smallPdf(`api ${sent++}`),
          },
        ],
      ]);
      return {
        ...base,
        body,
        headers: { Authorization: `Bearer ${secret}`, "Idempotency-Key": key, "Content-Type": contentType },
      };
    },
    onResponse: (status, _body, context) => {
      if (status === 201) work.done++;
      else work.failed++;
      const { secret } = own(context);
      if (secret) free.push(secret);
      own(context).secret = undefined;
    },
  };
  return {
    requests: [request],
    unit: "submissions",
    work,
    sentKeys,
    expectStatus: (status) => status === 201,
  };
}
