-- CreateEnum
CREATE TYPE "ModerationTargetKind" AS ENUM ('POST', 'REPLY', 'USER', 'MESSAGE');

-- CreateEnum
CREATE TYPE "ContentReportReason" AS ENUM ('ABUSE', 'DISCRIMINATION', 'SPAM', 'PERSONAL_INFORMATION', 'DANGEROUS', 'OTHER');

-- CreateEnum
CREATE TYPE "ModerationCaseStatus" AS ENUM ('OPEN', 'KEPT', 'HIDDEN', 'DELETED');

-- CreateEnum
CREATE TYPE "ModerationActionKind" AS ENUM ('AUTO_HIDE', 'KEEP', 'HIDE', 'DELETE', 'WARN', 'SUSPEND', 'READ_CONVERSATION');

-- DropIndex
DROP INDEX "Post_audienceId_createdAt_id_idx";

-- DropIndex
DROP INDEX "Post_audienceId_kind_createdAt_id_idx";

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PostReply" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ModerationCase" (
    "id" UUID NOT NULL,
    "targetKind" "ModerationTargetKind" NOT NULL,
    "targetId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "residenceId" UUID NOT NULL,
    "buildingId" UUID NOT NULL,
    "status" "ModerationCaseStatus" NOT NULL DEFAULT 'OPEN',
    "reporterCount" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentReport" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "reason" "ContentReportReason" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedAt" TIMESTAMP(3),

    CONSTRAINT "ContentReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" UUID NOT NULL,
    "caseId" UUID,
    "tenantId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "residenceId" UUID NOT NULL,
    "kind" "ModerationActionKind" NOT NULL,
    "staffId" UUID,
    "staffName" TEXT,
    "reason" TEXT NOT NULL,
    "suspendedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForbiddenWord" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "word" TEXT NOT NULL,
    "folded" TEXT NOT NULL,
    "createdByStaffId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForbiddenWord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModerationCase_organisationId_status_openedAt_id_idx" ON "ModerationCase"("organisationId", "status", "openedAt", "id");

-- CreateIndex
CREATE INDEX "ModerationCase_residenceId_status_openedAt_id_idx" ON "ModerationCase"("residenceId", "status", "openedAt", "id");

-- CreateIndex
CREATE INDEX "ModerationCase_authorId_idx" ON "ModerationCase"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationCase_targetKind_targetId_key" ON "ModerationCase"("targetKind", "targetId");

-- CreateIndex
CREATE INDEX "ContentReport_reporterId_idx" ON "ContentReport"("reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentReport_caseId_reporterId_key" ON "ContentReport"("caseId", "reporterId");

-- CreateIndex
CREATE INDEX "ModerationAction_organisationId_createdAt_id_idx" ON "ModerationAction"("organisationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ModerationAction_residenceId_createdAt_id_idx" ON "ModerationAction"("residenceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ModerationAction_tenantId_kind_suspendedUntil_idx" ON "ModerationAction"("tenantId", "kind", "suspendedUntil");

-- CreateIndex
CREATE UNIQUE INDEX "ForbiddenWord_organisationId_folded_key" ON "ForbiddenWord"("organisationId", "folded");

-- CreateIndex
CREATE INDEX "Post_audienceId_createdAt_id_idx" ON "Post"("audienceId", "createdAt" DESC, "id" DESC, "hiddenAt");

-- CreateIndex
CREATE INDEX "Post_audienceId_kind_createdAt_id_idx" ON "Post"("audienceId", "kind", "createdAt" DESC, "id" DESC, "hiddenAt");

-- AddForeignKey
ALTER TABLE "ModerationCase" ADD CONSTRAINT "ModerationCase_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentReport" ADD CONSTRAINT "ContentReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ModerationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentReport" ADD CONSTRAINT "ContentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ModerationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

