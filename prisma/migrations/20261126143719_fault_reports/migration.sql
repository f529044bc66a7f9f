-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('RECEIVED', 'ACKNOWLEDGED', 'APPOINTMENT_OFFERED', 'APPOINTMENT_BOOKED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReportLocation" AS ENUM ('HOME', 'COMMON_AREA');

-- CreateEnum
CREATE TYPE "ReportUrgency" AS ENUM ('LOW', 'NORMAL', 'URGENT');

-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "serial" SERIAL NOT NULL,
    "organisationId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "homeId" UUID NOT NULL,
    "buildingId" UUID NOT NULL,
    "residenceId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "location" "ReportLocation" NOT NULL,
    "spot" TEXT NOT NULL,
    "urgency" "ReportUrgency" NOT NULL,
    "template" TEXT,
    "description" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'RECEIVED',
    "assigneeId" UUID,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" BIGSERIAL NOT NULL,
    "reportId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorStaffId" UUID,
    "authorName" TEXT,
    "status" "ReportStatus",
    "body" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPhoto" (
    "id" UUID NOT NULL,
    "reportId" UUID,
    "tenantId" UUID NOT NULL,
    "handoffId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSlot" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ReportSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSupport" (
    "reportId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSupport_pkey" PRIMARY KEY ("reportId","tenantId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Report_serial_key" ON "Report"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Report_idempotencyKey_key" ON "Report"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Report_organisationId_status_createdAt_idx" ON "Report"("organisationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Report_buildingId_location_status_idx" ON "Report"("buildingId", "location", "status");

-- CreateIndex
CREATE INDEX "Report_tenantId_createdAt_idx" ON "Report"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportEvent_reportId_id_idx" ON "ReportEvent"("reportId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReportPhoto_storageKey_key" ON "ReportPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "ReportPhoto_reportId_idx" ON "ReportPhoto"("reportId");

-- CreateIndex
CREATE INDEX "ReportPhoto_tenantId_reportId_createdAt_idx" ON "ReportPhoto"("tenantId", "reportId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportSlot_reportId_idx" ON "ReportSlot"("reportId");

-- CreateIndex
CREATE INDEX "ReportSupport_tenantId_idx" ON "ReportSupport"("tenantId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPhoto" ADD CONSTRAINT "ReportPhoto_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPhoto" ADD CONSTRAINT "ReportPhoto_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSlot" ADD CONSTRAINT "ReportSlot_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSupport" ADD CONSTRAINT "ReportSupport_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSupport" ADD CONSTRAINT "ReportSupport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

