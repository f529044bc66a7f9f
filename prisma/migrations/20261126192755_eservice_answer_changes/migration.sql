-- AlterTable
ALTER TABLE "EServiceRequestEvent" ADD COLUMN     "changes" JSONB;

