import type { Format } from "@/lib/i18n/format";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { QueueRow } from "@/lib/console/data";
import { dueStateOf, formatLateness } from "@/lib/console/queue-due";
import type { UrgencyTier } from "@/lib/generated/prisma/enums";

/** The due column: the overdue flag carries a short text to see and a long one to hear. */
export type DueView =
  | { tone: "overdue"; short: string; long: string; detail: string }
  | { tone: "waiting" | "normal" | "muted"; text: string };

/** One row as plain strings, formatted on the server (one clock, one time zone, no hydration drift). */
export type QueueRowView = {
  id: string;
  number: string;
  displayNumber: string;
  href: string;
  service: string;
  tier: UrgencyTier;
  tierLabel: string;
  node: string;
  applicant: string;
  assignee: string;
  unassigned: boolean;
  due: DueView;
  neededBy: string;
  /** "Needs supervisor decision": the needed-by date can no longer be met (lib/sla). */
  deadlineRisk: string | null;
  /** "Nobody on duty": the case arrived with nobody on shift and is still unassigned (lib/rota). */
  unstaffed: string | null;
  /** "Supplement overdue": the applicant did not answer by the due time; staff decide (lib/workflow). */
  supplementOverdue: string | null;
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type RowTools = {
  /** The "queue" namespace. */
  t: Translate;
  tNodes: Translate;
  tTiers: Translate;
  format: Format;
  locale: string;
  viewerId: string;
  now: Date;
};

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

function dueView(row: QueueRow, { t, format, now }: RowTools): DueView {
  const when = (date: Date) => format.dateTime(date, WHEN);
  const state = dueStateOf(row, now);
  switch (state.kind) {
    case "overdue":
      return {
        tone: "overdue",
        short: t("overdueBy", { duration: formatLateness(state.lateMs, t, "short") }),
        long: t("overdueBy", { duration: formatLateness(state.lateMs, t, "long") }),
        detail: t("due.wasDue", { time: when(state.dueAt) }),
      };
    case "due":
      return { tone: "normal", text: t("due.at", { time: when(state.dueAt) }) };
    case "waitingForApplicant":
      return {
        tone: "waiting",
        text: state.dueAt ? t("due.waitingForApplicant", { time: when(state.dueAt) }) : t("due.waitingNoDue"),
      };
    case "scheduled":
      return { tone: "normal", text: t("due.scheduled", { time: when(state.startsAt) }) };
    case "closed":
      return {
        tone: "muted",
        text: t(
          ["COMPLETED", "REJECTED", "WITHDRAWN"].includes(row.status)
            ? `closed.${row.status}`
            : "closed.other",
        ),
      };
    case "none":
      return { tone: "muted", text: t("due.none") };
  }
}

export function toQueueRowView(row: QueueRow, tools: RowTools): QueueRowView {
  const { t, tNodes, tTiers, format, locale, viewerId } = tools;
  const scheduled = row.scheduledStartAt && !row.closedAt;
  const assignee = row.assigneeName ?? t(scheduled ? "assignedAtStart" : "unassigned");
  return {
    id: row.id,
    number: row.number,
    displayNumber: formatApplicationNumber(row.number),
    href: `/console/cases/${row.number}`,
    service: locale === "zh" ? row.serviceNameZh : row.serviceNameEn,
    tier: row.tier,
    tierLabel: tTiers(row.tier),
    node: tNodes(row.currentNode),
    applicant: row.applicantName,
    assignee: row.assigneeId === viewerId ? t("you", { name: assignee }) : assignee,
    unassigned: row.assigneeId === null && !scheduled,
    due: dueView(row, tools),
    neededBy: format.dateTime(row.neededBy, { dateStyle: "medium" }),
    deadlineRisk: row.deadlineRiskAt && !row.closedAt ? t("flags.deadlineRisk") : null,
    unstaffed: row.unstaffedAt && !row.assigneeId && !row.closedAt ? t("flags.unstaffed") : null,
    supplementOverdue: row.supplementLapsedAt && !row.closedAt ? t("flags.supplementOverdue") : null,
  };
}
