// Reminders: staff nudge the homes that have not read a notice. One per notice per hour, whoever sends it; a retry
// with the same Idempotency-Key returns the same reminder. Each one is stored (who, when, how many homes).
import { Prisma, type PrismaClient } from '@prisma/client';
import type { NoticeReminderSent } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { StaffContext } from '../accounts/staff-sessions';
import { raiseEvent } from '../realtime/service';
import { allBuildingReads, staffNoticeAudience } from './building-reads';

export const REMINDER_INTERVAL_MS = 3_600_000;

type Reminder = { id: string; noticeId: string; homeCount: number; createdAt: Date };

function toReminderSent(reminder: Reminder): NoticeReminderSent {
  return {
    id: reminder.id,
    noticeId: reminder.noticeId,
    homeCount: reminder.homeCount,
    sentAt: reminder.createdAt.toISOString(),
    nextAllowedAt: new Date(reminder.createdAt.getTime() + REMINDER_INTERVAL_MS).toISOString(),
  };
}

export async function remindNotice(
  db: PrismaClient,
  bus: EventBus,
  staff: StaffContext,
  noticeId: string,
  idempotencyKey: string | undefined,
  now = new Date(),
): Promise<{ reminder: NoticeReminderSent; created: boolean }> {
  const key = idempotencyKey ? `${staff.id}:${idempotencyKey}` : undefined;
  if (key) {
    const existing = await db.noticeReminder.findUnique({ where: { idempotencyKey: key } });
    if (existing) {
      if (existing.noticeId !== noticeId) throw new DomainError('validation_failed', 'Idempotency-Key reused for another notice');
      return { reminder: toReminderSent(existing), created: false };
    }
  }
  const notice = await staffNoticeAudience(db, staff, noticeId);
  if (notice.validFrom > now || (notice.validUntil && notice.validUntil <= now)) throw new DomainError('notice_not_current');
  const buildings = await allBuildingReads(db, staff, notice);
  const unreadBuildings = buildings.filter((building) => building.target > building.read);
  const homeCount = unreadBuildings.reduce((sum, building) => sum + building.target - building.read, 0);

  let reminder: Reminder & { replayed?: boolean };
  try {
    reminder = await db.$transaction(async (tx) => {
      // Serialises reminders of one notice, so two staff clicking at once send one.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notice-reminder:${noticeId}`}))`;
      // A retry that waited on the lock behind its own first attempt gets that attempt's answer.
      const same = key ? await tx.noticeReminder.findUnique({ where: { idempotencyKey: key } }) : null;
      if (same) return { ...same, replayed: true };
      const last = await tx.noticeReminder.findFirst({ where: { noticeId }, orderBy: { createdAt: 'desc' } });
      if (last && now.getTime() - last.createdAt.getTime() < REMINDER_INTERVAL_MS) {
        const retryAfterSeconds = Math.ceil((last.createdAt.getTime() + REMINDER_INTERVAL_MS - now.getTime()) / 1000);
        throw new DomainError('reminder_too_soon', undefined, { retryAfterSeconds });
      }
      return tx.noticeReminder.create({ data: { noticeId, staffId: staff.id, homeCount, idempotencyKey: key, createdAt: now } });
    });
  } catch (error) {
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { reminder: toReminderSent(await db.noticeReminder.findUniqueOrThrow({ where: { idempotencyKey: key } })), created: false };
    }
    throw error;
  }
  if (reminder.replayed) return { reminder: toReminderSent(reminder), created: false };
  // One event per building that has homes left to read: each TV re-reads the notice and nudges only if it is unread.
  for (const building of unreadBuildings) {
    await raiseEvent(db, bus, `BUILDING:${building.buildingId}`, { name: 'notice.reminded', data: { noticeId, urgent: notice.urgent } });
  }
  return { reminder: toReminderSent(reminder), created: true };
}
