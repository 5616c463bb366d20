// Test-only arrangements shared by the dashboard integration tests (not imported by the app): a
// service of their own, cases and their timelines.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { TimelineAction, WorkflowNode } from "@/lib/generated/prisma/enums";
import { createTestApplication } from "@/lib/testing/fixtures";
import type { DashboardFilters } from "./schema";

const MINUTE = 60_000;
export const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

export async function createDashboardService(name = `Service ${randomUUID().slice(0, 8)}`) {
  const code = `dash-${randomUUID().slice(0, 8)}`;
  return db.serviceType.create({
    data: {
      code,
      nameZh: `服务 ${name}`,
      nameEn: name,
      descriptionZh: "-",
      descriptionEn: "-",
      baseFeeMinor: 100,
    },
    select: { id: true, nameEn: true, nameZh: true },
  });
}

export type Step = {
  node: WorkflowNode;
  action: TimelineAction;
  at: number;
  due?: number;
  by?: string | null;
};

/**
 * A case submitted at `submittedAt` with its timeline; `at` and `due` are minutes after submission,
 * `by` the actor (the applicant when left out, null for the system).
 */
export async function createDashboardCase(
  ids: { applicantId: string; serviceId: string },
  submittedAt: Date,
  steps: Step[],
  data: { rating?: number; closed?: boolean } = {},
) {
  const last = steps.at(-1);
  const closed = data.closed ?? false;
  const created = await createTestApplication({
    ...ids,
    submittedAt,
    currentNode:
      [...steps]
        .reverse()
        .find(
          (step) => step.action !== "NOTE_ADDED" && step.action !== "FOLLOW_UP" && step.action !== "ASSIGNED",
        )?.node ?? "SUBMITTED",
    status: closed ? "WITHDRAWN" : "IN_PROGRESS",
    closedAt: closed && last ? minutesAfter(submittedAt, last.at) : null,
    rating: data.rating ?? null,
  });
  await db.timelineEvent.createMany({
    data: steps.map((step) => ({
      applicationId: created.id,
      node: step.node,
      action: step.action,
      actorId: step.by === undefined ? ids.applicantId : step.by,
      occurredAt: minutesAfter(submittedAt, step.at),
      dueAt: step.due === undefined ? null : minutesAfter(submittedAt, step.due),
    })),
  });
  return created;
}

export function filtersFor(from: string, to: string, service?: string): DashboardFilters {
  return { from, to, limited: false, ...(service ? { service } : {}) };
}
