-- AlterEnum
ALTER TYPE "AudienceKind" ADD VALUE 'TENANT';

-- DropForeignKey
ALTER TABLE "Notice" DROP CONSTRAINT "Notice_authorStaffId_fkey";

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "tenantId" UUID,
ALTER COLUMN "authorStaffId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Notice_tenantId_validFrom_idx" ON "Notice"("tenantId", "validFrom");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_authorStaffId_fkey" FOREIGN KEY ("authorStaffId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

