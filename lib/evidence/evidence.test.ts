import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTranslator } from "next-intl";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import type { Role, SupplementStatus } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/messages";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { authorizeEvidenceDownload, listCaseEvidence, listDraftEvidence } from "./data";
import { LIMIT_MESSAGE_VALUES, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from "./limits";
import { attachDraftEvidence, deleteEvidence, saveEvidence, saveResultDocument } from "./mutations";
import { newStorageKey } from "./file-store";
import { evidenceStore } from "./storage";

// lib/env reads UPLOAD_DIR once, on first use, which comes after this line (inside the tests).
const uploadDir = mkdtempSync(path.join(tmpdir(), "expedite-evidence-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

withTestDatabase();

const pdf = (text: string = randomUUID()) => new Uint8Array(Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`));
/** A real (decodable) PNG with a random colour, so each call gives different bytes. */
const png = async () => {
  const [r, g, b] = randomBytes(3);
  return new Uint8Array(
    await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: r!, g: g!, b: b! } } })
      .png()
      .toBuffer(),
  );
};

function filesOnDisk(): string[] {
  if (!existsSync(uploadDir)) return [];
  return readdirSync(uploadDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function makeUser(role: Role = "APPLICANT"): Promise<Viewer> {
  return createTestUser(role);
}

async function makeCase(applicantId: string) {
  const service = await db.serviceType.create({
    data: {
      code: randomUUID(),
      nameZh: "服务",
      nameEn: "Service",
      descriptionZh: "",
      descriptionEn: "",
      baseFeeMinor: 100,
    },
  });
  return createTestApplication({ applicantId, serviceId: service.id });
}

async function makeSupplementRequest(applicationId: string, status: SupplementStatus = "OPEN") {
  const reviewer = await makeUser("REVIEWER");
  return db.supplementRequest.create({
    data: { applicationId, requestedById: reviewer.id, status, dueAt: new Date(Date.now() + 86_400_000) },
    select: { id: true },
  });
}

/** Rows standing in for earlier uploads, to reach a limit without writing megabytes to disk. */
async function fakeFiles(
  count: number,
  data: { uploaderId: string; applicationId?: string; sizeBytes: number },
) {
  await db.evidenceFile.createMany({
    data: Array.from({ length: count }, () => ({
      ...data,
      kind: "OTHER" as const,
      originalName: "earlier.pdf",
      mimeType: "application/pdf",
      sha256: randomUUID(),
      storageKey: newStorageKey(),
    })),
  });
}

async function readAll(stream: ReadableStream<Uint8Array> | null) {
  return stream ? new Uint8Array(await new Response(stream).arrayBuffer()) : null;
}

async function englishMessage(key: string) {
  const t = createTranslator({ locale: "en", messages: await loadMessages("en") });
  return t(key as never, LIMIT_MESSAGE_VALUES as never);
}

describe("saveEvidence (drafts)", () => {
  it("stores a draft with its real type, size and sha256, and lists it for its uploader only", async () => {
    const applicant = await makeUser();
    const other = await makeUser();
    const bytes = pdf();
    const saved = await saveEvidence(applicant, {
      kind: "ID_PROOF",
      originalName: "../passport\u0000.pdf",
      bytes,
    });
    expect(saved).toMatchObject({
      kind: "ID_PROOF",
      originalName: "passport.pdf",
      mimeType: "application/pdf",
      sizeBytes: bytes.length,
      duplicate: false,
    });

    const row = await db.evidenceFile.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.applicationId).toBeNull();
    expect(await readAll(await evidenceStore().get(row.storageKey))).toEqual(bytes);
    expect(await listDraftEvidence(applicant)).toEqual([
      {
        id: saved.id,
        kind: "ID_PROOF",
        originalName: "passport.pdf",
        mimeType: "application/pdf",
        sizeBytes: bytes.length,
      },
    ]);
    expect(await listDraftEvidence(other)).toEqual([]);
  });

  it("records the type found in the bytes, not the one the name suggests", async () => {
    const applicant = await makeUser();
    const saved = await saveEvidence(applicant, {
      kind: "OTHER",
      originalName: "scan.pdf",
      bytes: await png(),
    });
    expect(saved.mimeType).toBe("image/png");
  });

  it("refuses a text file named .pdf and saves nothing", async () => {
    const applicant = await makeUser();
    const before = filesOnDisk();
    const bytes = new Uint8Array(Buffer.from("Not a PDF at all, whatever the name says.\n"));
    await expect(
      saveEvidence(applicant, { kind: "ID_PROOF", originalName: "passport.pdf", bytes }),
    ).rejects.toMatchObject({
      messageKey: "evidence.unsupportedType",
    });
    expect(await db.evidenceFile.count({ where: { uploaderId: applicant.id } })).toBe(0);
    expect(filesOnDisk()).toEqual(before);
  });

  it("refuses an oversized file with a message naming the limit, and saves nothing", async () => {
    const applicant = await makeUser();
    const before = filesOnDisk();
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    bytes.set(pdf());
    const refusal = saveEvidence(applicant, { kind: "URGENCY_PROOF", originalName: "letter.pdf", bytes });
    await expect(refusal).rejects.toMatchObject({ messageKey: "evidence.tooLarge" });
    expect(await englishMessage("evidence.tooLarge")).toContain("10 MB");
    expect(await db.evidenceFile.count({ where: { uploaderId: applicant.id } })).toBe(0);
    expect(filesOnDisk()).toEqual(before);
  });

  it("notices the same bytes uploaded twice and stores them once", async () => {
    const applicant = await makeUser();
    const bytes = pdf();
    const first = await saveEvidence(applicant, { kind: "ID_PROOF", originalName: "a.pdf", bytes });
    const filesAfterFirst = filesOnDisk();
    const second = await saveEvidence(applicant, { kind: "OTHER", originalName: "copy of a.pdf", bytes });
    expect(second).toMatchObject({ id: first.id, originalName: "a.pdf", duplicate: true });
    expect(await db.evidenceFile.count({ where: { uploaderId: applicant.id } })).toBe(1);
    expect(filesOnDisk()).toEqual(filesAfterFirst);
  });

  it("notices a duplicate that slips past the first check, inside the locked transaction", async () => {
    const applicant = await makeUser();
    const bytes = pdf();
    const before = filesOnDisk();
    const [a, b] = await Promise.all([
      saveEvidence(applicant, { kind: "ID_PROOF", originalName: "a.pdf", bytes }),
      saveEvidence(applicant, { kind: "ID_PROOF", originalName: "a.pdf", bytes }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(filesOnDisk()).toHaveLength(before.length + 1);
  });

  it("keeps one uploader's drafts within the total size and file count", async () => {
    const applicant = await makeUser();
    await fakeFiles(2, { uploaderId: applicant.id, sizeBytes: MAX_TOTAL_BYTES / 2 - 10 });
    await expect(
      saveEvidence(applicant, { kind: "OTHER", originalName: "x.pdf", bytes: pdf("x".repeat(40)) }),
    ).rejects.toMatchObject({
      messageKey: "evidence.totalTooLarge",
    });
    expect(await englishMessage("evidence.totalTooLarge")).toContain("30 MB");

    const busy = await makeUser();
    await fakeFiles(MAX_FILES, { uploaderId: busy.id, sizeBytes: 1 });
    await expect(
      saveEvidence(busy, { kind: "OTHER", originalName: "x.pdf", bytes: pdf() }),
    ).rejects.toMatchObject({
      messageKey: "evidence.tooManyFiles",
    });
  });

  it("deletes the stored file when the database write fails", async () => {
    const applicant = await makeUser();
    const before = filesOnDisk();
    const afterInsert = async () => {
      throw new Error("simulated failure after the insert");
    };
    await expect(
      saveEvidence(applicant, { kind: "OTHER", originalName: "x.pdf", bytes: pdf() }, { afterInsert }),
    ).rejects.toThrow("simulated");
    expect(await db.evidenceFile.count({ where: { uploaderId: applicant.id } })).toBe(0);
    expect(filesOnDisk()).toEqual(before);
  });

  it("is for applicants only, and never for result documents", async () => {
    const reviewer = await makeUser("REVIEWER");
    const applicant = await makeUser();
    await expect(
      saveEvidence(reviewer, { kind: "OTHER", originalName: "x.pdf", bytes: pdf() }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(
      saveEvidence(applicant, { kind: "RESULT_DOCUMENT", originalName: "x.pdf", bytes: pdf() }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});

describe("who may download and remove", () => {
  it("lets the uploader download and remove a draft; another applicant can do neither", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const reviewer = await makeUser("REVIEWER");
    const saved = await saveEvidence(owner, { kind: "ID_PROOF", originalName: "id.pdf", bytes: pdf() });

    expect(await authorizeEvidenceDownload(owner, saved.id)).toMatchObject({
      id: saved.id,
      mimeType: "application/pdf",
    });
    expect(await authorizeEvidenceDownload(stranger, saved.id)).toBeNull();
    expect(await authorizeEvidenceDownload(null, saved.id)).toBeNull();
    expect(await authorizeEvidenceDownload(owner, "../../etc/passwd")).toBeNull();
    // An unsubmitted draft is private to its uploader, staff included.
    expect(await authorizeEvidenceDownload(reviewer, saved.id)).toBeNull();

    await expect(deleteEvidence(stranger, saved.id)).rejects.toBeInstanceOf(NotAuthorizedError);
    expect(await db.evidenceFile.count({ where: { id: saved.id } })).toBe(1);

    const { storageKey } = await db.evidenceFile.findUniqueOrThrow({ where: { id: saved.id } });
    await deleteEvidence(owner, saved.id);
    expect(await db.evidenceFile.count({ where: { id: saved.id } })).toBe(0);
    expect(await evidenceStore().get(storageKey)).toBeNull();
  });

  it("lets the case's applicant and staff download a case's files, and list them", async () => {
    const applicant = await makeUser();
    const stranger = await makeUser();
    const reviewer = await makeUser("REVIEWER");
    const admin = await makeUser("ADMIN");
    const application = await makeCase(applicant.id);
    const saved = await saveEvidence(applicant, {
      kind: "URGENCY_PROOF",
      originalName: "ticket.pdf",
      bytes: pdf(),
    });
    await db.$transaction((tx) =>
      attachDraftEvidence(tx, {
        uploaderId: applicant.id,
        applicationId: application.id,
        evidenceIds: [saved.id],
      }),
    );

    for (const viewer of [applicant, reviewer, admin])
      expect(await authorizeEvidenceDownload(viewer, saved.id)).not.toBeNull();
    expect(await authorizeEvidenceDownload(stranger, saved.id)).toBeNull();

    expect(await listCaseEvidence(applicant, application.id)).toEqual([
      expect.objectContaining({ id: saved.id, supplementRequestId: null }),
    ]);
    expect(await listCaseEvidence(reviewer, application.id)).toHaveLength(1);
    await expect(listCaseEvidence(stranger, application.id)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(listCaseEvidence(stranger, "not-a-uuid")).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it("keeps a submitted file: the uploader can no longer remove it", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant.id);
    const saved = await saveEvidence(applicant, { kind: "ID_PROOF", originalName: "id.pdf", bytes: pdf() });
    await db.$transaction((tx) =>
      attachDraftEvidence(tx, {
        uploaderId: applicant.id,
        applicationId: application.id,
        evidenceIds: [saved.id],
      }),
    );
    await expect(deleteEvidence(applicant, saved.id)).rejects.toMatchObject({
      messageKey: "evidence.notRemovable",
    });
    expect(await db.evidenceFile.count({ where: { id: saved.id } })).toBe(1);
  });
});

describe("attachDraftEvidence", () => {
  it("attaches the uploader's drafts and returns their kinds", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant.id);
    const id = await saveEvidence(applicant, { kind: "ID_PROOF", originalName: "id.pdf", bytes: pdf() });
    const ticket = await saveEvidence(applicant, {
      kind: "URGENCY_PROOF",
      originalName: "t.png",
      bytes: await png(),
    });
    const attached = await db.$transaction((tx) =>
      attachDraftEvidence(tx, {
        uploaderId: applicant.id,
        applicationId: application.id,
        evidenceIds: [id.id, ticket.id, id.id],
      }),
    );
    expect(attached).toEqual([
      { id: id.id, kind: "ID_PROOF" },
      { id: ticket.id, kind: "URGENCY_PROOF" },
    ]);
    expect(await listDraftEvidence(applicant)).toEqual([]);
  });

  it("refuses another user's draft and rolls the whole attachment back", async () => {
    const applicant = await makeUser();
    const other = await makeUser();
    const application = await makeCase(applicant.id);
    const own = await saveEvidence(applicant, { kind: "ID_PROOF", originalName: "id.pdf", bytes: pdf() });
    const theirs = await saveEvidence(other, { kind: "ID_PROOF", originalName: "id.pdf", bytes: pdf() });
    const attempt = db.$transaction((tx) =>
      attachDraftEvidence(tx, {
        uploaderId: applicant.id,
        applicationId: application.id,
        evidenceIds: [own.id, theirs.id],
      }),
    );
    await expect(attempt).rejects.toMatchObject({ messageKey: "evidence.notYourDraft" });
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    const rows = await db.evidenceFile.findMany({
      where: { id: { in: [own.id, theirs.id] } },
      select: { applicationId: true },
    });
    expect(rows).toEqual([{ applicationId: null }, { applicationId: null }]);
  });

  it("refuses a file already attached to a case, and ids that are not ids", async () => {
    const applicant = await makeUser();
    const first = await makeCase(applicant.id);
    const second = await makeCase(applicant.id);
    const saved = await saveEvidence(applicant, { kind: "ID_PROOF", originalName: "id.pdf", bytes: pdf() });
    const attach = (applicationId: string, evidenceIds: string[]) =>
      db.$transaction((tx) =>
        attachDraftEvidence(tx, { uploaderId: applicant.id, applicationId, evidenceIds }),
      );
    await attach(first.id, [saved.id]);
    await expect(attach(second.id, [saved.id])).rejects.toMatchObject({
      messageKey: "evidence.notYourDraft",
    });
    await expect(attach(second.id, ["'; DROP TABLE evidence_file; --"])).rejects.toMatchObject({
      messageKey: "evidence.notYourDraft",
    });
    expect(
      await db.evidenceFile.findUniqueOrThrow({ where: { id: saved.id }, select: { applicationId: true } }),
    ).toEqual({ applicationId: first.id });
  });
});

describe("supplement uploads", () => {
  it("attaches an answer to the case and the open request, and allows removal while it is open", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant.id);
    const request = await makeSupplementRequest(application.id);
    const saved = await saveEvidence(applicant, {
      kind: "SUPPLEMENT",
      supplementRequestId: request.id,
      originalName: "clear scan.jpg",
      bytes: pdf(),
    });
    expect(
      await db.evidenceFile.findUniqueOrThrow({
        where: { id: saved.id },
        select: { applicationId: true, supplementRequestId: true },
      }),
    ).toEqual({
      applicationId: application.id,
      supplementRequestId: request.id,
    });
    expect(await listDraftEvidence(applicant)).toEqual([]);

    await deleteEvidence(applicant, saved.id);
    expect(await db.evidenceFile.count({ where: { id: saved.id } })).toBe(0);

    const kept = await saveEvidence(applicant, {
      kind: "SUPPLEMENT",
      supplementRequestId: request.id,
      originalName: "again.pdf",
      bytes: pdf(),
    });
    await db.supplementRequest.update({
      where: { id: request.id },
      data: { status: "FULFILLED", fulfilledAt: new Date() },
    });
    await expect(deleteEvidence(applicant, kept.id)).rejects.toMatchObject({
      messageKey: "evidence.notRemovable",
    });
  });

  it("refuses requests that are closed or on someone else's case", async () => {
    const applicant = await makeUser();
    const other = await makeUser();
    const application = await makeCase(applicant.id);
    const closed = await makeSupplementRequest(application.id, "FULFILLED");
    const open = await makeSupplementRequest(application.id);
    const upload = (viewer: Viewer, supplementRequestId: string) =>
      saveEvidence(viewer, { kind: "SUPPLEMENT", supplementRequestId, originalName: "x.pdf", bytes: pdf() });
    await expect(upload(applicant, closed.id)).rejects.toMatchObject({
      messageKey: "evidence.supplementClosed",
    });
    await expect(upload(other, open.id)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(upload(applicant, randomUUID())).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(
      saveEvidence(applicant, { kind: "SUPPLEMENT", originalName: "x.pdf", bytes: pdf() }),
    ).rejects.toMatchObject({
      messageKey: "errors.checkFields",
    });
  });

  it("enforces the per-case total and count, counting the case's earlier files", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant.id);
    const request = await makeSupplementRequest(application.id);
    await fakeFiles(1, {
      uploaderId: applicant.id,
      applicationId: application.id,
      sizeBytes: MAX_TOTAL_BYTES - 10,
    });
    const before = filesOnDisk();
    await expect(
      saveEvidence(applicant, {
        kind: "SUPPLEMENT",
        supplementRequestId: request.id,
        originalName: "x.pdf",
        bytes: pdf(),
      }),
    ).rejects.toMatchObject({ messageKey: "evidence.totalTooLarge" });
    expect(filesOnDisk()).toEqual(before);

    const full = await makeCase(applicant.id);
    const fullRequest = await makeSupplementRequest(full.id);
    await fakeFiles(MAX_FILES, { uploaderId: applicant.id, applicationId: full.id, sizeBytes: 1 });
    await expect(
      saveEvidence(applicant, {
        kind: "SUPPLEMENT",
        supplementRequestId: fullRequest.id,
        originalName: "x.pdf",
        bytes: pdf(),
      }),
    ).rejects.toMatchObject({ messageKey: "evidence.tooManyFiles" });
  });
});

describe("saveResultDocument", () => {
  it("lets staff add a result document the case's applicant can download once it is issued", async () => {
    const applicant = await makeUser();
    const reviewer = await makeUser("REVIEWER");
    const application = await makeCase(applicant.id);
    const saved = await saveResultDocument(reviewer, {
      applicationId: application.id,
      originalName: "decision.pdf",
      bytes: pdf(),
    });
    expect(saved.kind).toBe("RESULT_DOCUMENT");
    expect(await authorizeEvidenceDownload(applicant, saved.id)).toBeNull();
    expect(await authorizeEvidenceDownload(reviewer, saved.id)).not.toBeNull();
    await db.application.update({
      where: { id: application.id },
      data: { currentNode: "DOCUMENT_ISSUED", status: "COMPLETED" },
    });
    expect(await authorizeEvidenceDownload(applicant, saved.id)).not.toBeNull();
    await expect(
      saveResultDocument(applicant, { applicationId: application.id, originalName: "x.pdf", bytes: pdf() }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(
      saveResultDocument(reviewer, { applicationId: randomUUID(), originalName: "x.pdf", bytes: pdf() }),
    ).rejects.toMatchObject({
      messageKey: "evidence.caseNotFound",
    });
  });
});
