-- Email confirmation for self-registered accounts (decision 010). The default makes every
-- existing account (seeded, created by admins, registered before) confirmed; self-registration
-- writes NULL explicitly.
ALTER TABLE "user" ADD COLUMN "email_confirmed_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;

CREATE TABLE "email_confirmation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "next_path" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_confirmation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "email_confirmation_token_hash_key" ON "email_confirmation"("token_hash");
CREATE INDEX "email_confirmation_user_id_created_at_idx" ON "email_confirmation"("user_id", "created_at" DESC);
ALTER TABLE "email_confirmation" ADD CONSTRAINT "email_confirmation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
