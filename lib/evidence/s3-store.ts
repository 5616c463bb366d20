import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { S3StorageSettings } from "@/lib/config/storage-env";
import { silenceAwsSdkNodeWarning } from "@/lib/env";
import { assertStorageKey, assertStoragePrefix, isStorageKey, type FileStore } from "./file-store";

export type S3StoreOptions = {
  /** Keys per ListObjectsV2 request (S3's maximum is 1000); smaller only to exercise pagination. */
  listPageSize?: number;
};

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS), one object per key,
 * no folders. Each put is one PutObject of bytes already in memory (evidence is at most 10 MB), so
 * an object appears whole or not at all. Decision 019.
 */
export function s3FileStore(settings: S3StorageSettings, options: S3StoreOptions = {}): FileStore {
  silenceAwsSdkNodeWarning();
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // The SDK's default CRC checksum headers are refused by several S3-compatible services, and
    // break on bodies of unknown length; sha256 in our database is the integrity check.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;
  const pageSize = options.listPageSize ?? 1000;

  return {
    async put(key, bytes) {
      assertStorageKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          // The real type lives in the database; the bucket never serves these bytes to anyone.
          ContentType: "application/octet-stream",
        }),
      );
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!Body) throw new Error(`S3 answered without a body for ${key}`);
        return Body.transformToWebStream();
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      // S3 answers 204 for a missing key too.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async *list(prefix = "") {
      assertStoragePrefix(prefix);
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, MaxKeys: pageSize, ContinuationToken }),
        );
        for (const object of page.Contents ?? []) {
          if (!object.Key || !isStorageKey(object.Key)) continue;
          yield {
            key: object.Key,
            sizeBytes: object.Size ?? 0,
            // Unknown age counts as new, so the sweeper's grace period never lapses by accident.
            lastModified: object.LastModified ?? new Date(),
          };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}

function isNotFound(error: unknown): boolean {
  // Only a missing key: a missing bucket (also a 404) is a configuration error and must be loud.
  return error instanceof S3ServiceException && error.name === "NoSuchKey";
}
