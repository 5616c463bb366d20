-- CreateIndex
CREATE INDEX "evidence_file_created_at_idx" ON "evidence_file"("created_at") WHERE (application_id IS NULL AND supplement_request_id IS NULL);
