-- Public lookup throttle, the development mailbox, follow-ups (催办), and the unread count index.
ALTER TYPE "timeline_action" ADD VALUE 'FOLLOW_UP';

CREATE TABLE "lookup_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "lookup_throttle_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "lookup_throttle_updated_at_idx" ON "lookup_throttle"("updated_at");

CREATE TABLE "dev_mail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "notification_id" UUID,
    "channel" "notification_channel" NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dev_mail_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "dev_mail_notification_id_key" ON "dev_mail"("notification_id");
CREATE INDEX "dev_mail_created_at_idx" ON "dev_mail"("created_at" DESC);

CREATE INDEX "notification_recipient_id_channel_idx" ON "notification"("recipient_id", "channel") WHERE read_at IS NULL;
