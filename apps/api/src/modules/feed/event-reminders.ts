// The reminder on the day of a neighbours' event: each neighbour signed up gets a personal notice on the morning of the
// event (Paris time), or at once when they sign up later that day. Every API instance polls; a reminder is claimed with
// FOR UPDATE SKIP LOCKED plus a lease, and the notice's idempotency key names the event's start, so it is sent once
// however many instances poll, and once more only if the event moves.
import type { PrismaClient } from '@prisma/client';
import type { FastifyBaseLogger } from 'fastify';
import { addDays, localInstant, localParts } from '../appointments/local-time';
import { describeWhen, tenantLanguage, type TenantLanguage } from '../appointments/tenant-texts';
import type { PersonalNoticeSender } from '../appointments/reminders';

const HOUR_MS = 3_600_000;

/**
 * When the reminder of an event starting at `startsAt` is due: `minuteOfDay` (Paris wall clock, DST included) on the
 * event's Paris date; for an event starting at or before that time, an hour before it starts. A sign-up made after that
 * moment (but before the start) is simply already due: the next poll sends it.
 */
export function eventReminderDue(startsAt: Date, minuteOfDay: number): Date {
  const morning = localInstant(localParts(startsAt).localDate, minuteOfDay);
  return morning < startsAt ? morning : new Date(startsAt.getTime() - HOUR_MS);
}

export interface EventFacts {
  title: string;
  place: string;
  startsAt: Date;
  /** Who invites: first name and building, as neighbours see each other. */
  host: { firstName: string; building: string } | null;
}

export function eventReminderNotice(facts: EventFacts, language: TenantLanguage): { title: string; body: string } {
  const when = describeWhen(facts.startsAt, language);
  const host = facts.host;
  switch (language) {
    case 'en':
      return {
        title: `Today: ${facts.title}`,
        body: [
          `You have a seat at “${facts.title}”${host ? `, organised by ${host.firstName} (${host.building})` : ''}.`,
          `When: ${when}.`,
          `Where: ${facts.place}.`,
          'If you can no longer come, give your seat back from “Neighbours”.',
        ].join('\n'),
      };
    case 'ar':
      return {
        title: `اليوم: ${facts.title}`,
        body: [
          `لديك مكان في «${facts.title}»${host ? `، من تنظيم ${host.firstName} (${host.building})` : ''}.`,
          `الموعد: ${when}.`,
          `المكان: ${facts.place}.`,
          'إذا لم تعد تستطيع الحضور، أعد مكانك من «الجيران».',
        ].join('\n'),
      };
    default:
      return {
        title: `Aujourd’hui : ${facts.title}`,
        body: [
          `Vous avez une place pour « ${facts.title} »${host ? `, proposé par ${host.firstName} (${host.building})` : ''}.`,
          `Quand : ${when}.`,
          `Où : ${facts.place}.`,
          'Si vous ne pouvez plus venir, libérez votre place depuis « Voisins ».',
        ].join('\n'),
      };
  }
}

export interface EventReminderOptions {
  db: PrismaClient;
  sendNotice: PersonalNoticeSender;
  /** How many reminders one poll claims at most. */
  batchSize: number;
  /** A claim older than this is taken again (the instance that made it died before marking the reminder sent). */
  leaseSeconds: number;
  now?: Date;
}

/** Claims due reminders, sends them and marks them sent; returns how many this call sent. */
export async function sendDueEventReminders(options: EventReminderOptions): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const staleClaim = new Date(now.getTime() - options.leaseSeconds * 1000);
  // A hidden, removed or started event is left out; a cancelled sign-up or a deleted post has no row any more.
  const claimed = await db.$queryRaw<{ postId: string; tenantId: string; reminderDueAt: Date }[]>`
    UPDATE "EventSignup" SET "reminderClaimedAt" = ${now}
    WHERE ("postId", "tenantId") IN (
      SELECT s."postId", s."tenantId" FROM "EventSignup" s JOIN "Post" p ON p.id = s."postId"
      WHERE s."reminderDueAt" <= ${now} AND s."reminderSentAt" IS NULL
        AND (s."reminderClaimedAt" IS NULL OR s."reminderClaimedAt" < ${staleClaim})
        AND p."kind" = 'EVENT' AND p."eventStartsAt" > ${now} AND p."hiddenAt" IS NULL AND p."removedAt" IS NULL
      ORDER BY s."reminderDueAt" LIMIT ${options.batchSize}
      FOR UPDATE OF s SKIP LOCKED
    )
    RETURNING "postId", "tenantId", "reminderDueAt"`;
  let sent = 0;
  for (const { postId, tenantId, reminderDueAt } of claimed) {
    const post = await db.post.findUnique({
      where: { id: postId },
      select: {
        title: true,
        eventStartsAt: true,
        eventPlace: true,
        hiddenAt: true,
        author: { select: { firstName: true, home: { select: { building: { select: { name: true } } } } } },
      },
    });
    const tenant = await db.tenant.findUnique({
      where: { id: tenantId },
      select: { language: true, home: { select: { building: { select: { residence: { select: { landlordId: true } } } } } } },
    });
    const seat = await db.eventSignup.findUnique({
      where: { postId_tenantId: { postId, tenantId } },
      select: { reminderDueAt: true },
    });
    const startsAt = post?.eventStartsAt;
    // Cancelled, hidden or gone since the claim, or moved to another day (the move scheduled a fresh reminder):
    // nothing to send for this claim.
    if (!post || !tenant || !seat || !startsAt || post.hiddenAt || startsAt <= now) continue;
    if (seat.reminderDueAt?.getTime() !== reminderDueAt.getTime()) continue;
    const text = eventReminderNotice(
      {
        title: post.title,
        place: post.eventPlace ?? '',
        startsAt,
        host: post.author ? { firstName: post.author.firstName, building: post.author.home.building.name } : null,
      },
      tenantLanguage(tenant.language),
    );
    await options.sendNotice({
      tenantId,
      // The landlord speaks for the neighbours' network it runs.
      organisationId: tenant.home.building.residence.landlordId,
      authorStaffId: null,
      category: 'EVENT',
      urgent: false,
      title: text.title,
      body: text.body,
      // A reminder of the day: gone from the list at the end of that day.
      validUntil: localInstant(addDays(localParts(startsAt).localDate, 1), 0),
      // The start is part of the key: a moved event is reminded again, a retry after a crash is not.
      idempotencyKey: `event-reminder:${postId}:${startsAt.toISOString()}`,
    });
    await db.eventSignup.updateMany({ where: { postId, tenantId, reminderDueAt }, data: { reminderSentAt: new Date() } });
    sent += 1;
  }
  return sent;
}

/** Polls every intervalMs on this instance until the app closes; one poll at a time. */
export function startEventReminderScheduler(
  options: Omit<EventReminderOptions, 'now'> & { intervalMs: number; log: FastifyBaseLogger },
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueEventReminders(options)
      .catch((error) => options.log.warn({ err: error }, 'could not send event reminders'))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
