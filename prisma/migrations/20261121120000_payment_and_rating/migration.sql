-- AlterTable
ALTER TABLE "application" ADD COLUMN     "payment_provider" TEXT,
ADD COLUMN     "payment_reference" TEXT,
ADD COLUMN     "rating" INTEGER,
ADD COLUMN     "rating_comment" TEXT,
ADD COLUMN     "rated_at" TIMESTAMPTZ(3);

-- The range is enforced here too, not only by the form: bad data never lands.
ALTER TABLE "application" ADD CONSTRAINT "application_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);

-- CreateIndex
CREATE UNIQUE INDEX "application_payment_reference_key" ON "application"("payment_reference");
