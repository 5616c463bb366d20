import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";

const database = withTestDatabase();
const ROOT = path.resolve(__dirname, "../..");

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm run worker (scripts/worker.ts)", () => {
  it("relays the outbox in its own process and stops cleanly on SIGTERM", async () => {
    const row = await db.notification.create({
      data: {
        channel: "EMAIL",
        template: "application.received",
        payload: { number: "N-7" },
        toAddress: "p@test.example",
      },
    });
    // As production runs it (deploy/systemd, compose): `node --import tsx`. Under the tsx CLI a
    // SIGTERM goes through tsx, which SIGKILLs its child when that does not confirm within 60 ms:
    // on a busy machine the worker was killed mid-job (exit 143) instead of finishing its jobs.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        DATABASE_URL: database.current().url,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
        ID_HASH_KEY: process.env.ID_HASH_KEY,
        SMTP_URL: "",
        // The tests' convention (lib/testing/with-test-database.ts): status messages are not held.
        NOTIFICATION_QUIET_SECONDS: "0",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const mail = await waitFor(() => db.devMail.findUnique({ where: { notificationId: row.id } }), 30_000);
    expect(mail).toMatchObject({ channel: "EMAIL", toAddress: "p@test.example", subject: "已收到申请 N-7" });
    await waitFor(
      async () =>
        (await db.notification.findUniqueOrThrow({ where: { id: row.id } })).status === "SENT" ? true : null,
      10_000,
    );

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM received, finishing the jobs in hand.");
  }, 60_000);
});
