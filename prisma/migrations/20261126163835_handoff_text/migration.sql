-- CreateTable
CREATE TABLE "HandoffText" (
    "handoffId" UUID NOT NULL,
    "prompt" TEXT NOT NULL,
    "maxLength" INTEGER NOT NULL,
    "initial" TEXT NOT NULL DEFAULT '',
    "text" TEXT,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "HandoffText_pkey" PRIMARY KEY ("handoffId")
);

-- AddForeignKey
ALTER TABLE "HandoffText" ADD CONSTRAINT "HandoffText_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "PhoneHandoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

