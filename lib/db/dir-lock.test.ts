import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDirLock } from "./dir-lock";

let root: string;
let lockDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "expedite-lock-"));
  lockDir = path.join(root, "data.lock");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("acquireDirLock", () => {
  it("lets one holder in at a time", async () => {
    const order: string[] = [];
    const release = await acquireDirLock(lockDir);
    const second = acquireDirLock(lockDir).then((releaseSecond) => {
      order.push("second acquired");
      return releaseSecond;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push("first releasing");
    await release();
    await (
      await second
    )();

    expect(order).toEqual(["first releasing", "second acquired"]);
    await expect(stat(lockDir)).rejects.toThrow();
  });

  it("breaks a lock whose owner process is gone", async () => {
    const deadPid = spawnSync("true").pid;
    await mkdir(lockDir);
    await writeFile(path.join(lockDir, "pid"), String(deadPid));
    const lines: string[] = [];

    const release = await acquireDirLock(lockDir, { timeoutMs: 2_000, log: (line) => lines.push(line) });

    expect(lines).toEqual([`Breaking stale lock ${lockDir} (owner pid ${deadPid} is gone)`]);
    await release();
  });

  it("times out while a live process holds the lock", async () => {
    await mkdir(lockDir);
    await writeFile(path.join(lockDir, "pid"), String(process.ppid));

    await expect(acquireDirLock(lockDir, { timeoutMs: 300 })).rejects.toThrow(`held by pid ${process.ppid}`);
  });
});
