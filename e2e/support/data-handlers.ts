// What the e2e fixtures arrange, through the same data layer the app uses wherever lib/ has a
// function for it (accounts, services, staffing, claims, shifts, workflow steps, session tokens),
// and through the typed Prisma client where it has none (cases in a given state, reading the outbox).
// Runs in e2e/support/data-server.ts, never in the Playwright process (lib/ is server-only and the
// generated client is ESM); the fixtures reach it through e2e/support/data.ts.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApplication } from "@/lib/applications/mutations";
import { buildApplicationSchema } from "@/lib/applications/schema";
import { isNight } from "@/lib/applications/triage";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { endSessions } from "@/lib/auth/session-mutations";
import { sessionTokenClaims } from "@/lib/auth/session-token";
import {
  addEvidenceRequirement,
  createService as createCatalogService,
  updateService,
} from "@/lib/catalog/mutations";
import { addEvidenceSchema, createServiceSchema, updateServiceSchema } from "@/lib/catalog/admin-schema";
import { db } from "@/lib/db";
import { applicationFormValues } from "@/lib/testing/fixtures";
import type { ApplicationStatus, Role, UrgencyTier, WorkflowNode } from "@/lib/generated/prisma/enums";
import { maskIdNumber } from "@/lib/identity/id-number";
import { hashIdNumber } from "@/lib/identity/id-number-hash";
import { assignOnDuty } from "@/lib/rota/auto-assign-mutations";
import { createShift, setShiftMembers } from "@/lib/rota/mutations";
import { shiftInputSchema } from "@/lib/rota/schema";
import { localTime } from "@/lib/rota/shift-time";
import { createStaffAccount, setStaffActive, setStaffServices } from "@/lib/staff/mutations";
import { createStaffSchema } from "@/lib/staff/schema";
import { claimCase } from "@/lib/workflow/operation-mutations";
import { runSupplementLapse } from "@/lib/workflow/deadline-mutations";
import { runWebhookDeliveryOnce } from "@/lib/webhooks/delivery";
import { generateWebhookSecret } from "@/lib/webhooks/signature";
import { performTransition, requestSupplement } from "@/lib/workflow/mutations";

export type TestUser = { id: string; email: string; password: string; displayName: string };
export type StaffStep = "ADVANCE" | "REQUEST_SUPPLEMENT";
export type QueueCase = {
  tier: UrgencyTier;
  /** Minutes from now to the step's due time; negative is overdue. */
  dueInMinutes: number;
  status?: Extract<ApplicationStatus, "IN_PROGRESS" | "AWAITING_APPLICANT">;
  node?: WorkflowNode;
};

const HOUR = 60 * 60 * 1000;

/** The administrator the fixtures act as where lib/ wants one (audit rows name it), made once per process. */
let fixtureAdmin: Promise<{ id: string; role: Role }> | undefined;
function admin() {
  fixtureAdmin ??= db.user.create({
    data: {
      email: `fixture-admin-${randomUUID()}@e2e.test`,
      displayName: "E2E fixture admin",
      passwordHash: "not a hash: this account never signs in",
      role: "ADMIN",
    },
    select: { id: true, role: true },
  });
  return fixtureAdmin;
}

async function viewer(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true } });
}

async function caseByNumber(number: string) {
  return db.application.findUniqueOrThrow({ where: { number }, select: { id: true, version: true } });
}

/** A plausible submitted case; `data` overrides what a test is about (state, due time, identity). */
async function insertCase(
  applicantId: string,
  serviceId: string,
  tier: UrgencyTier,
  data: {
    currentNode?: WorkflowNode;
    status?: ApplicationStatus;
    nodeDueAt?: Date;
    idType?: "PASSPORT" | "CN_RESIDENT_ID";
    idNumberHash?: string;
    idNumberMasked?: string;
    applicantName?: string;
  } = {},
) {
  const number = generateApplicationNumber();
  const service = await db.serviceType.findUniqueOrThrow({
    where: { id: serviceId },
    select: { baseFeeMinor: true },
  });
  await db.application.create({
    data: {
      number,
      applicantId,
      serviceId,
      tier,
      reason: "I need the invitation letter before the conference because the visa office closes.",
      neededBy: new Date(Date.now() + 240 * HOUR),
      applicantName: "E2E Applicant",
      idType: "PASSPORT",
      idNumberHash: randomUUID(),
      idNumberMasked: "E*****678",
      phone: "+86 138 0000 0000",
      email: "e2e@e2e.test",
      feeBaseMinor: service.baseFeeMinor,
      feeSurchargeMinor: 0,
      nodeDueAt: new Date(Date.now() + 24 * HOUR),
      caseDueAt: new Date(Date.now() + 7 * 24 * HOUR),
      ...data,
      timeline: { create: { node: "SUBMITTED", action: "SUBMITTED", actorId: applicantId } },
    },
    select: { id: true },
  });
  return number;
}

export const handlers = {
  /** Staff accounts as an administrator creates them; applicants (confirmed) as the seed does. */
  async createUser(role: Role, overrides: Partial<Omit<TestUser, "id">> = {}): Promise<TestUser> {
    const email = overrides.email ?? `${role.toLowerCase()}-${randomUUID()}@e2e.test`;
    const password = overrides.password ?? "e2e password 2026";
    const displayName = overrides.displayName ?? `E2E ${role.toLowerCase()}`;
    if (role === "APPLICANT") {
      const { id } = await db.user.create({
        data: { email, displayName, passwordHash: await hashPassword(password), role },
        select: { id: true },
      });
      return { id, email, password, displayName };
    }
    const input = createStaffSchema.parse({ email, displayName, role, password, locale: "zh" });
    const { id } = await createStaffAccount(await admin(), input);
    return { id, email, password, displayName };
  },

  /** The session token next-auth's jwt callback makes at sign-in, encoded as next-auth would. */
  async sessionToken(userId: string): Promise<{ name: string; value: string; maxAge: number }> {
    const claims = await sessionTokenClaims({}, { id: userId });
    if (!claims.sub) throw new Error(`no account ${userId} to sign in`);
    const maxAge = authOptions.session!.maxAge!;
    const secret = process.env.NEXTAUTH_SECRET;
    if (!secret) throw new Error("NEXTAUTH_SECRET is not set: run the e2e tests through `npm test`.");
    // Over plain http next-auth names the cookie without the __Secure- prefix (NEXTAUTH_URL is http here).
    return {
      name: "next-auth.session-token",
      value: await encode({ token: claims, secret, maxAge }),
      maxAge,
    };
  },

  /** A service of its own (active, standard tier), so other tests' cases never get between a test's cases. */
  /** A required document for the service's applications, as the catalog editor adds one. */
  async requireEvidence(serviceId: string, labelEn: string): Promise<void> {
    await addEvidenceRequirement(
      await admin(),
      addEvidenceSchema.parse({ serviceId, kind: "ID_PROOF", labelZh: labelEn, labelEn, required: "on" }),
    );
  },

  async createService(prefix: string): Promise<{ id: string; code: string; nameEn: string }> {
    const code = `${prefix}-${randomUUID().slice(0, 8)}`;
    const fields = {
      nameZh: `服务 ${code}`,
      nameEn: `Service ${code}`,
      descriptionZh: "-",
      descriptionEn: "-",
      baseFeeMinor: "100",
      sortOrder: "0",
    };
    const by = await admin();
    const { id } = await createCatalogService(
      by,
      createServiceSchema.parse({ code, ...fields, processingHours: "72" }),
    );
    // New services start inactive until an admin completes them; these are complete enough.
    await updateService(by, updateServiceSchema.parse({ serviceId: id, ...fields, active: "on" }));
    return { id, code, nameEn: fields.nameEn };
  },

  /** Adds a service to those a staff member handles, as an administrator would. */
  async handleService(userId: string, serviceId: string): Promise<void> {
    const current = await db.staffService.findMany({ where: { userId }, select: { serviceId: true } });
    await setStaffServices(await admin(), {
      userId,
      serviceIds: [...current.map((row) => row.serviceId), serviceId],
    });
  },

  async deactivateStaff(userId: string): Promise<void> {
    await setStaffActive(await admin(), { userId, active: false });
  },

  /**
   * Changes behind the app's back, as any other tool with database access could: the database's
   * own trigger (migration 20261205130000) must still end the account's sessions.
   */
  async changeAccountDirectly(userId: string, data: { role?: Role; passwordHash?: string }): Promise<void> {
    await db.user.update({ where: { id: userId }, data, select: { id: true } });
  },

  /** A submitted case for `applicantId`, created directly (for tests about what happens after submission). */
  async createSubmittedCase(applicantId: string, serviceCode: string, tier: UrgencyTier): Promise<string> {
    const service = await db.serviceType.findUniqueOrThrow({
      where: { code: serviceCode },
      select: { id: true },
    });
    return insertCase(applicantId, service.id, tier);
  },

  /** A case at a given step and due time (the queue's order and overdue flags are about those). */
  async createQueueCase(
    applicantId: string,
    serviceId: string,
    { tier, dueInMinutes, status = "IN_PROGRESS", node = "MATERIAL_CHECK" }: QueueCase,
  ): Promise<string> {
    return insertCase(applicantId, serviceId, tier, {
      currentNode: node,
      status,
      nodeDueAt: new Date(Date.now() + dueInMinutes * 60_000),
    });
  },

  /** A case filed with a known mainland ID number, hashed with the server's ID_HASH_KEY, so /track finds it. */
  async createTrackableCase(applicantId: string, idNumber: string, applicantName: string): Promise<string> {
    const key = process.env.ID_HASH_KEY;
    if (!key) throw new Error("ID_HASH_KEY is not set: run the e2e tests through `npm test`.");
    const service = await db.serviceType.findUniqueOrThrow({
      where: { code: "visa-invitation" },
      select: { id: true },
    });
    return insertCase(applicantId, service.id, "STANDARD", {
      idType: "CN_RESIDENT_ID",
      idNumberHash: hashIdNumber("CN_RESIDENT_ID", idNumber, key),
      idNumberMasked: maskIdNumber("CN_RESIDENT_ID", idNumber),
      applicantName,
    });
  },

  /** The reviewer takes the case, as "Claim this case" does. */
  async claimCase(number: string, reviewerId: string): Promise<void> {
    const current = await caseByNumber(number);
    await claimCase({
      applicationId: current.id,
      expectedVersion: current.version,
      viewer: await viewer(reviewerId),
    });
  },

  /** Staff steps through the real workflow module, as the console does. */
  async runStaffSteps(number: string, reviewerId: string, steps: StaffStep[]): Promise<void> {
    const by = await viewer(reviewerId);
    // Reviewers act on cases assigned to them: arrange that, as a supervisor would in the console
    // (the demo rota may have given the case to whoever is on duty).
    await db.application.updateMany({
      where: { number, OR: [{ assigneeId: null }, { assigneeId: { not: reviewerId } }] },
      data: { assigneeId: reviewerId, version: { increment: 1 } },
    });
    for (const step of steps) {
      const current = await caseByNumber(number);
      const common = { applicationId: current.id, expectedVersion: current.version, viewer: by };
      if (step === "ADVANCE") {
        await performTransition({
          ...common,
          transition: "ADVANCE",
          input: { publicNote: "Your documents are being checked." },
        });
      } else {
        await requestSupplement({
          ...common,
          items: [
            { problem: "The hospital letter is not signed", suggestion: "Upload a signed and stamped copy" },
          ],
          dueAt: new Date(Date.now() + 24 * HOUR),
          publicNote: "Please send a signed hospital letter.",
        });
      }
    }
  },

  /**
   * A rota shift from `fromMinutes` to `toMinutes` around now (e.g. -60 and 60: it started an hour ago
   * and ends in an hour), on the weekday and clock of the server's rota zone, with its members.
   */
  async createShiftAround(
    memberIds: string[],
    fromMinutes: number,
    toMinutes: number,
  ): Promise<{ id: string; name: string }> {
    const zone = process.env.ROTA_TIME_ZONE || "Asia/Shanghai";
    const at = (offset: number) => localTime(new Date(Date.now() + offset * 60_000), zone);
    const clock = (minute: number) =>
      `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
    const [start, end] = [at(fromMinutes), at(toMinutes)];
    const name = `E2E shift ${randomUUID().slice(0, 6)}`;
    const by = await admin();
    const shift = await createShift(
      by,
      shiftInputSchema.parse({
        name,
        weekday: start.weekday,
        start: clock(start.minute),
        end: clock(end.minute),
      }),
    );
    await setShiftMembers(by, { shiftId: shift.id, userIds: memberIds });
    return { id: shift.id, name };
  },

  /** The path of the last `template` email to `email`, from its outbox row (what the dev mailbox would show). */
  async emailedPath(email: string, template: string): Promise<string | null> {
    const row = await db.notification.findFirst({
      where: { toAddress: email, template },
      orderBy: { createdAt: "desc" },
      select: { payload: true },
    });
    const path = (row?.payload as { path?: unknown } | undefined)?.path;
    return typeof path === "string" ? path : null;
  },

  /** The email outbox: ids of rows marked sent, and how many are still waiting (pending or retrying). */
  async emailOutbox(): Promise<{ sentIds: string[]; waiting: number; failed: number }> {
    const rows = await db.notification.findMany({
      where: { channel: "EMAIL" },
      select: { id: true, status: true },
    });
    return {
      sentIds: rows.filter((row) => row.status === "SENT").map((row) => row.id),
      waiting: rows.filter((row) => row.status === "PENDING").length,
      failed: rows.filter((row) => row.status === "FAILED").length,
    };
  },

  /** Who among `emails` got a `template` email. */
  async emailRecipients(emails: string[], template: string): Promise<string[]> {
    const rows = await db.notification.findMany({
      where: { template, toAddress: { in: emails } },
      select: { toAddress: true },
    });
    return rows.flatMap((row) => (row.toAddress ? [row.toAddress] : []));
  },

  async uploadsBy(userId: string): Promise<{ id: string; sizeBytes: number }[]> {
    return db.evidenceFile.findMany({ where: { uploaderId: userId }, select: { id: true, sizeBytes: true } });
  },

  /** Forgets the failures recorded under keys with these prefixes (every test comes from 127.0.0.1). */
  async resetRateLimits(prefixes: string[]): Promise<void> {
    await db.rateLimit.deleteMany({
      where: { OR: prefixes.map((prefix) => ({ key: { startsWith: prefix } })) },
    });
  },

  /** Open cases of the service one person may hold before the supervisors are warned (issue 15 item 3). */
  async setLoadThreshold(serviceId: string, threshold: number | null): Promise<void> {
    await db.serviceType.update({ where: { id: serviceId }, data: { loadThreshold: threshold } });
  },

  /** Ends every session of the account, as sign-out elsewhere does; the password stays (lib/auth/session-mutations). */
  async endSessions(userId: string): Promise<void> {
    const { sessionVersion } = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { sessionVersion: true },
    });
    await endSessions(userId, sessionVersion);
  },

  /** The on-duty assignment a submission makes (lib/rota), for a case created directly. */
  async autoAssignCase(number: string): Promise<void> {
    const current = await db.application.findUniqueOrThrow({
      where: { number },
      select: { id: true, serviceId: true },
    });
    await db.$transaction((tx) =>
      assignOnDuty(tx, {
        applicationId: current.id,
        serviceId: current.serviceId,
        reason: "new",
        now: new Date(),
      }),
    );
  },

  /** Moves the case's step due time `minutes` into the past (a late step, as the overdue watch sees it). */
  async makeStepLate(number: string, minutes: number): Promise<void> {
    await db.application.update({
      where: { number },
      data: { nodeDueAt: new Date(Date.now() - minutes * 60_000), version: { increment: 1 } },
      select: { id: true },
    });
  },

  /**
   * A case that went through review and was refused at the decision, paid and closed in time, with
   * its history written as the workflow would (the rejection's reason as the public note).
   */
  async rejectPaidCase(number: string, reason: string): Promise<void> {
    // After the submission event (written at creation), one second per step.
    const start = Date.now();
    const at = (step: number) => new Date(start + step * 1000);
    const row = await db.application.update({
      where: { number },
      data: {
        currentNode: "REJECTED",
        status: "REJECTED",
        paymentStatus: "PAID",
        paidAt: at(0),
        nodeDueAt: null,
        closedAt: at(4),
        version: { increment: 1 },
      },
      select: { id: true },
    });
    await db.timelineEvent.createMany({
      data: [
        { applicationId: row.id, node: "MATERIAL_CHECK", action: "ADVANCED", occurredAt: at(1) },
        { applicationId: row.id, node: "SUBSTANTIVE_REVIEW", action: "ADVANCED", occurredAt: at(2) },
        { applicationId: row.id, node: "DECISION", action: "ADVANCED", occurredAt: at(3) },
        {
          applicationId: row.id,
          node: "REJECTED",
          action: "REJECTED",
          occurredAt: at(4),
          publicNote: reason,
        },
      ],
    });
  },

  /** Puts the case at the decision step, unpaid, held by `reviewerId`. */
  async atDecisionUnpaid(number: string, reviewerId: string): Promise<void> {
    await db.application.update({
      where: { number },
      data: {
        currentNode: "DECISION",
        assigneeId: reviewerId,
        paymentStatus: "UNPAID",
        version: { increment: 1 },
      },
      select: { id: true },
    });
  },

  /**
   * The case's open supplement request as if asked two hours ago and due a minute ago, then the
   * lapse watch's pass (lib/workflow/deadline-mutations.ts) as the worker would run it now.
   */
  async lapseSupplement(number: string): Promise<void> {
    const row = await db.application.findUniqueOrThrow({ where: { number }, select: { id: true } });
    const dueAt = new Date(Date.now() - 60_000);
    await db.supplementRequest.updateMany({
      where: { applicationId: row.id, status: "OPEN" },
      data: { createdAt: new Date(Date.now() - 2 * HOUR), dueAt },
    });
    await db.application.update({ where: { id: row.id }, data: { nodeDueAt: dueAt }, select: { id: true } });
    await runSupplementLapse({ now: new Date() });
  },

  /**
   * A paid case of a seeded service at `tier` (its surcharge from the catalog), at material check,
   * held by `reviewerId` when given: what tier changes start from (decision 032).
   */
  async paidTierCase(
    applicantId: string,
    serviceCode: string,
    tier: UrgencyTier,
    reviewerId: string | null,
  ): Promise<string> {
    const service = await db.serviceType.findUniqueOrThrow({
      where: { code: serviceCode },
      select: { id: true, tiers: { where: { tier }, select: { surchargeMinor: true } } },
    });
    const number = await insertCase(applicantId, service.id, tier, { currentNode: "MATERIAL_CHECK" });
    await db.application.update({
      where: { number },
      data: {
        feeSurchargeMinor: service.tiers[0]!.surchargeMinor,
        paymentStatus: "PAID",
        paidAt: new Date(),
        assigneeId: reviewerId,
      },
      select: { id: true },
    });
    return number;
  },

  /**
   * A calm case filed through createApplication with "start next morning" at night in the rota's
   * zone: now if it is night there, else 23:00 tonight (the app takes its clock as a parameter).
   * Returns the number and the start the server stored (decision 035).
   */
  async fileNightCase(applicantId: string): Promise<{ number: string; startsAt: string }> {
    const zone = process.env.ROTA_TIME_ZONE || "Asia/Shanghai";
    const real = new Date();
    const minuteStart = Math.floor(real.getTime() / 60_000) * 60_000;
    const now = isNight(real, zone)
      ? real
      : new Date(minuteStart + (23 * 60 - localTime(real, zone).minute) * 60_000);
    const draft = async (kind: "ID_PROOF" | "OTHER" | "URGENCY_PROOF") =>
      (
        await db.evidenceFile.create({
          data: {
            uploaderId: applicantId,
            kind,
            originalName: `${kind.toLowerCase()}.pdf`,
            mimeType: "application/pdf",
            sizeBytes: 1000,
            sha256: randomUUID().replaceAll("-", ""),
            storageKey: randomUUID(),
          },
          select: { id: true },
        })
      ).id;
    const input = buildApplicationSchema(() => now).parse({
      serviceCode: "passport-renewal",
      tier: "STANDARD",
      neededBy: new Date(now.getTime() + 40 * 24 * HOUR).toISOString().slice(0, 10),
      utcOffsetMinutes: "-480",
      reason: "I would like my passport renewed before a holiday next month; nothing is at risk.",
      triageConsequence: "INCONVENIENCE",
      triageFixedDate: "NONE",
      triageFixedDateOn: "",
      triageHealthSafety: "NO",
      triageAffected: "SELF",
      triageNextDay: "yes",
      applicantName: "王小明",
      idType: "PASSPORT",
      idNumber: "E12345678",
      phone: "+86 138 0013 8000",
      email: "e2e-night@e2e.test",
      submissionKey: randomUUID(),
      evidenceIds: [await draft("ID_PROOF"), await draft("OTHER"), await draft("URGENCY_PROOF")],
    });
    const created = await createApplication(await viewer(applicantId), input, { now });
    const row = await db.application.findUniqueOrThrow({
      where: { id: created.id },
      select: { scheduledStartAt: true },
    });
    if (!row.scheduledStartAt) throw new Error("the night-time case was not scheduled");
    return { number: created.number, startsAt: row.scheduledStartAt.toISOString() };
  },

  /** The outbox relay's passes, as the worker runs them (the e2e server runs no worker): e2e/support/relay-once.ts. */
  async relayOutbox(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "e2e/support/relay-once.ts"], {
      env: process.env,
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`the outbox relay failed (${code}):\n${stderr}`);
  },

  /**
   * Files a case as the submit action does (lib/applications createApplication: assignment to the
   * reviewer on duty and, for express, the page), the tier made available on the service first.
   * No documents: the test services require none. Returns the case number.
   */
  async fileCase(applicantId: string, serviceId: string, tier: UrgencyTier): Promise<string> {
    const service = await db.serviceType.findUniqueOrThrow({
      where: { id: serviceId },
      select: { code: true },
    });
    await db.serviceTier.upsert({
      where: { serviceId_tier: { serviceId, tier } },
      create: { serviceId, tier, processingHours: 24 },
      update: { available: true },
      select: { id: true },
    });
    const neededBy = new Date(Date.now() + 5 * 24 * HOUR).toISOString().slice(0, 10);
    const input = buildApplicationSchema().parse(
      applicationFormValues({
        serviceCode: service.code,
        tier,
        neededBy,
        reason:
          "I need this urgently because my mother is in hospital abroad and I must travel; letter attached.",
        applicantName: "Wang Xiaoming",
        email: "e2e@e2e.test",
      }),
    );
    const { number } = await createApplication({ id: applicantId, role: "APPLICANT" }, input);
    return number;
  },

  /**
   * Puts an express case at the decision step, held by `reviewerId`, paid (base fee plus a 50 yuan
   * surcharge) and already past its promised time: deciding it now is late (issue 16).
   */
  async latePaidCaseAtDecision(number: string, reviewerId: string): Promise<void> {
    const start = Date.now() - 3 * HOUR;
    const at = (step: number) => new Date(start + step * 60_000);
    const row = await db.application.update({
      where: { number },
      data: {
        tier: "EXPRESS",
        feeSurchargeMinor: 5_000,
        currentNode: "DECISION",
        assigneeId: reviewerId,
        paymentStatus: "PAID",
        paidAt: at(0),
        paymentProvider: "simulated",
        paymentReference: `PAY-E2E-${randomUUID()}`,
        caseDueAt: new Date(Date.now() - HOUR),
        nodeDueAt: new Date(Date.now() - HOUR),
        version: { increment: 1 },
      },
      select: { id: true },
    });
    await db.timelineEvent.createMany({
      data: [
        { applicationId: row.id, node: "MATERIAL_CHECK", action: "ADVANCED", occurredAt: at(1) },
        { applicationId: row.id, node: "SUBSTANTIVE_REVIEW", action: "ADVANCED", occurredAt: at(2) },
        { applicationId: row.id, node: "DECISION", action: "ADVANCED", occurredAt: at(3) },
      ],
    });
  },

  /** What the partner API's authentication answers for an Authorization header (lib/api-keys). */
  async apiKeyAuthentication(
    authorization: string,
  ): Promise<{ ok: boolean; reason: string | null; kind: string | null; scopes: readonly string[] }> {
    const answer = await authenticateApiKey(authorization, new Date());
    return answer.ok
      ? { ok: true, reason: null, kind: answer.caller.kind, scopes: answer.caller.scopes }
      : { ok: false, reason: answer.reason, kind: null, scopes: [] };
  },

  /**
  /**
   * A partner's webhook endpoint, disabled after a day of failures, with one delivered and one
   * given-up delivery of a case it filed (lib/webhooks rows, as the worker leaves them).
   */
  async disabledWebhookEndpoint(
    applicantId: string,
    serviceId: string,
    receiverUrl?: string,
  ): Promise<{ url: string; number: string; secret: string }> {
    const suffix = randomUUID().slice(0, 8);
    const client = await db.apiClient.create({
      data: {
        name: `E2E partner ${suffix}`,
        kind: "PARTNER",
        userId: applicantId,
        contactEmail: `partner-${suffix}@e2e.test`,
      },
      select: { id: true },
    });
    const url = receiverUrl ?? `https://hooks-${suffix}.partner.example/expedite`;
    const secret = generateWebhookSecret();
    const now = Date.now();
    const endpoint = await db.webhookEndpoint.create({
      data: {
        clientId: client.id,
        url,
        secret,
        events: ["application.submitted", "application.decided"],
        failingSince: new Date(now - 25 * HOUR),
        disabledAt: new Date(now - HOUR),
        disabledReason: "failing",
      },
      select: { id: true },
    });
    const number = await insertCase(applicantId, serviceId, "URGENT");
    const { id: applicationId } = await caseByNumber(number);
    await db.application.update({ where: { id: applicationId }, data: { apiClientId: client.id } });
    for (const [seq, type, status] of [
      [1, "application.submitted", "DELIVERED"],
      [2, "application.decided", "FAILED"],
    ] as const) {
      const eventId = randomUUID();
      const event = await db.webhookEvent.create({
        data: {
          id: eventId,
          applicationId,
          type,
          payload: { id: eventId, type },
          occurredAt: new Date(now - (26 - seq) * HOUR),
        },
        select: { seq: true },
      });
      await db.webhookDelivery.create({
        data: {
          endpointId: endpoint.id,
          eventId,
          applicationId,
          eventSeq: event.seq,
          status,
          attempts: status === "DELIVERED" ? 1 : 30,
          nextAttemptAt: new Date(now - HOUR),
          lastAttemptAt: new Date(now - HOUR),
          lastStatusCode: status === "DELIVERED" ? 200 : 503,
          lastError: status === "DELIVERED" ? null : "HTTP 503",
          deliveredAt: status === "DELIVERED" ? new Date(now - 25 * HOUR) : null,
          createdAt: new Date(now - (26 - seq) * HOUR),
        },
      });
    }
    return { url, number, secret };
  },

  /**
   * What the job worker's deliver-webhooks task does (the e2e server runs no worker): every due
   * delivery, passes until none is left, under production's rules except for the tests' own local
   * receiver (WEBHOOK_TRUSTED_HOSTS would say the same). Answers how many passes delivered something.
   */
  async deliverWebhooks(): Promise<number> {
    const policy = { production: true, trustedHosts: ["127.0.0.1"] };
    let passes = 0;
    while ((await runWebhookDeliveryOnce({ policy, log: () => {} })).claimed > 0) passes += 1;
    return passes;
  },
};

export type DataHandlers = typeof handlers;
