-- CreateEnum
CREATE TYPE "EServiceVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "EServiceRequestStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "EServiceDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "EServiceForm" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "cityId" UUID NOT NULL,
    "districtId" UUID,
    "slug" TEXT NOT NULL,
    "receiptPrefix" TEXT NOT NULL,
    "publishedVersionId" UUID,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EServiceForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EServiceFormVersion" (
    "id" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "EServiceVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "schema" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,
    "publishedBy" TEXT,

    CONSTRAINT "EServiceFormVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EServiceDraft" (
    "tenantId" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EServiceDraft_pkey" PRIMARY KEY ("tenantId","formId")
);

-- CreateTable
CREATE TABLE "EServiceRequest" (
    "id" UUID NOT NULL,
    "receiptNumber" TEXT NOT NULL,
    "formId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "answers" JSONB NOT NULL,
    "status" "EServiceRequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "assigneeId" UUID,
    "assigneeName" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "EServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EServiceRequestEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" UUID,
    "actorName" TEXT,
    "status" "EServiceRequestStatus" NOT NULL,
    "message" TEXT,
    "fields" TEXT[],
    "idempotencyKey" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EServiceRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EServiceReceiptCounter" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "EServiceReceiptCounter_pkey" PRIMARY KEY ("prefix","year")
);

-- CreateTable
CREATE TABLE "EServiceWebhookDelivery" (
    "id" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "EServiceDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseToken" UUID,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "EServiceWebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EServiceWebhookAttempt" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,

    CONSTRAINT "EServiceWebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EServiceForm_publishedVersionId_key" ON "EServiceForm"("publishedVersionId");

-- CreateIndex
CREATE INDEX "EServiceForm_districtId_idx" ON "EServiceForm"("districtId");

-- CreateIndex
CREATE INDEX "EServiceForm_cityId_idx" ON "EServiceForm"("cityId");

-- CreateIndex
CREATE UNIQUE INDEX "EServiceForm_organisationId_slug_key" ON "EServiceForm"("organisationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "EServiceFormVersion_formId_number_key" ON "EServiceFormVersion"("formId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "EServiceRequest_receiptNumber_key" ON "EServiceRequest"("receiptNumber");

-- CreateIndex
CREATE UNIQUE INDEX "EServiceRequest_idempotencyKey_key" ON "EServiceRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EServiceRequest_organisationId_status_submittedAt_id_idx" ON "EServiceRequest"("organisationId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "EServiceRequest_formId_submittedAt_idx" ON "EServiceRequest"("formId", "submittedAt");

-- CreateIndex
CREATE INDEX "EServiceRequest_tenantId_submittedAt_id_idx" ON "EServiceRequest"("tenantId", "submittedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "EServiceRequestEvent_idempotencyKey_key" ON "EServiceRequestEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EServiceRequestEvent_requestId_id_idx" ON "EServiceRequestEvent"("requestId", "id");

-- CreateIndex
CREATE INDEX "EServiceWebhookDelivery_status_nextAttemptAt_idx" ON "EServiceWebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EServiceWebhookDelivery_formId_createdAt_id_idx" ON "EServiceWebhookDelivery"("formId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "EServiceWebhookAttempt_deliveryId_id_idx" ON "EServiceWebhookAttempt"("deliveryId", "id");

-- AddForeignKey
ALTER TABLE "EServiceForm" ADD CONSTRAINT "EServiceForm_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceForm" ADD CONSTRAINT "EServiceForm_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "EServiceFormVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceFormVersion" ADD CONSTRAINT "EServiceFormVersion_formId_fkey" FOREIGN KEY ("formId") REFERENCES "EServiceForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceDraft" ADD CONSTRAINT "EServiceDraft_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceDraft" ADD CONSTRAINT "EServiceDraft_formId_fkey" FOREIGN KEY ("formId") REFERENCES "EServiceForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceDraft" ADD CONSTRAINT "EServiceDraft_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "EServiceFormVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceRequest" ADD CONSTRAINT "EServiceRequest_formId_fkey" FOREIGN KEY ("formId") REFERENCES "EServiceForm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceRequest" ADD CONSTRAINT "EServiceRequest_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "EServiceFormVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceRequest" ADD CONSTRAINT "EServiceRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceRequestEvent" ADD CONSTRAINT "EServiceRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "EServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceWebhookDelivery" ADD CONSTRAINT "EServiceWebhookDelivery_formId_fkey" FOREIGN KEY ("formId") REFERENCES "EServiceForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceWebhookDelivery" ADD CONSTRAINT "EServiceWebhookDelivery_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "EServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EServiceWebhookAttempt" ADD CONSTRAINT "EServiceWebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "EServiceWebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

