-- One atomic rate limiter for every throttle (lib/rate-limit/): GCRA, one "theoretical arrival
-- time" per key. Replaces the read-then-record failure counters, which let parallel guesses through
-- and locked rightful users out (issue 12, decision 008). Their counts are not carried over.
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "tat" TIMESTAMPTZ(3) NOT NULL,
    "interval_seconds" INTEGER NOT NULL,
    "burst" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- The worker drops keys whose time has passed (they mean the same as no row).
CREATE INDEX "rate_limit_tat_idx" ON "rate_limit"("tat");

DROP TABLE "sign_in_throttle";
DROP TABLE "lookup_throttle";
