import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { NotificationChannel, WorkflowNode } from "@/lib/generated/prisma/enums";
import { readOperationsSnapshot, type OperationsSnapshot } from "./data";
import { logger, processType } from "./logger";

// Prometheus metrics of this process (decision 020). One Registry per process, kept on globalThis:
// scripts/server.ts and the Next bundle load this module separately, and dev reloads re-run it;
// prom-client's default registry would refuse the second registration of every name.
// Label values are names from the code (action and route names, nodes, channels), never paths
// or ids, so the number of series stays bounded.

export type HandlerKind = "action" | "route";

type Metrics = {
  registry: Registry;
  handlerSeconds: Histogram<"kind" | "name" | "outcome">;
  jobRuns: Counter<"task" | "outcome">;
  jobSeconds: Histogram<"task" | "outcome">;
};

const KEY = Symbol.for("expedite.metrics");

export function metrics(): Metrics {
  const holder = globalThis as typeof globalThis & { [KEY]?: Metrics };
  return (holder[KEY] ??= createMetrics());
}

/** Drops this process's registry: the next use starts from zero (tests). */
export function resetMetrics(): void {
  delete (globalThis as typeof globalThis & { [KEY]?: Metrics })[KEY];
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process_type: processType() });
  collectDefaultMetrics({ register: registry });
  registerDatabaseGauges(registry);
  return {
    registry,
    handlerSeconds: new Histogram({
      name: "expedite_handler_duration_seconds",
      help: "Server Actions and route handlers, by name and outcome",
      labelNames: ["kind", "name", "outcome"],
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: "expedite_job_runs_total",
      help: "Background job runs, by task and outcome (ok or failed)",
      labelNames: ["task", "outcome"],
      registers: [registry],
    }),
    jobSeconds: new Histogram({
      name: "expedite_job_duration_seconds",
      help: "Background job run time, by task and outcome",
      labelNames: ["task", "outcome"],
      buckets: [...SECONDS_BUCKETS, 60, 300],
      registers: [registry],
    }),
  };
}

/** One Server Action or route handler finished (fed by their one log line). */
export function observeHandler(kind: HandlerKind, name: string, outcome: string, seconds: number): void {
  metrics().handlerSeconds.observe({ kind, name, outcome }, seconds);
}

/** One run of a background job (the job queue calls this for every run). */
export function recordJobRun(task: string, outcome: "ok" | "failed", seconds: number): void {
  const { jobRuns, jobSeconds } = metrics();
  jobRuns.inc({ task, outcome });
  jobSeconds.observe({ task, outcome }, seconds);
}

/** The exposition text and its content type, as Prometheus scrapes it. */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

// One database read serves all gauges of a scrape (prom-client collects them concurrently).
const SNAPSHOT_REUSE_MS = 1000;
let snapshot: { at: number; value: Promise<OperationsSnapshot | null> } | undefined;

function currentSnapshot(): Promise<OperationsSnapshot | null> {
  const now = Date.now();
  if (!snapshot || now - snapshot.at > SNAPSHOT_REUSE_MS)
    snapshot = {
      at: now,
      // Never rejects: a throwing collect() would fail the whole scrape, process metrics included.
      value: readOperationsSnapshot(new Date(now)).catch((error: unknown) => {
        logger().warn({ err: error, event: "metrics" }, "database metrics could not be read");
        return null;
      }),
    };
  return snapshot.value;
}

/** Gauges read from the database on every scrape; with the database unreachable they are left out and `up` is 0. */
function registerDatabaseGauges(registry: Registry) {
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    fill: (gauge: Gauge<L>, snapshot: OperationsSnapshot) => void,
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const value = await currentSnapshot();
        if (value) fill(this, value);
      },
    });

  new Gauge({
    name: "expedite_database_metrics_up",
    help: "1 when the database-derived gauges could be read, 0 when not (they are then left out)",
    registers: [registry],
    async collect() {
      this.set((await currentSnapshot()) ? 1 : 0);
    },
  });
  gauge("expedite_outbox_pending_messages", "Notifications not yet delivered", ["channel"], (g, s) => {
    for (const channel of Object.values(NotificationChannel))
      g.set({ channel }, s.pending.find((row) => row.channel === channel)?.count ?? 0);
  });
  gauge(
    "expedite_outbox_oldest_pending_age_seconds",
    "Age of the oldest undelivered notification (0 when none)",
    [],
    (g, s) => g.set(s.oldestPendingSeconds),
  );
  gauge(
    "expedite_notifications_failed",
    "Notifications given up after their last attempt",
    ["channel"],
    (g, s) => {
      for (const channel of Object.values(NotificationChannel))
        g.set({ channel }, s.failed.find((row) => row.channel === channel)?.count ?? 0);
    },
  );
  const perNode =
    (pick: (row: OperationsSnapshot["cases"][number]) => number) =>
    (g: Gauge<"node">, s: OperationsSnapshot) => {
      for (const node of Object.values(WorkflowNode))
        g.set({ node }, pick(s.cases.find((row) => row.node === node) ?? { node, open: 0, overdue: 0 }));
    };
  gauge(
    "expedite_cases_open",
    "Open cases per workflow node",
    ["node"],
    perNode((row) => row.open),
  );
  gauge(
    "expedite_cases_overdue",
    "Open cases per node whose node due time has passed while it is staff's turn",
    ["node"],
    perNode((row) => row.overdue),
  );
}
