-- Cases flagged "nobody on duty": the worker looks for them every minute (lib/rota/waiting-mutations.ts).
-- Partial, so it holds only the few flagged rows, not every case.
CREATE INDEX "application_unstaffed_at_idx" ON "application"("unstaffed_at") WHERE unstaffed_at IS NOT NULL;
