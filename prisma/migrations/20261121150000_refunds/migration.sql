-- Refunds recorded by supervisors: amount and time (the reason is on the timeline).
ALTER TABLE "application" ADD COLUMN "refunded_minor" INTEGER, ADD COLUMN "refunded_at" TIMESTAMPTZ(3);
ALTER TABLE "application" ADD CONSTRAINT "application_refunded_minor_check" CHECK ("refunded_minor" IS NULL OR "refunded_minor" > 0);
