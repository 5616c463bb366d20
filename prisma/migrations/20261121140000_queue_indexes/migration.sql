-- Review queue: partial indexes over open cases, in the queue's exact order
-- (tier DESC, node_due_at, needed_by, id), for the whole queue and per node / assignee / service.
DROP INDEX "application_status_tier_node_due_at_idx";
DROP INDEX "application_current_node_tier_node_due_at_idx";
DROP INDEX "application_assignee_id_status_node_due_at_idx";

CREATE INDEX "application_tier_node_due_at_needed_by_id_idx"
    ON "application" ("tier" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
CREATE INDEX "application_current_node_tier_node_due_at_needed_by_id_idx"
    ON "application" ("current_node", "tier" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
CREATE INDEX "application_assignee_id_tier_node_due_at_needed_by_id_idx"
    ON "application" ("assignee_id", "tier" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
CREATE INDEX "application_service_id_tier_node_due_at_needed_by_id_idx"
    ON "application" ("service_id", "tier" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
