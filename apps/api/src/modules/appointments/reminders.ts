// The day-before reminder: every API instance polls PostgreSQL for due reminders and claims them with
// FOR UPDATE SKIP LOCKED, so two instances never take the same one; the notice's idempotency key makes a retry after
// a crash (claim taken, notice sent, mark lost) send nothing twice.
import type { PrismaClient } from '@prisma/client';
import type { FastifyBaseLogger } from 'fastify';
import type { PersonalNoticeInput } from '../notices/personal';
import { reminderNotice, tenantLanguage } from './tenant-texts';

/** `sendPersonalNotice` bound to the app's database and event bus. */
export type PersonalNoticeSender = (input: PersonalNoticeInput) => Promise<{ noticeId: string; created: boolean }>;

export interface ReminderOptions {
  db: PrismaClient;
  sendNotice: PersonalNoticeSender;
  /** How many reminders one poll claims at most. */
  batchSize: number;
  /** A claim older than this is taken again (the instance that made it died before marking the reminder sent). */
  leaseSeconds: number;
  now?: Date;
}

/** Claims due reminders, sends them and marks them sent; returns how many this call sent. */
export async function sendDueReminders(options: ReminderOptions): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const staleClaim = new Date(now.getTime() - options.leaseSeconds * 1000);
  const claimed = await db.$queryRaw<{ id: string; sequence: number }[]>`
    UPDATE "Appointment" SET "reminderClaimedAt" = ${now}
    WHERE id IN (
      SELECT a.id FROM "Appointment" a JOIN "AppointmentSlot" s ON s.id = a."slotId"
      WHERE a."reminderDueAt" <= ${now} AND a."reminderSentAt" IS NULL AND a.status = 'BOOKED' AND s."startsAt" > ${now}
        AND (a."reminderClaimedAt" IS NULL OR a."reminderClaimedAt" < ${staleClaim})
      ORDER BY a."reminderDueAt" LIMIT ${options.batchSize}
      FOR UPDATE OF a SKIP LOCKED
    )
    RETURNING id, sequence`;
  let sent = 0;
  for (const { id, sequence } of claimed) {
    const appointment = await db.appointment.findUnique({
      where: { id },
      select: {
        status: true,
        sequence: true,
        tenantId: true,
        tenant: { select: { language: true } },
        slot: {
          select: {
            organisationId: true,
            placeName: true,
            placeAddress: true,
            startsAt: true,
            durationMinutes: true,
            service: { select: { subject: true, whatToBring: true, organisation: { select: { name: true } } } },
          },
        },
      },
    });
    // Moved or cancelled since the claim: the move scheduled a fresh reminder, a cancellation needs none.
    if (!appointment || appointment.status !== 'BOOKED' || appointment.sequence !== sequence) continue;
    const { slot } = appointment;
    const text = reminderNotice(
      {
        subject: slot.service.subject,
        organisation: slot.service.organisation.name,
        placeName: slot.placeName,
        placeAddress: slot.placeAddress,
        startsAt: slot.startsAt,
        whatToBring: slot.service.whatToBring,
      },
      tenantLanguage(appointment.tenant.language),
    );
    await options.sendNotice({
      tenantId: appointment.tenantId,
      organisationId: slot.organisationId,
      authorStaffId: null,
      category: 'INFORMATION',
      urgent: false,
      title: text.title,
      body: text.body,
      validUntil: new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000),
      idempotencyKey: `appointment-reminder:${id}:${sequence}`,
    });
    await db.appointment.updateMany({ where: { id, sequence }, data: { reminderSentAt: new Date() } });
    sent += 1;
  }
  return sent;
}

/** Polls every intervalMs on this instance until the app closes; one poll at a time. */
export function startReminderScheduler(options: Omit<ReminderOptions, 'now'> & { intervalMs: number; log: FastifyBaseLogger }): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueReminders(options)
      .catch((error) => options.log.warn({ err: error }, 'could not send appointment reminders'))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
