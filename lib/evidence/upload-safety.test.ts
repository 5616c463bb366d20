import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDeflate, crc32 } from "node:zlib";
import { createTranslator } from "next-intl";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadMessages } from "@/lib/i18n/messages";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { LIMIT_MESSAGE_VALUES, MAX_FILE_BYTES } from "./limits";
import { saveEvidence } from "./mutations";
import { evidenceStore } from "./storage";

// Item 8 of issue 12: uploads of the advertised size, image bombs, and photo metadata.
const uploadDir = mkdtempSync(path.join(tmpdir(), "expedite-upload-safety-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

withTestDatabase();

function pdfOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n`));
  bytes.set(Buffer.from("\n%%EOF\n"), size - 7);
  return bytes;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, valid grey PNG of the given size whose pixels are all black: tiny on disk, huge decoded. */
async function pngBomb(width: number, height: number): Promise<Uint8Array> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on("data", (part: Buffer) => compressed.push(part));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const row = Buffer.alloc(width + 1); // filter byte 0, then black pixels
  for (let y = 0; y < height; y++) {
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", Buffer.concat(compressed)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** A 40 × 20 photo as a camera writes it: EXIF with the maker, GPS position, and "rotate 90°". */
async function photoWithGps(): Promise<Uint8Array> {
  const buffer = await sharp({
    create: {
      width: 40,
      height: 20,
      channels: 3,
      background: { r: 200, g: 30, b: Math.floor(Math.random() * 255) },
    },
  })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "SecretCam" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "39/1 54/1 27/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "116/1 23/1 50/1",
      },
    })
    .toBuffer();
  return new Uint8Array(buffer);
}

const GPS_IFD_POINTER_TAG = Buffer.from([0x25, 0x88]); // tag 0x8825, little-endian as sharp writes it

async function stored(id: string): Promise<Buffer> {
  const row = await db.evidenceFile.findUniqueOrThrow({ where: { id }, select: { storageKey: true } });
  return Buffer.from(await new Response(await evidenceStore().get(row.storageKey)).arrayBuffer());
}

async function englishMessage(key: string) {
  const t = createTranslator({ locale: "en", messages: await loadMessages("en") });
  return t(key as never, LIMIT_MESSAGE_VALUES as never);
}

describe("upload size", () => {
  it("accepts a file of exactly the advertised 10 MB", async () => {
    const applicant = await createTestUser();
    const saved = await saveEvidence(applicant, {
      kind: "ID_PROOF",
      originalName: "scan.pdf",
      bytes: pdfOfSize(MAX_FILE_BYTES),
    });
    expect(saved).toMatchObject({
      mimeType: "application/pdf",
      sizeBytes: 10 * 1024 * 1024,
      duplicate: false,
    });
  });

  it("refuses one byte more with the localized 'too large' message", async () => {
    const applicant = await createTestUser();
    const refusal = saveEvidence(applicant, {
      kind: "ID_PROOF",
      originalName: "scan.pdf",
      bytes: pdfOfSize(MAX_FILE_BYTES + 1),
    });
    await expect(refusal).rejects.toMatchObject({ messageKey: "evidence.tooLarge" });
    expect(await englishMessage("evidence.tooLarge")).toContain("10 MB");
  });
});

describe("image checks", () => {
  it("refuses a 20 000 × 20 000 PNG of a few hundred KB before decoding it, and stores nothing", async () => {
    const applicant = await createTestUser();
    const bomb = await pngBomb(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refusal = saveEvidence(applicant, { kind: "ID_PROOF", originalName: "id.png", bytes: bomb });
    await expect(refusal).rejects.toMatchObject({ messageKey: "evidence.imageTooLarge" });
    expect(await englishMessage("evidence.imageTooLarge")).toContain("10000 × 10000 pixels");
    expect(await db.evidenceFile.count({ where: { uploaderId: applicant.id } })).toBe(0);
  });

  it("refuses a file that starts like a PNG but is not a readable image", async () => {
    const applicant = await createTestUser();
    const fake = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...Buffer.from(randomUUID()),
    ]);
    const refusal = saveEvidence(applicant, { kind: "ID_PROOF", originalName: "id.png", bytes: fake });
    await expect(refusal).rejects.toMatchObject({ messageKey: "evidence.imageUnreadable" });
  });

  it("stores photos without EXIF (GPS, camera), upright, with the sha256 and size of what is stored", async () => {
    const applicant = await createTestUser();
    const photo = await photoWithGps();
    const original = await sharp(photo).metadata();
    expect(original.exif?.includes(GPS_IFD_POINTER_TAG)).toBe(true);
    expect(original.orientation).toBe(6);

    const saved = await saveEvidence(applicant, {
      kind: "ID_PROOF",
      originalName: "photo.jpg",
      bytes: photo,
    });
    const bytes = await stored(saved.id);
    const clean = await sharp(bytes).metadata();
    expect(clean).toMatchObject({ format: "jpeg", width: 20, height: 40 });
    expect(clean.exif).toBeUndefined();
    expect(clean.orientation).toBeUndefined();
    expect(bytes.includes(Buffer.from("SecretCam"))).toBe(false);

    const row = await db.evidenceFile.findUniqueOrThrow({
      where: { id: saved.id },
      select: { sha256: true, sizeBytes: true },
    });
    expect(row).toEqual({
      sha256: createHash("sha256").update(bytes).digest("hex"),
      sizeBytes: bytes.length,
    });
    expect(saved.sizeBytes).toBe(bytes.length);
  });

  it("still notices the same photo uploaded twice", async () => {
    const applicant = await createTestUser();
    const photo = await photoWithGps();
    const first = await saveEvidence(applicant, { kind: "ID_PROOF", originalName: "a.jpg", bytes: photo });
    const second = await saveEvidence(applicant, { kind: "OTHER", originalName: "b.jpg", bytes: photo });
    expect(second).toMatchObject({ id: first.id, duplicate: true });
  });
});
