import { join, sql, type Sql } from "@/lib/sql";
import { STAFF_TURN_STATUSES } from "./queue-due";

/**
 * Overdue, as the queue's filter and its red flag (dueStateOf) count it: staff's turn and the
 * node's due time strictly passed. For rows of application that are open (closed_at IS NULL).
 */
export function overdueSql(now: Date): Sql {
  const staffTurn = join(STAFF_TURN_STATUSES.map((status) => sql`${status}::application_status`));
  return sql`node_due_at < ${now} AND status IN (${staffTurn})`;
}
