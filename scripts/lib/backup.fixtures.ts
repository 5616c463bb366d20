// Cases with real evidence, made through the app's own functions, for the backup round trip.
import { randomBytes, randomUUID } from "node:crypto";
import sharp from "sharp";
import { createApplication } from "../../lib/applications/mutations";
import { buildApplicationSchema } from "../../lib/applications/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { saveEvidence, saveResultDocument } from "../../lib/evidence/mutations";
import type { FileStore } from "../../lib/evidence/file-store";
import { makeCnResidentId } from "../../lib/identity/id-number";
import { applicationFormValues, createTestUser } from "../../lib/testing/fixtures";

const pdf = () => new Uint8Array(Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n%%EOF\n`));

async function png(): Promise<Uint8Array> {
  const [r, g, b] = randomBytes(3);
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background: { r: r!, g: g!, b: b! } } });
  return new Uint8Array(await image.png().toBuffer());
}

/** A passport-renewal case (the demo catalog must be seeded) with three uploaded files. */
export async function fileCaseWithEvidence(
  store: FileStore,
): Promise<{ applicant: Viewer; applicationId: string }> {
  const applicant = await createTestUser("APPLICANT");
  const evidenceIds: string[] = [];
  for (const [kind, bytes] of [
    ["ID_PROOF", await png()],
    ["OTHER", pdf()],
    ["URGENCY_PROOF", pdf()],
  ] as const) {
    const saved = await saveEvidence(applicant, { kind, originalName: `${kind}.bin`, bytes }, { store });
    evidenceIds.push(saved.id);
  }
  const input = buildApplicationSchema().parse(
    applicationFormValues({
      idType: "CN_RESIDENT_ID",
      idNumber: makeCnResidentId("44030519851122771"),
      evidenceIds,
    }),
  );
  const created = await createApplication(applicant, input);
  return { applicant, applicationId: created.id };
}

/** A staff member's result document on a case, and an applicant's draft not yet filed. */
export async function addResultDocumentAndDraft(store: FileStore, applicationId: string) {
  const reviewer = await createTestUser("REVIEWER");
  await saveResultDocument(
    reviewer,
    { applicationId, originalName: "passport.pdf", bytes: pdf() },
    { store },
  );
  const applicant = await createTestUser("APPLICANT");
  await saveEvidence(applicant, { kind: "OTHER", originalName: "draft.pdf", bytes: pdf() }, { store });
}
