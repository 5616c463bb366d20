import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { processTree } from "./memory";
import { withClient } from "./postgres";

// Linux reports process and machine CPU time in clock ticks of 1/100 s (USER_HZ) on every
// platform Node runs on.
const TICKS_PER_SECOND = 100;

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** User + system CPU seconds of one process; 0 when it is gone. */
export function processCpuSeconds(pid: number): number {
  const fields = read(`/proc/${pid}/stat`).split(") ")[1]?.split(" ");
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

/** CPU seconds the whole machine spent busy (everything but idle and I/O wait) since boot. */
export function machineBusySeconds(): number {
  const ticks = read("/proc/stat").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return (total - ticks[3]! - ticks[4]!) / TICKS_PER_SECOND;
}

async function backendPids(databaseUrl: string): Promise<number[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows.map((row) => row.pid);
  });
}

export type CpuSplit = {
  /** CPU seconds during the run: the server (and its children), the database's backends, this process, everything else on the machine. */
  server: number;
  postgres: number;
  loadGenerator: number;
  other: number;
  cores: number;
};

/**
 * Where the machine's CPU went during one run. On a shared machine the "other" share says how
 * much of the figures' noise came from outside; the server's CPU per request holds up far better
 * than requests per second when the machine is busy with other work.
 */
export async function startCpuSplit(serverPid: number, databaseUrl: string) {
  const serverTree = () => processTree(serverPid).reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
  const pidsBefore = await backendPids(databaseUrl);
  const before = new Map(pidsBefore.map((pid) => [pid, processCpuSeconds(pid)]));
  const start = { server: serverTree(), self: process.cpuUsage(), machine: machineBusySeconds() };
  return {
    async stop(): Promise<CpuSplit> {
      const server = serverTree() - start.server;
      const self = process.cpuUsage(start.self);
      const loadGenerator = (self.user + self.system) / 1e6;
      const machine = machineBusySeconds() - start.machine;
      // Backends opened during the run started from zero.
      const pids = new Set([...pidsBefore, ...(await backendPids(databaseUrl))]);
      const postgres = [...pids].reduce(
        (sum, pid) => sum + Math.max(0, processCpuSeconds(pid) - (before.get(pid) ?? 0)),
        0,
      );
      return {
        server,
        postgres,
        loadGenerator,
        other: Math.max(0, machine - server - postgres - loadGenerator),
        cores: cpus().length,
      };
    },
  };
}
