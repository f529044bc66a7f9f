// Personal notices: one notice for one tenant (an appointment reminder, a moderation decision…), sent by other modules.
// It appears in that tenant's notices list, unread count and urgent banner, and nowhere else.
import { Prisma, type PrismaClient } from '@prisma/client';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import { raiseEvent } from '../realtime/service';

export interface PersonalNoticeInput {
  tenantId: string;
  organisationId: string; // who speaks: the landlord or the town hall
  authorStaffId?: string | null; // null for what the system sends (reminders)
  category: 'WORKS' | 'OUTAGE' | 'SAFETY' | 'EVENT' | 'INFORMATION';
  urgent?: boolean;
  title: string; // already in the tenant's language
  body: string;
  validUntil?: Date | null;
  idempotencyKey?: string; // e.g. `appointment-reminder:<id>`: sending twice creates one notice
}

/** Keys live in the same unique column as staff publishing keys: a prefix per tenant keeps them apart. */
function storedKey(input: PersonalNoticeInput): string | undefined {
  return input.idempotencyKey ? `personal:${input.tenantId}:${input.idempotencyKey}` : undefined;
}

export async function sendPersonalNotice(
  db: PrismaClient,
  bus: EventBus,
  input: PersonalNoticeInput,
): Promise<{ noticeId: string; created: boolean }> {
  const key = storedKey(input);
  if (key) {
    const existing = await db.notice.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
    if (existing) return { noticeId: existing.id, created: false };
  }
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title || !body) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: title ? 'body' : 'title', message: 'must not be empty' }] });
  }
  const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
  if (!tenant) throw new DomainError('not_found');
  let notice: { id: string; title: string; urgent: boolean };
  try {
    notice = await db.notice.create({
      data: {
        organisationId: input.organisationId,
        authorStaffId: input.authorStaffId ?? null,
        title,
        body,
        category: input.category,
        urgent: input.urgent ?? false,
        audienceKind: 'TENANT',
        tenantId: input.tenantId,
        validUntil: input.validUntil ?? null,
        idempotencyKey: key,
      },
      select: { id: true, title: true, urgent: true },
    });
  } catch (error) {
    // Two sends raced with the same key: the other one created it.
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await db.notice.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { id: true } });
      return { noticeId: existing.id, created: false };
    }
    throw error;
  }
  await raiseEvent(db, bus, `TENANT:${input.tenantId}`, {
    name: 'notice.published',
    data: { noticeId: notice.id, title: notice.title, urgent: notice.urgent },
  });
  return { noticeId: notice.id, created: true };
}
