import { readdirSync, readFileSync } from "node:fs";

/** "VmRSS:  123456 kB" → bytes; 0 when the process is gone or the field missing. */
export function statusField(status: string, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The process and everything it started (Linux /proc; threads' children lists). */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${tree[index]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      for (const child of read(`/proc/${tree[index]}/task/${task}/children`).split(/\s+/).filter(Boolean))
        tree.push(Number(child));
    }
  }
  return tree;
}

/** The kernel's high-water mark of resident memory (VmHWM) since start, summed over the process tree. */
export function highWaterMark(pid: number): number {
  return processTree(pid).reduce((sum, id) => sum + statusField(read(`/proc/${id}/status`), "VmHWM"), 0);
}

/**
 * Samples the resident memory of a server and its children every `intervalMs` while a scenario
 * runs; `stop()` gives the highest total seen during the scenario.
 */
export function sampleMemory(pid: number, intervalMs = 200) {
  let peakRss = 0;
  const sample = () => {
    const total = processTree(pid).reduce(
      (sum, id) => sum + statusField(read(`/proc/${id}/status`), "VmRSS"),
      0,
    );
    peakRss = Math.max(peakRss, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return peakRss;
    },
  };
}
