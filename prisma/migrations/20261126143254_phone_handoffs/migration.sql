-- CreateTable
CREATE TABLE "PhoneHandoff" (
    "id" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "tenantId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "subjectId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3),

    CONSTRAINT "PhoneHandoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhoneHandoff_codeHash_key" ON "PhoneHandoff"("codeHash");

-- CreateIndex
CREATE INDEX "PhoneHandoff_tenantId_idx" ON "PhoneHandoff"("tenantId");

-- CreateIndex
CREATE INDEX "PhoneHandoff_expiresAt_idx" ON "PhoneHandoff"("expiresAt");

-- AddForeignKey
ALTER TABLE "PhoneHandoff" ADD CONSTRAINT "PhoneHandoff_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

