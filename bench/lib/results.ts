import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import type { JsSize } from "./js-size";
import type { Measurement } from "./measure";
import { markdownTable, resultsFileStem, resultsTable, targetsTable } from "./report";
import type { SeedTimings } from "./seed-cases";
import { checkTargets } from "./targets";

type Results = {
  date: Date;
  /** Appended to the file name (`<date>-<label>`), for runs of an experiment beside the day's run. */
  label: string;
  cases: number;
  /** App instances behind nginx (deploy/nginx/expedite.conf); 1 means the app alone, no nginx. */
  instances: number;
  connections: number;
  seconds: number;
  warmup: number;
  postgres: string;
  seed: { seconds: number; steps: SeedTimings };
  jsSizes: JsSize[];
  measured: Measurement;
  /** The app server's VmHWM at the end: its peak resident memory over the whole run, spikes between samples included. */
  appHighWaterBytes: number;
  totalSeconds: number;
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function machine() {
  const list = cpus();
  return `${list.length} × ${list[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}, load average at the end ${loadavg()
    .map((load) => load.toFixed(1))
    .join(" / ")}`;
}

/** The commit measured, and whether the app's sources differed from it. */
function revision(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const changed = execFileSync(
      "git",
      ["status", "--porcelain", "--", "app", "components", "lib", "scripts", "prisma", "next.config.ts"],
      { encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3));
    return changed.length ? `${commit} with local changes to ${changed.join(", ")}` : commit;
  } catch {
    return "unknown (not a git checkout)";
  }
}

function byKey(measured: Measurement, key: string) {
  const row = measured.rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`No result for scenario ${key}`);
  return row;
}

function latencyOf(measured: Measurement, key: string, saturated: number) {
  const paced = measured.halfLoad.find((run) => run.key === key);
  return { saturated, halfLoad: paced?.p95 ?? Number.NaN, halfLoadRate: paced?.rate ?? 0 };
}

/** Prints the tables and writes bench/results/<date>.json and .md; returns the two paths. */
export async function writeResults(results: Results): Promise<string[]> {
  const { measured } = results;
  const appRows = measured.rows.filter((row) => row.server === "app");
  const submissions = measured.submissions;
  const targets = checkTargets({
    cases: results.cases,
    lookupRatio: measured.lookup.ratio,
    p95: {
      lookup: latencyOf(
        measured,
        "a-app",
        Math.max(...appRows.filter((row) => row.key.startsWith("a-")).map((row) => row.p95)),
      ),
      trackPage: latencyOf(measured, "b", byKey(measured, "b").p95),
      casePage: latencyOf(measured, "c", byKey(measured, "c").p95),
      queuePage: latencyOf(measured, "d", byKey(measured, "d").p95),
    },
    submissionsPerSecond: byKey(measured, "e").rate,
    submissionFailures: byKey(measured, "e").unexpected + byKey(measured, "e").errors,
    duplicates: submissions.duplicates + submissions.unknownKeys,
    lookupPageJsGzipBytes: results.jsSizes[0]!.gzipBytes,
    peakRssBytes: Math.max(results.appHighWaterBytes, ...appRows.map((row) => row.peakRssBytes ?? 0)),
    unexpectedByScenario: Object.fromEntries([
      ...measured.rows.map((row) => [row.key, row.unexpected + row.errors]),
      ...measured.halfLoad.map((run) => [`${run.key} (half load)`, run.unexpected + run.errors]),
    ]),
  });

  const markdown = [
    `# Benchmark ${results.date.toISOString()}${results.label ? ` (${results.label})` : ""}`,
    "",
    `Commit ${revision()}.`,
    "",
    `${results.cases.toLocaleString("en-US")} cases · ${results.instances === 1 ? "one app instance" : `${results.instances} app instances behind nginx (round-robin)`} · ${results.connections} connections · ${results.seconds} s per run after a ${results.warmup} s warm-up · ${machine()} · ${results.postgres}`,
    "",
    resultsTable(measured.rows),
    "",
    "At half load: the read scenarios again, open loop (requests leave at a fixed rate, half the app's saturated throughput; the baseline at the app's rate), over the same connections:",
    "",
    markdownTable(
      ["scenario", "offered", "p50 ms", "p95 ms", "p99 ms", "errors", "non-2xx"],
      measured.halfLoad.map((run) => [
        run.scenario,
        `${run.rate} req/s`,
        run.p50.toFixed(1),
        run.p95.toFixed(1),
        run.p99.toFixed(1),
        String(run.errors),
        String(run.unexpected),
      ]),
      ["l", "r", "r", "r", "r", "r", "r"],
    ),
    "",
    `Lookup JSON: the app makes **${measured.lookup.ratio.toFixed(2)}×** the baseline's throughput (runs: ${measured.lookup.perPair.map((ratio) => `${ratio.toFixed(2)}×`).join(", ")}).`,
    `App server peak memory over the whole run (kernel high-water mark${results.instances > 1 ? ", the first instance" : ""}): ${(results.appHighWaterBytes / 1024 / 1024).toFixed(0)} MB.`,
    `Submissions: ${submissions.sent} keys sent (warm-up included), ${submissions.inDatabase} applications made from them, ${submissions.duplicates} duplicates, ${submissions.unknownKeys} without a sent key.`,
    measured.transitions.poolExhausted
      ? `Transitions: the pool of movable cases ran out ${measured.transitions.poolExhausted} times (those requests failed).`
      : "",
    "",
    markdownTable(
      ["page", "scripts", "JS raw", "JS gzipped", "inline scripts gzipped"],
      results.jsSizes.map((size) => [
        size.page.replace(/EX[0-9A-Z]+$/, "<number>"),
        String(size.scripts),
        kb(size.rawBytes),
        kb(size.gzipBytes),
        kb(size.inlineGzipBytes),
      ]),
      ["l", "r", "r", "r", "r"],
    ),
    "",
    targetsTable(targets),
    "",
    `Seeding: ${results.seed.steps.map((step) => `${step.step} ${step.seconds.toFixed(1)} s`).join(", ")} (total ${results.seed.seconds.toFixed(1)} s). Whole run: ${results.totalSeconds.toFixed(0)} s.`,
    "",
  ]
    .filter((line, index, lines) => line !== "" || lines[index - 1] !== "")
    .join("\n");
  console.log(`\n${markdown}`);

  const directory = path.resolve("bench/results");
  await mkdir(directory, { recursive: true });
  const stem = path.join(
    directory,
    resultsFileStem(results.date) + (results.label ? `-${results.label}` : ""),
  );
  const json = {
    ...results,
    date: results.date.toISOString(),
    machine: machine(),
    revision: revision(),
    targets,
    // Each row already carries its run's figures; the raw result would repeat them.
    measured: { ...measured, rows: measured.rows.map(({ result: _result, ...row }) => row) },
  };
  await writeFile(`${stem}.json`, `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(`${stem}.md`, markdown);
  return [`${stem}.json`, `${stem}.md`].map((file) => path.relative(process.cwd(), file));
}
