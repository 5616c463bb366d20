// A cross-process lock: mkdir is atomic, so exactly one process creates the directory. The owner
// writes its pid inside; a lock whose owner is gone (crash, kill -9) is broken by the next caller.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const OWNER_FILE = "pid";
// A lock dir without an owner file this old was left by a process that died right after mkdir.
const OWNERLESS_GRACE_MS = 5_000;

export type LockOptions = { timeoutMs?: number; log?: (line: string) => void };

/** Resolves with a release function once the lock is held. */
export async function acquireDirLock(
  lockDir: string,
  options: LockOptions = {},
): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  let waitingSaid = false;
  for (;;) {
    if (await tryCreate(lockDir)) {
      return () => rm(lockDir, { recursive: true, force: true });
    }
    const owner = await readOwner(lockDir);
    if (owner.stale) {
      options.log?.(`Breaking stale lock ${lockDir} (owner pid ${owner.pid ?? "unknown"} is gone)`);
      await breakStaleLock(lockDir, owner.pid);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${lockDir} (held by pid ${owner.pid ?? "unknown"})`,
      );
    }
    if (!waitingSaid) {
      options.log?.(`Waiting for ${lockDir} (held by pid ${owner.pid ?? "unknown"})`);
      waitingSaid = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function tryCreate(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
  } catch (error) {
    if (hasCode(error, "EEXIST")) return false;
    throw error;
  }
  await writeFile(path.join(lockDir, OWNER_FILE), String(process.pid));
  return true;
}

async function readOwner(lockDir: string): Promise<{ pid: number | null; stale: boolean }> {
  try {
    const pid = Number.parseInt(await readFile(path.join(lockDir, OWNER_FILE), "utf8"), 10);
    return { pid, stale: !isAlive(pid) };
  } catch (error) {
    if (!hasCode(error, "ENOENT")) throw error;
  }
  const info = await stat(lockDir).catch(() => null);
  // Gone already: not stale, just retry. Fresh and ownerless: its creator is writing the pid.
  return { pid: null, stale: info !== null && Date.now() - info.mtimeMs > OWNERLESS_GRACE_MS };
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return hasCode(error, "EPERM");
  }
}

async function breakStaleLock(lockDir: string, stalePid: number | null) {
  // Move it aside before deleting: two processes may both find the same stale lock, and a plain
  // rm could delete the fresh lock the faster one just created.
  const aside = `${lockDir}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(lockDir, aside);
  } catch (error) {
    if (hasCode(error, "ENOENT")) return;
    throw error;
  }
  const moved = await readFile(path.join(aside, OWNER_FILE), "utf8").catch(() => null);
  const movedPid = moved === null ? null : Number.parseInt(moved, 10);
  if (movedPid !== stalePid && movedPid !== null && isAlive(movedPid)) {
    // We moved a live lock that replaced the stale one in between: give it back.
    await rename(aside, lockDir).catch(() => undefined);
    return;
  }
  await rm(aside, { recursive: true, force: true });
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
