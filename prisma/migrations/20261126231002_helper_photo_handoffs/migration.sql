-- AlterTable
ALTER TABLE "PhoneHandoff" ADD COLUMN     "mandateId" UUID;

-- CreateIndex
CREATE INDEX "PhoneHandoff_mandateId_idx" ON "PhoneHandoff"("mandateId");

-- AddForeignKey
ALTER TABLE "PhoneHandoff" ADD CONSTRAINT "PhoneHandoff_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "Mandate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

