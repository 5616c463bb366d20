import { createHash } from "node:crypto";
import { generateApplicationNumber } from "../../lib/applications/application-number";
import {
  defaultSupplementDueAt,
  initialDueDates,
  type NodeTargetMinutes,
} from "../../lib/applications/deadline";
import { hashPassword } from "../../lib/auth/password";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { WorkflowNode } from "../../lib/generated/prisma/enums";
import { hashIdNumber } from "../../lib/identity/id-number-hash";
import { makeCnResidentId, maskIdNumber } from "../../lib/identity/id-number";
import { DEMO_CASES, type CaseSeed } from "./cases";
import { DEMO_SERVICES, NODE_TARGET_SHARES } from "./catalog";
import { seedRota } from "./rota";
import { DEMO_PASSWORD, DEMO_STAFF_SERVICES, DEMO_USERS } from "./users";

const HOUR = 60 * 60 * 1000;
const DEMO_APPLICANT_ID = makeCnResidentId("11010519900307123");

/** Deterministic bytes, so a demo case always gets the same application number. */
function seededRandom(key: string) {
  let counter = 0;
  return (length: number) => {
    const bytes = new Uint8Array(length);
    for (let index = 0; index < length; index++) {
      bytes[index] = createHash("sha256").update(`${key}:${counter++}`).digest()[0]!;
    }
    return bytes;
  };
}

export function demoApplicationNumber(key: string) {
  return generateApplicationNumber(seededRandom(`expedite-demo:${key}`));
}

/**
 * Creates what is missing and leaves what exists alone, so it is safe on every start and never
 * overwrites changes made in the app (a changed password, an edited fee).
 */
export async function seedDemoData(db: PrismaClient, options: { idHashKey: string; now?: Date }) {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const row = await db.user.upsert({
      where: { email: user.email },
      create: { ...user, passwordHash },
      update: {},
      select: { id: true },
    });
    users.set(user.email, row.id);
  }

  for (const [index, { tiers, evidence, ...service }] of DEMO_SERVICES.entries()) {
    const existing = await db.serviceType.findUnique({ where: { code: service.code }, select: { id: true } });
    if (existing) continue;
    await db.serviceType.create({
      data: {
        ...service,
        sortOrder: index,
        tiers: {
          create: tiers.map((tier) => ({
            ...tier,
            nodeTargets: {
              create: Object.entries(NODE_TARGET_SHARES)
                .filter(([node]) => node !== "EXPERT_REVIEW" || service.requiresExpertReview)
                .map(([node, share]) => ({
                  node: node as WorkflowNode,
                  targetMinutes: Math.max(15, Math.round(tier.processingHours * 60 * share)),
                })),
            },
          })),
        },
        evidence: {
          create: evidence.map((item, order) => ({
            kind: item.kind,
            labelZh: item.zh,
            labelEn: item.en,
            required: item.required ?? true,
            sortOrder: order,
          })),
        },
      },
    });
  }

  await seedStaffServices(db, users);
  await seedRota(db, users);
  const applicantId = users.get("applicant@expedite.test")!;
  for (const demoCase of DEMO_CASES)
    await seedCase(db, demoCase, { applicantId, users, idHashKey: options.idHashKey, now });
}

/** Only on a first seed: npm start seeds every time, and must not undo an administrator's changes. */
async function seedStaffServices(db: PrismaClient, users: Map<string, string>) {
  if ((await db.staffService.count()) > 0) return;
  const services = await db.serviceType.findMany({ select: { id: true, code: true } });
  for (const [email, codes] of Object.entries(DEMO_STAFF_SERVICES)) {
    const handled = services.filter((service) => codes === null || codes.includes(service.code));
    await db.staffService.createMany({
      data: handled.map((service) => ({ userId: users.get(email)!, serviceId: service.id })),
      skipDuplicates: true,
    });
  }
}

/**
 * A seeded step's due time by the rules: a submission gets the new case's first due time, a
 * supplement request the default answer time, a step that closes the case none, every other step
 * its node's target from when it was entered.
 */
function seededDueAt(
  step: CaseSeed["steps"][number],
  enteredAt: Date,
  rules: { submittedAt: Date; processingHours: number; nodeTargets: NodeTargetMinutes[]; closes: boolean },
): Date | null {
  if (step.action === "SUBMITTED") return initialDueDates(rules).nodeDueAt;
  if (step.action === "SUPPLEMENT_REQUESTED") return defaultSupplementDueAt(enteredAt);
  if (rules.closes) return null;
  const target = rules.nodeTargets.find((row) => row.node === step.node)?.targetMinutes;
  return target === undefined ? null : new Date(enteredAt.getTime() + target * 60_000);
}

async function seedCase(
  db: PrismaClient,
  demoCase: CaseSeed,
  context: { applicantId: string; users: Map<string, string>; idHashKey: string; now: Date },
) {
  const number = demoApplicationNumber(demoCase.key);
  if (await db.application.findUnique({ where: { number }, select: { id: true } })) return;
  const service = await db.serviceType.findUniqueOrThrow({
    where: { code: demoCase.service },
    select: {
      id: true,
      baseFeeMinor: true,
      tiers: {
        where: { tier: demoCase.tier },
        select: {
          surchargeMinor: true,
          processingHours: true,
          nodeTargets: { select: { node: true, targetMinutes: true } },
        },
      },
    },
  });
  const tier = service.tiers[0]!;
  const at = (hoursAgo: number) => new Date(context.now.getTime() - hoursAgo * HOUR);
  const submittedAt = at(demoCase.steps[0]!.hoursAgo);
  const assigneeId = demoCase.assignee ? context.users.get(demoCase.assignee) : undefined;
  const open = demoCase.status !== "COMPLETED";
  const last = demoCase.steps.at(-1)!;
  const { caseDueAt } = initialDueDates({
    submittedAt,
    processingHours: tier.processingHours,
    nodeTargets: tier.nodeTargets,
  });
  // Each step's due time as the workflow records it (lib/workflow/mutations.ts), so the demo obeys
  // the same rules as a real case: the application's due time is its last step's.
  const dueTimes = demoCase.steps.map((step, index) =>
    seededDueAt(step, at(step.hoursAgo), {
      submittedAt,
      processingHours: tier.processingHours,
      nodeTargets: tier.nodeTargets,
      closes: !open && index === demoCase.steps.length - 1,
    }),
  );
  const nodeDueAt = open ? dueTimes.at(-1)! : null;

  await db.$transaction(async (tx) => {
    const application = await tx.application.create({
      data: {
        number,
        applicantId: context.applicantId,
        serviceId: service.id,
        tier: demoCase.tier,
        reason: demoCase.reason,
        neededBy: new Date(context.now.getTime() + demoCase.neededInDays * 24 * HOUR),
        applicantName: "王小明",
        idType: "CN_RESIDENT_ID",
        idNumberHash: hashIdNumber("CN_RESIDENT_ID", DEMO_APPLICANT_ID, context.idHashKey),
        idNumberMasked: maskIdNumber("CN_RESIDENT_ID", DEMO_APPLICANT_ID),
        phone: "+86 138 0013 8000",
        email: "applicant@expedite.test",
        currentNode: demoCase.currentNode,
        status: demoCase.status,
        assigneeId,
        feeBaseMinor: service.baseFeeMinor,
        feeSurchargeMinor: tier.surchargeMinor,
        paymentStatus: demoCase.paid ? "PAID" : "UNPAID",
        paidAt: demoCase.paid ? submittedAt : null,
        nodeDueAt,
        nodeEnteredAt: at(last.hoursAgo),
        caseDueAt,
        submittedAt,
        closedAt: open ? null : at(last.hoursAgo),
      },
      select: { id: true },
    });
    await tx.timelineEvent.createMany({
      data: demoCase.steps.map((step, index) => ({
        applicationId: application.id,
        node: step.node,
        action: step.action,
        actorId: step.action === "SUBMITTED" ? context.applicantId : assigneeId,
        publicNote: step.publicNote,
        internalNote: step.internalNote,
        occurredAt: at(step.hoursAgo),
        dueAt: dueTimes[index],
      })),
    });
    if (demoCase.supplement && assigneeId) {
      await tx.supplementRequest.create({
        data: {
          applicationId: application.id,
          requestedById: assigneeId,
          // Requested by the last step, due when that step is (the rule's default answer time).
          createdAt: at(last.hoursAgo),
          dueAt: dueTimes.at(-1)!,
          items: {
            create: demoCase.supplement.problems.map((item, order) => ({ ...item, sortOrder: order })),
          },
        },
      });
    }
  });
}
