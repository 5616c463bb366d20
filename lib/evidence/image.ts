import "server-only";
import sharp from "sharp";
import { UserFacingError } from "@/lib/errors";
import type { EvidenceMimeType } from "./file-type";
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "./limits";

type ImageType = Exclude<EvidenceMimeType, "application/pdf">;

export function isImageType(mimeType: EvidenceMimeType): mimeType is ImageType {
  return mimeType !== "application/pdf";
}

/**
 * The bytes we store for an uploaded photo: dimensions checked from the header before anything
 * is decoded, then decoded once, turned upright by its EXIF orientation and encoded again without
 * any metadata (EXIF with GPS position, camera serial, XMP, comments). Re-encoding is the only
 * reliable way to drop every metadata block; the stored sha256 and size are of the result.
 */
export async function cleanImage(bytes: Uint8Array, mimeType: ImageType): Promise<Uint8Array> {
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" } as const;
  let width: number | undefined;
  let height: number | undefined;
  try {
    // Reading the header decodes no pixels, so the pixel limit is left to the decode below: here
    // it would turn "too large" into an unreadable-image error.
    ({ width, height } = await sharp(bytes, { ...options, limitInputPixels: false }).metadata());
  } catch {
    throw new UserFacingError("evidence.imageUnreadable");
  }
  if (!width || !height) throw new UserFacingError("evidence.imageUnreadable");
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new UserFacingError("evidence.imageTooLarge");
  }
  try {
    const image = sharp(bytes, options).autoOrient();
    const encoded =
      mimeType === "image/jpeg"
        ? image.jpeg({ quality: 90, mozjpeg: true })
        : mimeType === "image/png"
          ? image.png({ compressionLevel: 9 })
          : image.webp({ quality: 90 });
    // sharp writes no metadata unless asked to (keepMetadata/withMetadata), orientation included.
    return new Uint8Array(await encoded.toBuffer());
  } catch {
    throw new UserFacingError("evidence.imageUnreadable");
  }
}
