-- Bursts of informational messages collapse into the newest one (decision 027): the older ones are
-- kept, marked SUPERSEDED and pointed at the message sent in their place, so nothing disappears
-- from the record. Not used in this migration, so adding the enum value inside its transaction is fine.
ALTER TYPE "notification_status" ADD VALUE 'SUPERSEDED';

ALTER TABLE "notification" ADD COLUMN "superseded_by_id" UUID;
