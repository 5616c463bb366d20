import type { TimelineAction } from "@/lib/generated/prisma/enums";
import {
  MAIN_LINE,
  SUPPLEMENT_NODE,
  isClosedNode,
  isClosedStatus,
  isMainLineNode,
  mainLineIndex,
  pathForService,
  type ApplicationStatus,
  type WorkflowNode,
} from "./nodes";

/**
 * Turns a case and its timeline into what the progress bar and the node timeline show. Pure: the
 * caller passes `now` and the data it already loaded (without internal notes).
 *
 * Convention: a timeline event's `node` is where the case is after the event (ADVANCED into
 * SUBSTANTIVE_REVIEW is recorded on SUBSTANTIVE_REVIEW), so a visit to a node starts with the first
 * event on it and ends when the next visit starts; the event that ends a visit was done by whoever
 * handled it.
 */

export type ProgressEvent = {
  node: WorkflowNode;
  action: TimelineAction;
  occurredAt: Date;
  dueAt: Date | null;
  publicNote: string | null;
  /** Staff are named to the applicant; the applicant's own actions are not "handling". */
  actor: { name: string; staff: boolean } | null;
};

export type ProgressInput = {
  currentNode: WorkflowNode;
  status: ApplicationStatus;
  requiresExpertReview: boolean;
  nodeDueAt: Date | null;
  caseDueAt: Date | null;
  /** Who holds the case now, shown as the current node's handler. */
  assigneeName?: string | null;
  events: readonly ProgressEvent[];
  /** NodeTarget minutes of the case's service tier. */
  nodeTargets: Partial<Record<WorkflowNode, number>>;
  now: Date;
};

export type StepState = "completed" | "current" | "future" | "skipped";

export type TimelineStep = {
  /** Unique within one timeline (a node can be visited more than once); stable for the same history. */
  key: string;
  node: WorkflowNode;
  state: StepState;
  /** 1 on the first visit, 2 when material check is redone after a supplement, … */
  visit: number;
  /** The supplement side trip. */
  detour: boolean;
  /** The node that ended the case (document issued, rejected, withdrawn). */
  outcome: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
  dueAt: Date | null;
  /** Future steps: when this step is expected to be done. */
  expectedAt: Date | null;
  /** expectedAt is only the whole case's due time (no node targets to go by). */
  expectedIsCaseDue: boolean;
  handledBy: string[];
  notes: { at: Date; text: string }[];
};

export type CaseOutcome =
  "inProgress" | "awaitingApplicant" | "approved" | "completed" | "rejected" | "withdrawn";

export type CaseProgress = {
  percent: number;
  currentNode: WorkflowNode;
  currentNodeKey: `nodes.${WorkflowNode}`;
  outcome: CaseOutcome;
  /** Finished one way or another: 100 % does not mean approved. */
  ended: boolean;
  steps: TimelineStep[];
};

const OUTCOME: Record<ApplicationStatus, CaseOutcome> = {
  IN_PROGRESS: "inProgress",
  AWAITING_APPLICANT: "awaitingApplicant",
  APPROVED: "approved",
  COMPLETED: "completed",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
};

const MINUTE = 60_000;

export type SimpleProgressInput = Pick<ProgressInput, "currentNode" | "status" | "requiresExpertReview">;

/** Percentage and outcome from the current node alone: cheap enough for lists. */
export function simpleProgress({ currentNode, status, requiresExpertReview }: SimpleProgressInput) {
  const ended = isClosedStatus(status) || isClosedNode(currentNode);
  const path = pathForService({ requiresExpertReview });
  const position = mainLineIndex(currentNode);
  const done = path.filter((node) => MAIN_LINE.indexOf(node) < position).length;
  const percent = ended ? 100 : Math.min(100, Math.max(0, Math.round((done / (path.length - 1)) * 100)));
  return {
    percent,
    ended,
    outcome: OUTCOME[status],
    currentNode,
    currentNodeKey: `nodes.${currentNode}` as const,
  };
}

type Visit = { node: WorkflowNode; events: ProgressEvent[] };

function visitsOf(events: readonly ProgressEvent[], currentNode: WorkflowNode): Visit[] {
  // Array.prototype.sort is stable: events at the same instant keep the order they were written in.
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const visits: Visit[] = [];
  for (const event of ordered) {
    const last = visits.at(-1);
    if (last?.node === event.node) last.events.push(event);
    else visits.push({ node: event.node, events: [event] });
  }
  // A case whose history does not reach its current node still shows where it is.
  if (visits.at(-1)?.node !== currentNode) visits.push({ node: currentNode, events: [] });
  return visits;
}

function step(
  node: WorkflowNode,
  state: StepState,
  visit: number,
  extra: Partial<TimelineStep> = {},
): TimelineStep {
  return {
    key: "",
    node,
    state,
    visit,
    detour: node === SUPPLEMENT_NODE,
    outcome: false,
    startedAt: null,
    finishedAt: null,
    dueAt: null,
    expectedAt: null,
    expectedIsCaseDue: false,
    handledBy: [],
    notes: [],
    ...extra,
  };
}

function staffNames(events: readonly (ProgressEvent | undefined)[], extra?: string | null): string[] {
  const names = events.flatMap((event) => (event?.actor?.staff ? [event.actor.name] : []));
  if (extra) names.push(extra);
  return [...new Set(names)];
}

/** Main-line nodes strictly between two visited nodes: passed over (expert review for most services). */
function skippedBetween(from: WorkflowNode, to: WorkflowNode): WorkflowNode[] {
  if (!isMainLineNode(from) || !isMainLineNode(to)) return [];
  return MAIN_LINE.slice(MAIN_LINE.indexOf(from) + 1, MAIN_LINE.indexOf(to));
}

export function caseProgress(input: ProgressInput): CaseProgress {
  const summary = simpleProgress(input);
  const visits = visitsOf(input.events, input.currentNode);
  const steps: TimelineStep[] = [];
  const visitCount = new Map<WorkflowNode, number>();

  visits.forEach((visit, index) => {
    const previous = visits[index - 1];
    if (previous)
      for (const node of skippedBetween(previous.node, visit.node)) steps.push(step(node, "skipped", 0));
    const next = visits[index + 1];
    const isLast = index === visits.length - 1;
    const current = isLast && !summary.ended;
    const count = (visitCount.get(visit.node) ?? 0) + 1;
    visitCount.set(visit.node, count);
    const first = visit.events[0];
    const outcome = isLast && summary.ended;
    // A detour is handled by whoever asked for it and an outcome by whoever decided it; other nodes
    // by whoever worked on them and moved the case on (the event that entered them belongs to the previous node).
    const own = visit.node === SUPPLEMENT_NODE || outcome ? visit.events : visit.events.slice(1);
    steps.push(
      step(visit.node, current ? "current" : "completed", count, {
        outcome,
        startedAt: first?.occurredAt ?? null,
        finishedAt: next?.events[0]?.occurredAt ?? null,
        dueAt: current ? (input.nodeDueAt ?? first?.dueAt ?? null) : (first?.dueAt ?? null),
        handledBy: current ? staffNames(own, input.assigneeName) : staffNames([...own, next?.events[0]]),
        notes: visit.events.flatMap((event) =>
          event.publicNote ? [{ at: event.occurredAt, text: event.publicNote }] : [],
        ),
      }),
    );
  });

  const reached = Math.max(...visits.map((visit) => mainLineIndex(visit.node)));
  if (summary.ended) {
    for (const node of MAIN_LINE.slice(reached + 1)) steps.push(step(node, "skipped", 0));
  } else {
    steps.push(...futureSteps(input, steps.at(-1)!));
  }
  return { ...summary, steps: steps.map((entry, index) => ({ ...entry, key: `${index}-${entry.node}` })) };
}

function futureSteps(input: ProgressInput, current: TimelineStep): TimelineStep[] {
  const path: readonly WorkflowNode[] = pathForService(input);
  const now = input.now.getTime();
  // After a supplement the case goes back to material check; otherwise on to the next main-line node.
  const from =
    current.node === SUPPLEMENT_NODE ? mainLineIndex(SUPPLEMENT_NODE) : mainLineIndex(current.node) + 1;
  const currentTarget = input.nodeTargets[current.node];
  const currentDue =
    current.dueAt?.getTime() ??
    (current.startedAt && currentTarget !== undefined
      ? current.startedAt.getTime() + currentTarget * MINUTE
      : null);
  // An overdue step is still being worked on: nothing after it can be expected before now. Waiting
  // for the applicant is timed from now: answering sooner than the due time moves everything up.
  let cursor: number | null =
    current.node === SUPPLEMENT_NODE ? now : currentDue === null ? null : Math.max(now, currentDue);
  const decisionIndex = MAIN_LINE.indexOf("DECISION");

  return MAIN_LINE.slice(Math.max(0, from)).map((node) => {
    if (!path.includes(node)) return step(node, "skipped", 0);
    const target = input.nodeTargets[node];
    // Reaching the last node is its completion; every other node takes its target time.
    if (cursor !== null && node === "DOCUMENT_ISSUED") {
      return step(node, "future", 0, { expectedAt: new Date(cursor) });
    }
    cursor = cursor !== null && target !== undefined ? cursor + target * MINUTE : null;
    if (cursor !== null) return step(node, "future", 0, { expectedAt: new Date(cursor) });
    // No targets to go by: up to the decision, the case's own due time is the promise we can show.
    const byCaseDue = MAIN_LINE.indexOf(node) <= decisionIndex && input.caseDueAt !== null;
    return step(node, "future", 0, byCaseDue ? { expectedAt: input.caseDueAt, expectedIsCaseDue: true } : {});
  });
}
