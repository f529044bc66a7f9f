-- CreateEnum
CREATE TYPE "CallKind" AS ENUM ('CALL_CENTRE', 'NEIGHBOUR', 'CALL_BACK');

-- CreateEnum
CREATE TYPE "CallState" AS ENUM ('REQUESTED', 'QUEUED', 'RINGING', 'ANSWERED', 'ENDED', 'MISSED', 'DECLINED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "CallableBy" AS ENUM ('NOBODY', 'BUILDING', 'RESIDENCE');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "callCentreHours" JSONB;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "callableBy" "CallableBy" NOT NULL DEFAULT 'NOBODY';

-- CreateTable
CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "kind" "CallKind" NOT NULL,
    "state" "CallState" NOT NULL DEFAULT 'REQUESTED',
    "organisationId" UUID NOT NULL,
    "callerTenantId" UUID,
    "calleeTenantId" UUID,
    "agentId" UUID,
    "roomName" TEXT NOT NULL,
    "note" TEXT,
    "ringDeadline" TIMESTAMP(3),
    "endReason" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallTransition" (
    "id" BIGSERIAL NOT NULL,
    "callId" UUID NOT NULL,
    "from" "CallState",
    "to" "CallState" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "by" TEXT NOT NULL,
    "reason" TEXT,

    CONSTRAINT "CallTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallLine" (
    "tenantId" UUID NOT NULL,
    "callId" UUID NOT NULL,

    CONSTRAINT "CallLine_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "CallPresence" (
    "callId" UUID NOT NULL,
    "identity" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallPresence_pkey" PRIMARY KEY ("callId","identity")
);

-- CreateTable
CREATE TABLE "LivekitWebhook" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LivekitWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantBlock" (
    "blockerId" UUID NOT NULL,
    "blockedId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantBlock_pkey" PRIMARY KEY ("blockerId","blockedId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Call_roomName_key" ON "Call"("roomName");

-- CreateIndex
CREATE UNIQUE INDEX "Call_idempotencyKey_key" ON "Call"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Call_organisationId_state_queuedAt_idx" ON "Call"("organisationId", "state", "queuedAt");

-- CreateIndex
CREATE INDEX "Call_state_ringDeadline_idx" ON "Call"("state", "ringDeadline");

-- CreateIndex
CREATE INDEX "Call_callerTenantId_createdAt_idx" ON "Call"("callerTenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Call_calleeTenantId_createdAt_idx" ON "Call"("calleeTenantId", "createdAt");

-- CreateIndex
CREATE INDEX "CallTransition_callId_id_idx" ON "CallTransition"("callId", "id");

-- CreateIndex
CREATE INDEX "CallLine_callId_idx" ON "CallLine"("callId");

-- CreateIndex
CREATE INDEX "LivekitWebhook_receivedAt_idx" ON "LivekitWebhook"("receivedAt");

-- CreateIndex
CREATE INDEX "TenantBlock_blockedId_idx" ON "TenantBlock"("blockedId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_callerTenantId_fkey" FOREIGN KEY ("callerTenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_calleeTenantId_fkey" FOREIGN KEY ("calleeTenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTransition" ADD CONSTRAINT "CallTransition_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallLine" ADD CONSTRAINT "CallLine_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallPresence" ADD CONSTRAINT "CallPresence_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantBlock" ADD CONSTRAINT "TenantBlock_blockerId_fkey" FOREIGN KEY ("blockerId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantBlock" ADD CONSTRAINT "TenantBlock_blockedId_fkey" FOREIGN KEY ("blockedId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

