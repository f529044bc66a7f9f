-- AlterTable
ALTER TABLE "EventSignup" ADD COLUMN     "reminderClaimedAt" TIMESTAMP(3),
ADD COLUMN     "reminderDueAt" TIMESTAMP(3),
ADD COLUMN     "reminderSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "EventSignup_reminderDueAt_idx" ON "EventSignup"("reminderDueAt");


-- Seats taken before this migration get their reminder too: 08:00 Paris (the default EVENT_REMINDER_TIME) on the
-- event's Paris date, or an hour before an earlier start, as apps/api/src/modules/feed/event-reminders.ts computes it.
-- A seat whose event is today and whose morning has passed is due at once.
UPDATE "EventSignup" s
SET "reminderDueAt" = CASE WHEN x.morning < p."eventStartsAt" THEN x.morning ELSE p."eventStartsAt" - interval '1 hour' END
FROM "Post" p,
  LATERAL (SELECT ((date_trunc('day', (p."eventStartsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris') + interval '8 hours')
    AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC' AS morning) x
WHERE p."id" = s."postId" AND p."kind" = 'EVENT' AND p."eventStartsAt" > now() AND s."reminderDueAt" IS NULL;
