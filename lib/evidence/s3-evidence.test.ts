// Evidence through the real mutations and the real download route, on the S3 store the
// environment selects (s3rver on loopback, standing in for AWS S3, MinIO, Aliyun OSS or Tencent COS).
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, HEAD } from "@/app/api/evidence/[id]/route";
import { db } from "@/lib/db";
import { silenceAwsSdkNodeWarning } from "@/lib/env";
import { signedInAs } from "@/lib/testing/action-session";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";
import { expectLoggedErrors, loggedText } from "@/lib/testing/log-capture";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import type { FileStore, StoredObject } from "./file-store";
import { saveEvidence } from "./mutations";
import { s3FileStore } from "./s3-store";
import { evidenceStore } from "./storage";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

let server: S3Server;
/** A second client on the same bucket, to look at what the app stored. */
let bucket: FileStore;
beforeAll(async () => {
  silenceAwsSdkNodeWarning();
  server = await startS3Server();
  // serverEnv() reads these on first use, inside the tests.
  for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value);
  vi.stubEnv("UPLOAD_DIR", "/nonexistent/local/uploads/must/not/be/used");
  bucket = s3FileStore(server.settings);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

withTestDatabase();

const pdf = (size = 200) => {
  const head = Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n`);
  return new Uint8Array(
    Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - 6), 32), Buffer.from("\n%%EOF")]),
  );
};
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function keysInBucket(): Promise<string[]> {
  const objects: StoredObject[] = [];
  for await (const object of bucket.list()) objects.push(object);
  return objects.map((object) => object.key);
}

function download(id: string) {
  return GET(new Request(`http://localhost/api/evidence/${id}`), { params: Promise.resolve({ id }) });
}

describe("evidence on the S3 store", () => {
  it("is the store the environment selects", async () => {
    const key = randomUUID().replaceAll("-", "");
    await evidenceStore().put(key, new Uint8Array([7]));
    expect(await keysInBucket()).toContain(key);
    await bucket.delete(key);
  });

  it("stores an upload with its sha256 and streams it back, with the safe headers, to its owner only", async () => {
    const applicant = await signedInAs("APPLICANT");
    const bytes = pdf(3 * 1024 * 1024);
    const saved = await saveEvidence(applicant, { kind: "ID_PROOF", originalName: "passport.pdf", bytes });
    const row = await db.evidenceFile.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.sha256).toBe(sha256(bytes));
    expect(await keysInBucket()).toContain(row.storageKey);

    const response = await download(saved.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(bytes.length),
      "content-disposition": expect.stringMatching(/^attachment;/),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": expect.stringContaining("sandbox"),
    });
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(row.sha256);

    await signedInAs("APPLICANT");
    const refused = await download(saved.id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe("Not found");
  });

  it("answers HEAD from the row, without opening a body it would never read", async () => {
    const applicant = await signedInAs("APPLICANT");
    const bytes = pdf();
    const saved = await saveEvidence(applicant, { kind: "OTHER", originalName: "head.pdf", bytes });
    const get = vi.spyOn(evidenceStore(), "get");
    const request = () =>
      HEAD(new Request(`http://localhost/api/evidence/${saved.id}`, { method: "HEAD" }), {
        params: Promise.resolve({ id: saved.id }),
      });
    const response = await request();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(get).not.toHaveBeenCalled();
    get.mockRestore();
    await signedInAs("APPLICANT");
    expect((await request()).status).toBe(404);
  });

  it("keeps one object for a file uploaded twice", async () => {
    const applicant = await signedInAs("APPLICANT");
    const bytes = pdf();
    const before = await keysInBucket();
    const first = await saveEvidence(applicant, { kind: "OTHER", originalName: "a.pdf", bytes });
    const second = await saveEvidence(applicant, { kind: "OTHER", originalName: "b.pdf", bytes });
    expect(second).toMatchObject({ id: first.id, duplicate: true });
    expect((await keysInBucket()).filter((key) => !before.includes(key))).toHaveLength(1);
  });

  it("leaves no object behind when the database write fails after the put", async () => {
    const applicant = await signedInAs("APPLICANT");
    const before = await keysInBucket();
    const afterInsert = async () => {
      throw new Error("the database went away");
    };
    await expect(
      saveEvidence(applicant, { kind: "OTHER", originalName: "x.pdf", bytes: pdf() }, { afterInsert }),
    ).rejects.toThrow("the database went away");
    expect(await keysInBucket()).toEqual(before);
    expect(await db.evidenceFile.count({ where: { uploaderId: applicant.id } })).toBe(0);
  });

  it("answers 404 (and says why in the log) for a row whose object is gone", async () => {
    const applicant = await signedInAs("APPLICANT");
    const saved = await saveEvidence(applicant, { kind: "OTHER", originalName: "gone.pdf", bytes: pdf() });
    const row = await db.evidenceFile.findUniqueOrThrow({ where: { id: saved.id } });
    await bucket.delete(row.storageKey);
    expectLoggedErrors();
    expect((await download(saved.id)).status).toBe(404);
    expect(loggedText()).toContain("no stored file");
  });
});
