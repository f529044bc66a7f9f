-- CreateTable
CREATE TABLE "NoticeTranslation" (
    "noticeId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "NoticeTranslation_pkey" PRIMARY KEY ("noticeId","language")
);

-- CreateTable
CREATE TABLE "NoticePicture" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "noticeId" UUID,
    "storageKey" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticePicture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeReminder" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "homeCount" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticePicture_noticeId_key" ON "NoticePicture"("noticeId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticePicture_storageKey_key" ON "NoticePicture"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeReminder_idempotencyKey_key" ON "NoticeReminder"("idempotencyKey");

-- CreateIndex
CREATE INDEX "NoticeReminder_noticeId_createdAt_idx" ON "NoticeReminder"("noticeId", "createdAt");

-- AddForeignKey
ALTER TABLE "NoticeTranslation" ADD CONSTRAINT "NoticeTranslation_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticePicture" ADD CONSTRAINT "NoticePicture_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeReminder" ADD CONSTRAINT "NoticeReminder_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

