-- Photos on neighbourhood posts: a draft gets an id for the phone hand-off to name, photos belong to a draft or a post.
-- AlterTable
ALTER TABLE "PostDraft" ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateTable
CREATE TABLE "PostPhoto" (
    "id" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "draftId" UUID,
    "postId" UUID,
    "position" INTEGER NOT NULL,
    "handoffId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PostPhoto_storageKey_key" ON "PostPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "PostPhoto_draftId_position_idx" ON "PostPhoto"("draftId", "position");

-- CreateIndex
CREATE INDEX "PostPhoto_postId_position_idx" ON "PostPhoto"("postId", "position");

-- CreateIndex
CREATE INDEX "PostPhoto_authorId_idx" ON "PostPhoto"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "PostDraft_id_key" ON "PostDraft"("id");

-- AddForeignKey
ALTER TABLE "PostPhoto" ADD CONSTRAINT "PostPhoto_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostPhoto" ADD CONSTRAINT "PostPhoto_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "PostDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostPhoto" ADD CONSTRAINT "PostPhoto_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A photo is on the draft being written or on the published post, never both, never neither.
ALTER TABLE "PostPhoto" ADD CONSTRAINT "PostPhoto_draft_or_post_check" CHECK (("draftId" IS NULL) <> ("postId" IS NULL));
