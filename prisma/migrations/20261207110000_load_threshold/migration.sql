-- AlterTable
ALTER TABLE "handover" ADD COLUMN     "note" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "service_type" ADD COLUMN     "load_threshold" INTEGER;

-- CreateTable
CREATE TABLE "load_warning" (
    "user_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "open_cases" INTEGER NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "load_warning_pkey" PRIMARY KEY ("user_id","service_id")
);

-- CreateIndex
CREATE INDEX "load_warning_service_id_idx" ON "load_warning"("service_id");

-- AddForeignKey
ALTER TABLE "load_warning" ADD CONSTRAINT "load_warning_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "load_warning" ADD CONSTRAINT "load_warning_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service_type"("id") ON DELETE CASCADE ON UPDATE CASCADE;
