-- Delivery status per message (decision 033): who accepted it, under which id of theirs, and which
-- SMS providers may have accepted it after a timeout (never sent through again).
-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "provider" TEXT,
ADD COLUMN     "provider_message_id" TEXT,
ADD COLUMN     "uncertain_providers" TEXT[] DEFAULT ARRAY[]::TEXT[];
