import { z } from "zod";
import { formatApplicationNumber } from "@/lib/applications/application-number";

/**
 * An audit row in words for staff: the action's name, and its details as labelled lines whose values
 * name workflow steps, people and cases instead of codes and ids. Pure: the page passes a translator
 * over all messages, formatters in the viewer's zone, and the people and cases the rows mention.
 */

/** Every action the code writes today, by domain; the filter offers them, and each has a name in admin.json. */
export const AUDIT_ACTIONS = {
  application: ["submitted"],
  workflow: [
    "ADVANCE",
    "REQUEST_SUPPLEMENT",
    "PROVIDE_SUPPLEMENT",
    "APPROVE",
    "REJECT",
    "ISSUE_DOCUMENT",
    "WITHDRAW",
    "CLAIM",
    "ASSIGN",
    "ADD_NOTE",
    "UPLOAD_RESULT_DOCUMENT",
    "RECORD_PAYMENT",
    "RECORD_REFUND",
    "WAIVE_FEE",
    "FOLLOW_UP",
    "EXTEND_SUPPLEMENT",
    "CONTINUE_WITHOUT_SUPPLEMENT",
    "CLOSE_NOT_PROVIDED",
    "ACCEPT_AS_STANDARD",
    "UPGRADE_TIER",
  ],
  payment: ["pending", "recorded", "refunded"],
  case: ["rated"],
  rota: [
    "autoAssigned",
    "unstaffed",
    "shiftCreated",
    "shiftUpdated",
    "shiftDeleted",
    "membersChanged",
    "standardShiftsCreated",
    "loadWarning",
    "rebalanced",
    "caseRebalanced",
  ],
  handover: ["submitted", "acknowledged", "caseReassigned", "caseUnstaffed"],
  sla: ["warned", "escalated", "deadlineRisk", "supplementLapsed"],
  staff: ["created", "reactivated", "deactivated", "passwordReset", "roleChanged", "servicesChanged"],
  catalog: [
    "serviceCreated",
    "serviceUpdated",
    "tierUpdated",
    "evidenceAdded",
    "evidenceUpdated",
    "evidenceRemoved",
    "evidenceReordered",
  ],
  notification: ["retried"],
  paging: ["sent", "acknowledged", "escalated", "profileUpdated"],
  api: ["request"],
  apiKey: ["clientCreated", "created", "revoked"],
  webhook: ["endpointCreated", "endpointDeleted", "endpointDisabled", "endpointReenabled", "redelivered"],
} as const;
export type AuditDomain = keyof typeof AUDIT_ACTIONS;

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};
export type Segment = { text: string; href?: string };
export type Person = { name: string; href: string | null };
export type DescribeContext = {
  t: Translate;
  /** Users the rows mention (actor and ids in the details), by id. */
  people: ReadonlyMap<string, Person>;
  /** Application numbers (as stored) by application id. */
  cases: ReadonlyMap<string, string>;
  dateTime: (date: Date) => string;
  money: (amountMinor: number, currency: string) => string;
  number: (value: number) => string;
};
export type DescribedEntry = { action: string; lines: { label: string; value: Segment[] }[] };

/** Ids that mean nothing to a reader and have no page of their own (the entity column links the rest). */
const OPAQUE = new Set(["number", "version", "supplementRequestId", "requirementId", "evidenceId"]);
const TIMES = new Set([
  "dueAt",
  "previousDueAt",
  "expectedAt",
  "neededBy",
  "caseDueAt",
  "incomingAt",
  "paidAt",
  "expiresAt",
]);
const MONEY = new Set(["amountMinor", "feeTotalMinor", "baseFeeMinor", "surchargeMinor"]);
const uuid = z.uuid();

export const caseHref = (number: string) => `/console/cases/${number}`;
const LINKS: Record<string, (id: string) => string> = {
  handoverId: (id) => `/console/handover/${id}`,
  shiftId: (id) => `/console/rota/${id}`,
};

/** "workflow.ADVANCE" → the message key of its name, when one exists. */
function actionKey(action: string): string | null {
  const [domain, name, ...rest] = action.split(".");
  if (!domain || !name || rest.length > 0 || !/^\w+$/.test(domain) || !/^\w+$/.test(name)) return null;
  return `admin.audit.actions.${domain}.${name}`;
}

/** "UPLOAD_RESULT_DOCUMENT" / "tierUpdated" → "Upload result document" / "Tier updated". */
export function humanize(code: string): string {
  const words = code
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/[_.\-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionName(action: string, t: Translate): string {
  const key = actionKey(action);
  if (key && t.has(key)) return t(key);
  // An action this build has no name for (written by newer code): still words, never a raw code.
  const [domain = "", ...name] = action.split(".");
  const domainKey = `admin.audit.domains.${domain}`;
  return t("admin.audit.actions.unknown", {
    domain: /^\w+$/.test(domain) && t.has(domainKey) ? t(domainKey) : humanize(domain),
    name: humanize(name.join(" ")) || humanize(domain),
  });
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

function label(key: string, t: Translate): string {
  // The catalog writes one change per step target: "targets.DECISION".
  const target = /^targets\.(\w+)$/.exec(key);
  if (target && t.has(`nodes.${target[1]}`))
    return t("admin.audit.fields.targetFor", { node: t(`nodes.${target[1]}`) });
  const messageKey = `admin.audit.fields.${key}`;
  return /^\w+$/.test(key) && t.has(messageKey) ? t(messageKey) : humanize(key);
}

const join = (parts: Segment[][], t: Translate): Segment[] =>
  parts.flatMap((part, index) => (index === 0 ? part : [{ text: t("admin.audit.separator") }, ...part]));

/** Ids left unresolved are dropped: a bare UUID is what made the old log unreadable. */
const unresolvedId = (segments: Segment[]) =>
  segments.length > 0 && segments.every((segment) => !segment.href && uuid.safeParse(segment.text).success);

/** One value in words: a step, a role, a person, a case, a time, a yes/no, or the text as it is. */
function valueOf(
  key: string,
  value: unknown,
  record: Record<string, unknown>,
  ctx: DescribeContext,
): Segment[] {
  const { t } = ctx;
  if (Array.isArray(value))
    return join(
      value.map((item) => valueOf(key, item, record, ctx)).filter((item) => !unresolvedId(item)),
      t,
    );
  if (typeof value === "boolean") return [{ text: t(value ? "admin.audit.yes" : "admin.audit.no") }];
  if (typeof value === "number") {
    const currency = typeof record.currency === "string" ? record.currency : null;
    if (MONEY.has(key) && currency) return [{ text: ctx.money(value, currency) }];
    return [{ text: ctx.number(value) }];
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => !isEmpty(item));
    return join(
      entries.map(([inner, item]) => [
        { text: `${label(inner, t)}${t("admin.audit.colon")}` },
        ...valueOf(inner, item, value as Record<string, unknown>, ctx),
      ]),
      t,
    );
  }
  const text = String(value);
  if (TIMES.has(key) && !Number.isNaN(Date.parse(text))) return [{ text: ctx.dateTime(new Date(text)) }];
  if (uuid.safeParse(text).success) {
    const person = ctx.people.get(text);
    if (person) return [{ text: person.name, ...(person.href ? { href: person.href } : {}) }];
    const number = ctx.cases.get(text);
    if (number) return [{ text: formatApplicationNumber(number), href: caseHref(number) }];
    const link = LINKS[key];
    if (link) return [{ text: t("admin.audit.open"), href: link(text) }];
  }
  for (const prefix of ["nodes", "roles", "catalog.tiers", `admin.audit.values.${key}`]) {
    const messageKey = `${prefix}.${text}`;
    if (/^\w+$/.test(text) && t.has(messageKey)) return [{ text: t(messageKey) }];
  }
  return [{ text }];
}

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === "object" && value !== null && "from" in value && "to" in value;

export function describeAuditEntry(
  entry: { action: string; details: unknown },
  ctx: DescribeContext,
): DescribedEntry {
  const { t } = ctx;
  const details =
    typeof entry.details === "object" && entry.details !== null && !Array.isArray(entry.details)
      ? (entry.details as Record<string, unknown>)
      : isEmpty(entry.details)
        ? {}
        : { value: entry.details };
  // A list of changes ({ field: { from, to } }) reads like the top-level fields.
  const flat = Object.entries(details).flatMap(([key, value]) =>
    key === "changes" && typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>)
      : [[key, value] as const],
  );
  const lines: DescribedEntry["lines"] = [];
  // from/to of one change read as one line: "Step: Material check → Decision".
  if (isChange(details) && !isEmpty(details.from) && !isEmpty(details.to)) {
    const from = valueOf("from", details.from, details, ctx);
    const to = valueOf("to", details.to, details, ctx);
    lines.push({ label: t("admin.audit.fields.change"), value: [...from, { text: " → " }, ...to] });
  }
  for (const [key, value] of flat) {
    if (OPAQUE.has(key) || isEmpty(value) || (key === "currency" && flat.some(([other]) => MONEY.has(other))))
      continue;
    if ((key === "from" || key === "to") && isChange(details)) continue;
    if (isChange(value)) {
      if (JSON.stringify(value.from) === JSON.stringify(value.to)) continue;
      const from = isEmpty(value.from)
        ? [{ text: t("admin.audit.none") }]
        : valueOf(key, value.from, details, ctx);
      const to = isEmpty(value.to) ? [{ text: t("admin.audit.none") }] : valueOf(key, value.to, details, ctx);
      lines.push({ label: label(key, t), value: [...from, { text: " → " }, ...to] });
      continue;
    }
    const segments = valueOf(key, value, details, ctx);
    if (segments.length > 0 && !unresolvedId(segments)) lines.push({ label: label(key, t), value: segments });
  }
  return { action: actionName(entry.action, t), lines };
}
