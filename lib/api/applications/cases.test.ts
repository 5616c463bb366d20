import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiCaller } from "@/lib/api/caller";
import { db } from "@/lib/db";
import type { UserFacingError } from "@/lib/errors";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { createTestUser } from "@/lib/testing/fixtures";
import {
  CaseNotFoundError,
  TransitionNotAllowedError,
  TransitionRequirementError,
} from "@/lib/workflow/errors";
import { seedDemoData } from "@/prisma/seed";
import {
  applicationRequestBody,
  createInternalCaller,
  createPartnerCaller,
  passportFiles,
  pdfBytes,
} from "./api-callers.fixtures";
import { ApiProblem } from "@/lib/api/problem";
import { findCaseDownload, findCaseView, findResultDocument, listCases } from "./data";
import { addCaseEvidence, fileApplication, transitionCase } from "./mutations";
import { listQuerySchema } from "./schema";

// Reading and acting on cases through the API, below the route: who sees which case, what the view
// leaves out, pagination, transitions with their version check, evidence after filing, downloads.
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "api-cases-"));
withTestDatabase();

let supervisor: ApiCaller;
beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
  supervisor = await createInternalCaller();
});

async function fileCase(caller: ApiCaller) {
  const answer = await fileApplication(
    caller,
    { json: applicationRequestBody(), files: passportFiles(), idempotencyKey: `key-${randomUUID()}` },
    { now: new Date(), locale: "en" },
  );
  const body = answer.body as { number: string; version: number; evidence: { id: string }[] };
  return body;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof ApiProblem) return { code: error.code, ...error.init.extensions };
  if (error === null) return null;
  return (error as Error).name;
}

function move(number: string, body: Record<string, unknown>, caller: ApiCaller = supervisor) {
  return transitionCase(caller, number, body, { now: new Date(), locale: "en" });
}

describe("who sees which case", () => {
  it("gives a partner its own cases only; another partner's case is not found, as a missing one", async () => {
    const [a, b] = [await createPartnerCaller(), await createPartnerCaller()];
    const mine = await fileCase(a);
    const theirs = await fileCase(b);
    expect((await findCaseView(a, mine.number, new Date())).number).toBe(mine.number);
    expect(await refusal(findCaseView(a, theirs.number, new Date()))).toBe("CaseNotFoundError");
    expect(await refusal(findCaseView(a, "NOT-A-NUMBER", new Date()))).toBe("CaseNotFoundError");
    expect(await refusal(findCaseDownload(a, theirs.number, theirs.evidence[0]!.id))).toBe(
      "CaseNotFoundError",
    );
    // Its own case number with another case's file id is not found either.
    expect(await refusal(findCaseDownload(a, mine.number, theirs.evidence[0]!.id))).toBe("CaseNotFoundError");
    expect((await findCaseDownload(a, mine.number, mine.evidence[0]!.id)).id).toBe(mine.evidence[0]!.id);
    const listed = await listCases(a, listQuerySchema.parse({ limit: "100" }));
    expect(listed.items.map((item) => item.number)).toEqual([mine.number]);
    expect(
      await refusal(
        addCaseEvidence(
          a,
          theirs.number,
          { kind: "SUPPLEMENT", file: { kind: "SUPPLEMENT", originalName: "x.pdf", bytes: pdfBytes() } },
          { now: new Date(), locale: "en" },
        ),
      ),
    ).toBe("CaseNotFoundError");
  });

  it("lets an internal client see every case, as its staff member does in the console", async () => {
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    expect((await findCaseView(supervisor, filed.number, new Date())).number).toBe(filed.number);
  });

  it("refuses an internal client whose member is no longer staff", async () => {
    const member = await createTestUser("APPLICANT");
    const demoted = await createInternalCaller({ userId: member.id, role: "APPLICANT" });
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    expect(await refusal(findCaseView(demoted, filed.number, new Date()))).toBe("NotAuthorizedError");
  });
});

describe("the case view", () => {
  it("shows progress, the open supplement's items and the public history newest first, never internal notes or staff names", async () => {
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    const reviewer = await createTestUser("REVIEWER", { displayName: "Rita Reviewer-Secret" });
    const application = await db.application.update({
      where: { number: filed.number },
      data: { assigneeId: reviewer.id },
      select: { version: true },
    });
    let version = (
      await move(filed.number, {
        transition: "ADVANCE",
        expectedVersion: application.version,
        internalNote: "INTERNAL: called the hospital",
      })
    ).version;
    version = (
      await move(filed.number, {
        transition: "REQUEST_SUPPLEMENT",
        expectedVersion: version,
        publicNote: "Please send the hospital letter",
        internalNote: "INTERNAL: letter looked forged",
        items: [{ problem: "The letter is not signed", suggestion: "Ask the hospital to sign it" }],
        dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      })
    ).version;
    const view = await findCaseView(partner, filed.number, new Date());
    expect(view).toMatchObject({
      currentNode: "AWAITING_SUPPLEMENT",
      status: "AWAITING_APPLICANT",
      version,
      supplement: {
        items: [{ problem: "The letter is not signed", suggestion: "Ask the hospital to sign it" }],
      },
    });
    const actions = view.history.map((event) => event.action);
    expect(actions[0]).toBe("SUPPLEMENT_REQUESTED");
    expect(actions.at(-1)).toBe("SUBMITTED");
    expect(actions).not.toContain("PAYMENT_RECORDED");
    const times = view.history.map((event) => event.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const text = JSON.stringify(view);
    expect(text).not.toContain("INTERNAL");
    expect(text).not.toContain("Rita");
    expect(text).not.toContain(supervisor.viewer.id);
    expect(text).not.toContain("E12345678");
  });
});

describe("listing", () => {
  it("pages by an opaque cursor, most recently changed first, and filters by node and time", async () => {
    const partner = await createPartnerCaller();
    const numbers: string[] = [];
    for (let index = 0; index < 5; index++) numbers.push((await fileCase(partner)).number);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCases(
        partner,
        listQuerySchema.parse({ limit: "2", ...(cursor ? { cursor } : {}) }),
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...numbers].reverse());

    const moved = await db.application.findUniqueOrThrow({
      where: { number: numbers[0]! },
      select: { version: true },
    });
    await move(numbers[0]!, { transition: "ADVANCE", expectedVersion: moved.version });
    const inCheck = await listCases(partner, listQuerySchema.parse({ node: "MATERIAL_CHECK" }));
    expect(inCheck.items.map((item) => item.number)).toEqual([numbers[0]]);
    const recent = await listCases(
      partner,
      listQuerySchema.parse({ updatedSince: new Date(Date.now() + 60_000).toISOString() }),
    );
    expect(recent.items).toEqual([]);
  });

  it("refuses a cursor it did not give out", async () => {
    const partner = await createPartnerCaller();
    expect(await refusal(listCases(partner, listQuerySchema.parse({ cursor: "bm90IGEgY3Vyc29y" })))).toEqual({
      code: "invalid_request",
    });
  });
});

describe("transitions", () => {
  it("moves a case as the internal client's staff member, and answers a stale version with 409 and the current one", async () => {
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    const moved = await move(filed.number, {
      transition: "ADVANCE",
      expectedVersion: filed.version,
      publicNote: "Checking your papers",
    });
    expect(moved).toMatchObject({ currentNode: "MATERIAL_CHECK", version: filed.version + 1 });
    expect(
      await refusal(move(filed.number, { transition: "ADVANCE", expectedVersion: filed.version })),
    ).toEqual({
      code: "version_conflict",
      currentVersion: filed.version + 1,
    });
    const unchanged = await db.application.findUniqueOrThrow({
      where: { number: filed.number },
      select: { currentNode: true, version: true },
    });
    expect(unchanged).toEqual({ currentNode: "MATERIAL_CHECK", version: filed.version + 1 });
  });

  it("approves a partner's case, which the partner account paid at filing, and refunds a missed promise to it", async () => {
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    let version = filed.version;
    for (let step = 0; step < 5; step++) {
      const node = await db.application.findUniqueOrThrow({
        where: { number: filed.number },
        select: { currentNode: true },
      });
      if (node.currentNode === "DECISION") break;
      version = (await move(filed.number, { transition: "ADVANCE", expectedVersion: version })).version;
    }
    // Decided later than promised: the surcharge goes back (decision 031), through the same provider seam.
    await db.application.update({
      where: { number: filed.number },
      data: { caseDueAt: new Date(Date.now() - 60_000) },
    });
    const approved = await move(filed.number, { transition: "APPROVE", expectedVersion: version });
    expect(approved).toMatchObject({ status: "APPROVED" });
    const row = await db.application.findUniqueOrThrow({
      where: { number: filed.number },
      select: {
        paymentProvider: true,
        feeSurchargeMinor: true,
        refunds: { select: { cause: true, amountMinor: true, status: true } },
      },
    });
    expect(row.paymentProvider).toBe("partner-account");
    expect(row.refunds).toEqual([
      { cause: "MISSED_PROMISE", amountMinor: row.feeSurchargeMinor, status: "DONE" },
    ]);
  });

  it("refuses a partner a staff step, a key without the scope (403), a step not allowed now (409) and a missing requirement (422)", async () => {
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    // A partner makes its applicant's moves only: the workflow engine refuses it a staff step.
    expect(
      await refusal(move(filed.number, { transition: "ADVANCE", expectedVersion: filed.version }, partner)),
    ).toBe("TransitionNotAllowedError");
    const reader = await createPartnerCaller({ scopes: ["applications:read"] });
    expect(
      await refusal(move(filed.number, { transition: "WITHDRAW", expectedVersion: filed.version }, reader)),
    ).toEqual({ code: "insufficient_scope" });
    const staffReader = await createInternalCaller({ scopes: ["applications:read"] });
    expect(
      await refusal(
        move(filed.number, { transition: "ADVANCE", expectedVersion: filed.version }, staffReader),
      ),
    ).toEqual({ code: "insufficient_scope" });
    const error = await move(filed.number, { transition: "APPROVE", expectedVersion: filed.version }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TransitionNotAllowedError);
    const advanced = await move(filed.number, { transition: "ADVANCE", expectedVersion: filed.version });
    const missing = await move(filed.number, {
      transition: "REQUEST_SUPPLEMENT",
      expectedVersion: advanced.version,
    }).catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(TransitionRequirementError);
    expect((missing as TransitionRequirementError).fieldErrors).toMatchObject({
      items: ["case.errors.itemsRequired"],
    });
  });

  it("refuses unknown fields and wrong types before touching the case", async () => {
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    for (const body of [
      { transition: "ADVANCE", expectedVersion: filed.version, assigneeId: randomUUID() },
      { transition: "ADVANCE", expectedVersion: "0" },
      { transition: "DELETE_CASE", expectedVersion: filed.version },
      { transition: "ADVANCE", expectedVersion: 99_999_999_999 },
    ]) {
      const error = await move(filed.number, body).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(body)).toBeInstanceOf(ApiProblem);
      expect((error as ApiProblem).code).toBe("validation_failed");
    }
    expect(
      await db.application.findUniqueOrThrow({ where: { number: filed.number }, select: { version: true } }),
    ).toEqual({ version: filed.version });
  });

  it("answers a case number that does not exist with not found", async () => {
    const error = await move("A0000-0000-0", { transition: "ADVANCE", expectedVersion: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CaseNotFoundError);
  });
});

describe("evidence after filing and downloads", () => {
  it("takes a file only as an answer to an open supplement request; the result document only once issued", async () => {
    const partner = await createPartnerCaller();
    const filed = await fileCase(partner);
    const upload = {
      kind: "SUPPLEMENT",
      file: { kind: "SUPPLEMENT", originalName: "letter.pdf", bytes: pdfBytes() },
    };
    const closed = await addCaseEvidence(partner, filed.number, upload, {
      now: new Date(),
      locale: "en",
    }).catch((caught: unknown) => caught);
    expect((closed as UserFacingError).fieldErrors).toEqual({ file: ["evidence.supplementClosed"] });

    const advanced = await move(filed.number, { transition: "ADVANCE", expectedVersion: filed.version });
    await move(filed.number, {
      transition: "REQUEST_SUPPLEMENT",
      expectedVersion: advanced.version,
      items: [{ problem: "Signed letter" }],
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const saved = await addCaseEvidence(partner, filed.number, upload, { now: new Date(), locale: "en" });
    expect(saved).toMatchObject({ kind: "SUPPLEMENT", mimeType: "application/pdf" });
    expect((await findCaseDownload(partner, filed.number, saved.id)).id).toBe(saved.id);

    const document = await db.evidenceFile.create({
      data: {
        applicationId: (
          await db.application.findUniqueOrThrow({ where: { number: filed.number }, select: { id: true } })
        ).id,
        uploaderId: supervisor.viewer.id,
        kind: "RESULT_DOCUMENT",
        originalName: "result.pdf",
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: randomUUID(),
        storageKey: randomUUID(),
      },
      select: { id: true },
    });
    expect(await refusal(findResultDocument(partner, filed.number))).toBe("CaseNotFoundError");
    expect(await refusal(findCaseDownload(partner, filed.number, document.id))).toBe("CaseNotFoundError");
    expect((await findResultDocument(supervisor, filed.number)).id).toBe(document.id);
  });
});
