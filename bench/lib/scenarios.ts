import { randomUUID } from "node:crypto";
import type autocannon from "autocannon";
import type { Lookup, MovableCase } from "./fixtures";
import type { SimpleRequest } from "./paced";
import { actionBody, actionHeaders, smallPdf } from "./server-actions";

export type Scenario = {
  requests: autocannon.Request[];
  expectStatus?: (status: number) => boolean;
  /** Work counted from the answers, for scenarios whose unit is not one request. */
  unit?: string;
  work?: { done: number; failed: number };
  /** The next request for an open-loop (paced) run; read scenarios only. */
  sample?: () => SimpleRequest;
};

/** What one request cycle of a connection carries from request to answer (autocannon resets it per cycle). */
type Context = { email?: string; evidenceId?: string; item?: MovableCase };
const own = (context: object) => context as Context;

const roundRobin = <T>(items: readonly T[]) => {
  let next = 0;
  return () => items[next++ % items.length]!;
};

/** (a) POST /api/track with valid number + ID pairs, a different case each time. */
export function lookupScenario(lookups: readonly Lookup[]): Scenario {
  const pick = roundRobin(lookups);
  const headers = { "Content-Type": "application/json" };
  return {
    sample: () => ({ method: "POST", path: "/api/track", headers, body: JSON.stringify(pick()) }),
    requests: [
      {
        method: "POST",
        path: "/api/track",
        headers,
        setupRequest: (request) => ({ ...request, body: JSON.stringify(pick()) }),
      },
    ],
  };
}

/** (b), (d): one page, with or without a session. */
export function pageScenario(path: string, cookie?: string): Scenario {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  return { requests: [{ method: "GET", path, headers }], sample: () => ({ method: "GET", path, headers }) };
}

/** (c) An applicant's case pages, their cases in turn. */
export function casePageScenario(numbers: readonly string[], cookie: string): Scenario {
  const pick = roundRobin(numbers);
  const headers = { Cookie: cookie };
  return {
    requests: [
      {
        method: "GET",
        headers,
        setupRequest: (request) => ({ ...request, path: `/portal/applications/${pick()}` }),
      },
    ],
    sample: () => ({ method: "GET", path: `/portal/applications/${pick()}`, headers }),
  };
}

const UPLOADED = /"ok":true,"data":\{[^}]*"id":"([0-9a-f-]{36})"/;
const VERSION = /"ok":true,"data":\{"version":(\d+)\}/;

/**
 * (e) What the apply form does, over HTTP: the uploadEvidence action with a small PDF, then the
 * submitApplication action with that file and a fresh submission key; a submission counts when
 * the action redirects to the confirmation page. Every connection takes a signed-in applicant of
 * its own for each submission (one applicant's uploads take a per-uploader lock, so sharing one
 * account would measure that lock, not the app).
 */
export function submissionScenario(options: {
  origin: string;
  serviceCode: string;
  accounts: Map<string, string>;
  uploadActionId: string;
  submitActionId: string;
}): Scenario & { sentKeys: Set<string> } {
  const free = [...options.accounts.keys()];
  const work = { done: 0, failed: 0 };
  const sentKeys = new Set<string>();
  let uploads = 0;
  const path = `/portal/apply/${options.serviceCode}`;
  const neededBy = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const release = (context: Context) => {
    if (context.email) free.push(context.email);
    context.email = undefined;
  };
  const upload: autocannon.Request = {
    method: "POST",
    path,
    setupRequest: (request, context) => {
      // More connections than accounts (or a lost answer) would share one: counted as contention.
      const email = free.shift() ?? [...options.accounts.keys()][uploads % options.accounts.size]!;
      own(context).email = email;
      const { body, contentType } = actionBody(
        [
          [
            "file",
            {
              filename: "proof-of-urgency.pdf",
              contentType: "application/pdf",
              bytes: smallPdf(`${email} ${uploads++}`),
            },
          ],
          ["kind", "URGENCY_PROOF"],
        ],
        { withState: false },
      );
      return {
        ...request,
        body,
        headers: actionHeaders({
          actionId: options.uploadActionId,
          origin: options.origin,
          cookie: options.accounts.get(email)!,
          contentType,
        }),
      };
    },
    onResponse: (_status, body, context) => {
      const id = UPLOADED.exec(body)?.[1];
      if (id) own(context).evidenceId = id;
      else {
        work.failed++;
        release(own(context));
      }
    },
  };
  const submit: autocannon.Request = {
    method: "POST",
    path,
    // No upload, no submission: autocannon starts the cycle again.
    setupRequest: (request, context) => {
      const { email, evidenceId } = own(context);
      if (!email || !evidenceId) return undefined as unknown as autocannon.Request;
      const submissionKey = randomUUID();
      sentKeys.add(submissionKey);
      const { body, contentType } = actionBody(
        [
          ["serviceCode", options.serviceCode],
          ["tier", "URGENT"],
          ["neededBy", neededBy],
          ["utcOffsetMinutes", "480"],
          [
            "reason",
            "Production payments fail for all customers since this morning; every hour costs orders.",
          ],
          ["triageConsequence", "FINANCIAL_OR_LEGAL"],
          ["triageFixedDate", "NONE"],
          ["triageHealthSafety", "NO"],
          ["triageAffected", "MANY"],
          ["applicantName", "Bench Submitter"],
          ["idType", "PASSPORT"],
          ["idNumber", "E12345678"],
          ["phone", "13800138000"],
          ["email", email],
          ["evidenceIds", evidenceId],
          ["submissionKey", submissionKey],
        ],
        { withState: true },
      );
      return {
        ...request,
        body,
        headers: actionHeaders({
          actionId: options.submitActionId,
          origin: options.origin,
          cookie: options.accounts.get(email)!,
          contentType,
        }),
      };
    },
    onResponse: (_status, _body, context, headers) => {
      const redirect = String(headers?.["x-action-redirect"] ?? "");
      if (/\/portal\/applications\/EX[0-9A-Z]+\/confirmation/.test(redirect)) work.done++;
      else work.failed++;
      release(own(context));
    },
  };
  return {
    requests: [upload, submit],
    unit: "submissions",
    work,
    sentKeys,
    expectStatus: (status) => status >= 200 && status < 400,
  };
}

/**
 * (f) The workspace's staffTransition action (ADVANCE) by the reviewer the cases are assigned to,
 * each request on a case no other request holds; a case goes back in line with its new version
 * until it reaches the decision.
 */
export function transitionScenario(options: {
  origin: string;
  cookie: string;
  actionId: string;
  cases: readonly MovableCase[];
}): Scenario & { exhausted: () => number } {
  const queue = options.cases.map((item) => ({ ...item }));
  const work = { done: 0, failed: 0 };
  let exhausted = 0;
  return {
    unit: "transitions",
    work,
    exhausted: () => exhausted,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const item = queue.shift() ?? (exhausted++, options.cases[0]!);
          own(context).item = item;
          const { body, contentType } = actionBody(
            [
              ["applicationId", item.id],
              ["expectedVersion", String(item.version)],
              ["transition", "ADVANCE"],
              ["publicNote", ""],
              ["internalNote", ""],
            ],
            { withState: true },
          );
          return {
            ...request,
            path: `/console/cases/${item.number}`,
            body,
            headers: actionHeaders({
              actionId: options.actionId,
              origin: options.origin,
              cookie: options.cookie,
              contentType,
            }),
          };
        },
        onResponse: (_status, body, context) => {
          const item = own(context).item!;
          const version = VERSION.exec(body)?.[1];
          if (!version) return void work.failed++;
          work.done++;
          item.version = Number(version);
          if (--item.advancesLeft > 0) queue.push(item);
        },
      },
    ],
  };
}
