-- System notes as a message key and its parameters (lib/workflow/system-notes.ts), rendered in each
-- reader's language. Rows written before keep their bilingual text: timeline_event is append-only
-- (its trigger refuses UPDATE), so the reader recognises the old text instead (decision 030).
ALTER TABLE "timeline_event" ADD COLUMN "note_key" TEXT;
ALTER TABLE "timeline_event" ADD COLUMN "note_params" JSONB;
