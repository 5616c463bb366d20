/** Reading Postgres EXPLAIN (FORMAT JSON) output: shared by the queue benchmark and its plan test. */

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
};

/** One element of EXPLAIN (FORMAT JSON)'s top-level array. */
export type Explained = { Plan: PlanNode; "Planning Time"?: number; "Execution Time"?: number };

const SORTS = new Set(["Sort", "Incremental Sort"]);
const INDEX_SCANS = new Set(["Index Scan", "Index Only Scan", "Index Scan Backward", "Bitmap Index Scan"]);

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

/** Does `node` read `table` rows with no Limit in between (i.e. would it see all matching rows)? */
function readsTableUnlimited(node: PlanNode, table: string): boolean {
  if (node["Relation Name"] === table) return true;
  return (node.Plans ?? []).some(
    (child) => child["Node Type"] !== "Limit" && readsTableUnlimited(child, table),
  );
}

export type PlanSummary = {
  /** Indexes used to read `table` (index scans, and bitmap index scans under them). */
  indexes: string[];
  /** A sequential scan of `table` anywhere in the plan. */
  seqScan: boolean;
  /** A Sort fed by `table` rows with no Limit in between: Postgres sorted every matching row. */
  sortsAllRows: boolean;
};

export function summarizePlan(plan: PlanNode, table = "application"): PlanSummary {
  const nodes = [...walk(plan)];
  // A Bitmap Index Scan names its index but not its table; the table is on the Bitmap Heap Scan above.
  const bitmapIndexes = nodes
    .filter((node) => node["Node Type"] === "Bitmap Heap Scan" && node["Relation Name"] === table)
    .flatMap((node) => (node.Plans ?? []).flatMap((child) => [...walk(child)]))
    .map((node) => node["Index Name"]);
  const indexes = nodes
    .filter((node) => INDEX_SCANS.has(node["Node Type"]) && node["Relation Name"] === table)
    .map((node) => node["Index Name"])
    .concat(bitmapIndexes)
    .filter((name): name is string => Boolean(name));
  return {
    indexes: [...new Set(indexes)],
    seqScan: nodes.some((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === table),
    sortsAllRows: nodes.some((node) => SORTS.has(node["Node Type"]) && readsTableUnlimited(node, table)),
  };
}

/** The queue's partial indexes (prisma/migrations/20261121140000_queue_indexes), by what leads them. */
export const QUEUE_INDEXES = {
  all: "application_tier_triage_score_node_due_at_needed_by_id_idx",
  node: "application_current_node_tier_triage_score_node_due_at_need_idx",
  assignee: "application_assignee_id_tier_triage_score_node_due_at_neede_idx",
  service: "application_service_id_tier_triage_score_node_due_at_needed_idx",
} as const;
