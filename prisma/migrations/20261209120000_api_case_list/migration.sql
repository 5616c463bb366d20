-- Partner API (decision 037): GET /api/v1/applications for an internal system lists every case its
-- staff member sees, most recently changed first, paged by a cursor over (updated_at, id). Partners'
-- lists have their own partial index (api_client_id, updated_at DESC, id DESC) from 20261209100000.
CREATE INDEX "application_updated_at_id_idx" ON "application"("updated_at" DESC, "id" DESC);
