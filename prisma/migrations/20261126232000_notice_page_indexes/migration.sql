-- DropIndex
DROP INDEX "Notice_buildingId_validFrom_idx";

-- DropIndex
DROP INDEX "Notice_residenceId_validFrom_idx";

-- DropIndex
DROP INDEX "Notice_districtId_validFrom_idx";

-- DropIndex
DROP INDEX "Notice_cityId_validFrom_idx";

-- DropIndex
DROP INDEX "Notice_tenantId_validFrom_idx";

-- CreateIndex
CREATE INDEX "Notice_buildingId_validFrom_id_idx" ON "Notice"("buildingId", "validFrom" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notice_residenceId_validFrom_id_idx" ON "Notice"("residenceId", "validFrom" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notice_districtId_validFrom_id_idx" ON "Notice"("districtId", "validFrom" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notice_cityId_validFrom_id_idx" ON "Notice"("cityId", "validFrom" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notice_tenantId_validFrom_id_idx" ON "Notice"("tenantId", "validFrom" DESC, "id" DESC);

