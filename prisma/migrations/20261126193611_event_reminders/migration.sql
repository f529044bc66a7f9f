-- AlterTable
ALTER TABLE "EventSignup" ADD COLUMN     "reminderClaimedAt" TIMESTAMP(3),
ADD COLUMN     "reminderDueAt" TIMESTAMP(3),
ADD COLUMN     "reminderSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "EventSignup_reminderDueAt_idx" ON "EventSignup"("reminderDueAt");

