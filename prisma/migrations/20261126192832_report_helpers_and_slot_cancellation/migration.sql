-- AlterTable
ALTER TABLE "ReportEvent" ADD COLUMN     "mandateId" UUID;

-- AlterTable
ALTER TABLE "AppointmentSlot" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" UUID;

-- CreateIndex
CREATE INDEX "ReportEvent_mandateId_id_idx" ON "ReportEvent"("mandateId", "id");

