import { z } from "zod";

// Evidence storage settings, read the same way by the app (lib/env.ts) and by production mode's
// boot check (production-env.ts). Decision 019.

export type LocalStorageSettings = { driver: "local"; uploadDir: string };
export type S3StorageSettings = {
  driver: "s3";
  /** Unset: AWS S3 for the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};
export type StorageSettings = LocalStorageSettings | S3StorageSettings;

const required = (name: string, example: string) =>
  z
    .string({ error: `${name} is missing (required when STORAGE_DRIVER=s3; ${example})` })
    .min(1, `${name} is missing (required when STORAGE_DRIVER=s3; ${example})`);

const s3Schema = z.object({
  S3_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      error: "S3_ENDPOINT must be an http(s) URL, e.g. http://minio.internal:9000 (leave unset for AWS S3)",
    })
    .optional(),
  S3_REGION: required("S3_REGION", "e.g. us-east-1"),
  S3_BUCKET: required("S3_BUCKET", "the bucket evidence goes to"),
  S3_ACCESS_KEY_ID: required("S3_ACCESS_KEY_ID", "the access key"),
  S3_SECRET_ACCESS_KEY: required("S3_SECRET_ACCESS_KEY", "the secret key"),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"], { error: "S3_FORCE_PATH_STYLE must be true or false" })
    .default("false"),
});

const driverSchema = (required: boolean) =>
  required
    ? z.enum(["local", "s3"], {
        error:
          "STORAGE_DRIVER must be s3 (S3_* settings; any number of instances) or local (UPLOAD_DIR; one host only)",
      })
    : z.enum(["local", "s3"], { error: "STORAGE_DRIVER must be local or s3" }).default("local");

/**
 * The storage settings, or every problem with them as "NAME: message" lines. Production passes no
 * defaults: the driver must be named, and local disk needs an explicit UPLOAD_DIR.
 */
export function parseStorageSettings(
  env: Record<string, string | undefined>,
  defaults: { uploadDir?: string } | null,
): { settings: StorageSettings; problems: [] } | { settings?: undefined; problems: string[] } {
  // An empty value is as good as unset: `FOO=` in an env file should not pass as a setting.
  const given = (name: string) => (env[name] === "" ? undefined : env[name]);
  const driver = driverSchema(defaults === null).safeParse(given("STORAGE_DRIVER"));
  if (!driver.success) return { problems: [`STORAGE_DRIVER: ${driver.error.issues[0]!.message}`] };
  if (driver.data === "local") {
    const uploadDir = given("UPLOAD_DIR") ?? defaults?.uploadDir;
    if (!uploadDir)
      return {
        problems: [
          "UPLOAD_DIR: UPLOAD_DIR is missing (where evidence files are kept with STORAGE_DRIVER=local)",
        ],
      };
    return { settings: { driver: "local", uploadDir }, problems: [] };
  }
  const parsed = s3Schema.safeParse(
    Object.fromEntries(Object.keys(s3Schema.shape).map((k) => [k, given(k)])),
  );
  if (!parsed.success)
    return { problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  const s3 = parsed.data;
  return {
    settings: {
      driver: "s3",
      endpoint: s3.S3_ENDPOINT,
      region: s3.S3_REGION,
      bucket: s3.S3_BUCKET,
      accessKeyId: s3.S3_ACCESS_KEY_ID,
      secretAccessKey: s3.S3_SECRET_ACCESS_KEY,
      forcePathStyle: s3.S3_FORCE_PATH_STYLE === "true",
    },
    problems: [],
  };
}
