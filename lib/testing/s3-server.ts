// A real S3 REST endpoint on loopback for tests and test scripts: s3rver (npm), which speaks the S3
// protocol to the real AWS SDK. It stands in for AWS S3, MinIO, Aliyun OSS or Tencent COS in
// protocol tests; it is not a real object store (decision 019). No Vitest imports: a plain
// `tsx` script (e.g. a multi-instance run) can start one too.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { S3StorageSettings } from "@/lib/config/storage-env";

export type S3Server = {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  bucket: string;
  /** What s3FileStore / fileStoreFor take. */
  settings: S3StorageSettings;
  /** The same as environment variables, for a child app process (STORAGE_DRIVER=s3, S3_*). */
  env: Record<string, string>;
  /** Stops the server and removes its files (unless `directory` was given). */
  stop: () => Promise<void>;
};

// In a child process because s3rver encrypts ListObjectsV2 continuation tokens with DES, which
// OpenSSL 3 only offers with --openssl-legacy-provider: without it, every listing longer than one
// page fails with a 500. The child exits when its stdin closes, so it never outlives its parent.
const CHILD = `
const [modulePath, directory, bucket, port] = process.argv.slice(1);
const S3rver = require(modulePath);
const server = new S3rver({ address: "127.0.0.1", port: Number(port), silent: true, directory,
  configureBuckets: [{ name: bucket }] });
server.run().then(({ port }) => process.stdout.write(JSON.stringify({ port }) + "\\n"),
  (error) => { console.error(error); process.exit(1); });
process.stdin.on("end", () => server.close().finally(() => process.exit(0)));
process.stdin.resume();
`;

export async function startS3Server(
  options: { bucket?: string; port?: number; directory?: string } = {},
): Promise<S3Server> {
  const bucket = options.bucket ?? "evidence";
  const directory = options.directory ?? mkdtempSync(path.join(tmpdir(), "expedite-s3-"));
  const modulePath = createRequire(import.meta.url).resolve("s3rver");
  const child = spawn(
    process.execPath,
    ["--openssl-legacy-provider", "-e", CHILD, modulePath, directory, bucket, String(options.port ?? 0)],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n")) resolve((JSON.parse(line!) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before listening:\n${stderr}`)));
    child.once("error", reject);
  });

  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's built-in account.
  const settings: S3StorageSettings = {
    driver: "s3",
    endpoint,
    region: "us-east-1",
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  return {
    endpoint,
    port,
    bucket,
    settings,
    env: {
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: endpoint,
      S3_REGION: settings.region,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    },
    stop: async () => {
      child.stdin.end();
      await exited;
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
