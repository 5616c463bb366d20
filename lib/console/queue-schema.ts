import { z } from "zod";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { URGENCY_TIERS } from "@/lib/catalog/tiers";
import { WorkflowNode } from "@/lib/generated/prisma/enums";
import { filterText } from "@/lib/validation/text";

export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_SEARCH_MAX = 100;
const PAGE_MAX = 100_000;

/** The nodes an open case can be at, in workflow order: the queue's node tabs. */
export const QUEUE_NODES = [
  "SUBMITTED",
  "MATERIAL_CHECK",
  "AWAITING_SUPPLEMENT",
  "SUBSTANTIVE_REVIEW",
  "EXPERT_REVIEW",
  "DECISION",
  "RESULT_NOTIFIED",
] as const satisfies readonly WorkflowNode[];

/** `assignee` in the URL: "me", "none" (unassigned) or a staff member's id. */
export type AssigneeFilter = { kind: "me" } | { kind: "none" } | { kind: "user"; id: string };

/**
 * A typed application number is looked up exactly (closed cases too: staff often search a case
 * that just finished); anything else is part of an applicant's name.
 */
export type QueueSearch = { kind: "number"; number: string; raw: string } | { kind: "name"; text: string };

export type QueueFilters = {
  node?: WorkflowNode;
  service?: string;
  tier?: (typeof URGENCY_TIERS)[number];
  assignee?: AssigneeFilter;
  overdue: boolean;
  search?: QueueSearch;
  page: number;
};

// The first value wins when a parameter is repeated (?node=A&node=B).
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Each field falls back on its own: one bad value never loses the others, and never throws. */
function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(first, schema.optional()).catch(undefined);
}

const assignee = z
  .union([z.literal("me"), z.literal("none"), z.uuid()])
  .transform((value): AssigneeFilter =>
    value === "me" || value === "none" ? { kind: value } : { kind: "user", id: value },
  );

const search = filterText()
  .transform((value) => value.normalize("NFC").trim().replace(/\s+/g, " ").slice(0, QUEUE_SEARCH_MAX))
  .transform((value): QueueSearch | undefined => {
    if (value === "") return undefined;
    const parsed = validateApplicationNumber(value);
    return parsed.ok ? { kind: "number", number: parsed.number, raw: value } : { kind: "name", text: value };
  });

const queueParamsSchema = z.object({
  node: lenient(z.enum(WorkflowNode)),
  service: lenient(z.uuid()),
  tier: lenient(z.enum(URGENCY_TIERS)),
  assignee: lenient(assignee),
  overdue: z
    .preprocess(first, z.literal("1").optional())
    .catch(undefined)
    .transform((value) => value === "1"),
  search: lenient(search),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(PAGE_MAX)).catch(1),
});

export type QueueSearchParams = Record<string, string | string[] | undefined>;

/** The queue's filters from the URL; unknown or malformed values mean "no filter" (or page 1). */
export function parseQueueFilters(params: QueueSearchParams): QueueFilters {
  // ?mine=1 and ?unassigned=1 are accepted too (short links); the canonical spelling is assignee=.
  const alias = first(params.mine) === "1" ? "me" : first(params.unassigned) === "1" ? "none" : undefined;
  const parsed = queueParamsSchema.parse({ ...params, assignee: params.assignee ?? alias, search: params.q });
  const filters: QueueFilters = { overdue: parsed.overdue, page: parsed.page };
  if (parsed.node) filters.node = parsed.node;
  if (parsed.service) filters.service = parsed.service;
  if (parsed.tier) filters.tier = parsed.tier;
  if (parsed.assignee) filters.assignee = parsed.assignee;
  if (parsed.search) filters.search = parsed.search;
  return filters;
}

/** The URL parameters for `filters`, in a fixed order (the inverse of parseQueueFilters). */
export function queueParams(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search)
    params.set("q", filters.search.kind === "number" ? filters.search.raw : filters.search.text);
  if (filters.node) params.set("node", filters.node);
  if (filters.service) params.set("service", filters.service);
  if (filters.tier) params.set("tier", filters.tier);
  if (filters.assignee)
    params.set("assignee", filters.assignee.kind === "user" ? filters.assignee.id : filters.assignee.kind);
  if (filters.overdue) params.set("overdue", "1");
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** A queue URL with some filters changed; any change but the page starts again at page 1. */
export function queueHref(filters: QueueFilters, change: Partial<QueueFilters> = {}): string {
  // A key given as undefined clears that filter: queueParams skips empty values.
  const next = { ...filters, page: 1, ...change };
  const query = queueParams({ ...next, overdue: next.overdue ?? false, page: next.page ?? 1 }).toString();
  return query ? `/console?${query}` : "/console";
}

/** True when anything but the page narrows the list. */
export function hasActiveFilters(filters: QueueFilters): boolean {
  return Boolean(
    filters.node || filters.service || filters.tier || filters.assignee || filters.overdue || filters.search,
  );
}

/** `text` as an ILIKE pattern matching it anywhere, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
