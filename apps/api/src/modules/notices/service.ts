// Notices: publishing to a place, what a tenant may read, read receipts and read counts per home.
import { Prisma, type PrismaClient, type Notice } from '@prisma/client';
import type { AudienceKind, Page, PublishNoticeRequest, StaffNotice, TenantNotice, UnreadNotices } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { StaffContext } from '../accounts/staff-sessions';
import { audienceHomeCount, audienceName, resolveAudience } from '../places/service';
import { raiseEvent } from '../realtime/service';
import type { TenantPlace } from '../places/tenant-place';
import { decodeCursor, encodeCursor } from '../../pagination';

export const PUBLISHING_ROLES = ['CARETAKER', 'CLERK', 'ADMIN'] as const;

/** The notices addressed to a tenant's building, residence, district or city, and valid now. */
function visibleTo(place: TenantPlace, now: Date): Prisma.NoticeWhereInput {
  return {
    validFrom: { lte: now },
    OR: [{ validUntil: null }, { validUntil: { gt: now } }],
    AND: [
      {
        OR: [
          { audienceKind: 'BUILDING', buildingId: place.buildingId },
          { audienceKind: 'RESIDENCE', residenceId: place.residenceId },
          { audienceKind: 'DISTRICT', districtId: place.districtId },
          { audienceKind: 'CITY', cityId: place.cityId },
          { audienceKind: 'TENANT', tenantId: place.tenantId },
        ],
      },
    ],
  };
}

type NoticeWithPublisher = Notice & { organisation: { name: string }; reads: { readAt: Date }[] };

function toTenantNotice(notice: NoticeWithPublisher): TenantNotice {
  return {
    id: notice.id,
    title: notice.title,
    body: notice.body,
    category: notice.category,
    urgent: notice.urgent,
    publisher: notice.organisation.name,
    audienceKind: notice.audienceKind,
    publishedAt: notice.validFrom.toISOString(),
    validUntil: notice.validUntil?.toISOString() ?? null,
    readAt: notice.reads[0]?.readAt.toISOString() ?? null,
  };
}

export async function listTenantNotices(
  db: PrismaClient,
  place: TenantPlace,
  page: { cursor?: string; limit?: number },
  now = new Date(),
): Promise<Page<TenantNotice>> {
  const { tenantId } = place;
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const where: Prisma.NoticeWhereInput = after
    ? { AND: [visibleTo(place, now), { OR: [{ validFrom: { lt: after.at } }, { validFrom: after.at, id: { lt: after.id } }] }] }
    : visibleTo(place, now);
  const notices = await db.notice.findMany({
    where,
    orderBy: [{ validFrom: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: { organisation: { select: { name: true } }, reads: { where: { tenantId }, select: { readAt: true } } },
  });
  const items = notices.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toTenantNotice),
    nextCursor: notices.length > limit && last ? encodeCursor({ at: last.validFrom, id: last.id }) : null,
  };
}

export async function unreadNotices(db: PrismaClient, place: TenantPlace, now = new Date()): Promise<UnreadNotices> {
  const { tenantId } = place;
  const unread: Prisma.NoticeWhereInput = { AND: [visibleTo(place, now), { reads: { none: { tenantId } } }] };
  const [all, urgent] = await Promise.all([
    db.notice.count({ where: unread }),
    db.notice.count({ where: { AND: [unread, { urgent: true }] } }),
  ]);
  return { unread: all, urgentUnread: urgent };
}

export async function tenantNotice(db: PrismaClient, place: TenantPlace, noticeId: string, now = new Date()): Promise<TenantNotice> {
  const { tenantId } = place;
  const notice = await db.notice.findFirst({
    where: { AND: [{ id: noticeId }, visibleTo(place, now)] },
    include: { organisation: { select: { name: true } }, reads: { where: { tenantId }, select: { readAt: true } } },
  });
  if (!notice) throw new DomainError('not_found');
  return toTenantNotice(notice);
}

export async function readHomeCount(db: Prisma.TransactionClient | PrismaClient, noticeId: string): Promise<number> {
  const [row] = await db.$queryRaw<
    { count: bigint }[]
  >`SELECT COUNT(DISTINCT "homeId") AS count FROM "NoticeRead" WHERE "noticeId" = ${noticeId}::uuid`;
  return Number(row?.count ?? 0);
}

/** Marking read is idempotent: the first receipt counts, repeats return it unchanged. */
export async function markNoticeRead(db: PrismaClient, bus: EventBus, place: TenantPlace, noticeId: string) {
  const { tenantId } = place;
  const notice = await tenantNotice(db, place, noticeId);
  if (notice.readAt) return { noticeId, readAt: notice.readAt };
  const { count } = await db.noticeRead.createMany({ data: [{ noticeId, tenantId, homeId: place.homeId }], skipDuplicates: true });
  const receipt = await db.noticeRead.findUniqueOrThrow({ where: { noticeId_tenantId: { noticeId, tenantId } } });
  if (count === 1) {
    const organisation = await db.notice.findUniqueOrThrow({ where: { id: noticeId }, select: { organisationId: true } });
    await raiseEvent(db, bus, `ORGANISATION:${organisation.organisationId}`, {
      name: 'notice.read',
      data: { noticeId, readHomeCount: await readHomeCount(db, noticeId) },
    });
  }
  return { noticeId, readAt: receipt.readAt.toISOString() };
}

async function toStaffNotice(db: PrismaClient, notice: Notice & { author: { fullName: string } | null }): Promise<StaffNotice> {
  const audienceId = (notice.buildingId ?? notice.residenceId ?? notice.districtId ?? notice.cityId) as string;
  // Personal notices (audience TENANT) never reach this list: see listStaffNotices.
  const kind = notice.audienceKind as AudienceKind;
  const [name, target, read] = await Promise.all([
    audienceName(db, kind, audienceId),
    audienceHomeCount(db, kind, audienceId),
    readHomeCount(db, notice.id),
  ]);
  return {
    id: notice.id,
    title: notice.title,
    body: notice.body,
    category: notice.category,
    urgent: notice.urgent,
    audience: { kind, id: audienceId, name },
    author: notice.author?.fullName ?? '',
    publishedAt: notice.createdAt.toISOString(),
    validFrom: notice.validFrom.toISOString(),
    validUntil: notice.validUntil?.toISOString() ?? null,
    readHomeCount: read,
    targetHomeCount: target,
  };
}

const audienceColumn = { CITY: 'cityId', DISTRICT: 'districtId', RESIDENCE: 'residenceId', BUILDING: 'buildingId' } as const;

export async function publishNotice(
  db: PrismaClient,
  bus: EventBus,
  staff: StaffContext,
  request: PublishNoticeRequest,
  idempotencyKey: string | undefined,
): Promise<{ notice: StaffNotice; created: boolean }> {
  const key = idempotencyKey ? `${staff.id}:${idempotencyKey}` : undefined;
  if (key) {
    const existing = await db.notice.findUnique({ where: { idempotencyKey: key }, include: { author: { select: { fullName: true } } } });
    if (existing) return { notice: await toStaffNotice(db, existing), created: false };
  }
  const now = new Date();
  const validFrom = request.validFrom ? new Date(request.validFrom) : now;
  const validUntil = request.validUntil ? new Date(request.validUntil) : null;
  if (validUntil && validUntil <= validFrom) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.validUntil', message: 'must be after validFrom' }] });
  }
  if (validUntil && validUntil <= now) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.validUntil', message: 'must be in the future' }] });
  }
  await resolveAudience(db, staff, request.audience.kind, request.audience.id);
  let notice;
  try {
    notice = await db.notice.create({
      data: {
        organisationId: staff.organisation.id,
        authorStaffId: staff.id,
        title: request.title.trim(),
        body: request.body.trim(),
        category: request.category,
        urgent: request.urgent,
        audienceKind: request.audience.kind,
        [audienceColumn[request.audience.kind]]: request.audience.id,
        validFrom,
        validUntil,
        idempotencyKey: key,
      },
      include: { author: { select: { fullName: true } } },
    });
  } catch (error) {
    // Two retries raced: the other one created it.
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await db.notice.findUniqueOrThrow({
        where: { idempotencyKey: key },
        include: { author: { select: { fullName: true } } },
      });
      return { notice: await toStaffNotice(db, existing), created: false };
    }
    throw error;
  }
  const published = { name: 'notice.published', data: { noticeId: notice.id, title: notice.title, urgent: notice.urgent } } as const;
  if (validFrom <= now) await raiseEvent(db, bus, `${request.audience.kind}:${request.audience.id}`, published);
  // Colleagues' consoles list it at once, even when it is scheduled for later.
  await raiseEvent(db, bus, `ORGANISATION:${staff.organisation.id}`, published);
  return { notice: await toStaffNotice(db, notice), created: true };
}

export async function listStaffNotices(
  db: PrismaClient,
  staff: StaffContext,
  page: { cursor?: string; limit?: number },
): Promise<Page<StaffNotice>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const { residenceIds, buildingIds } = staff.scope;
  const scoped = residenceIds.length > 0 || buildingIds.length > 0;
  const notices = await db.notice.findMany({
    where: {
      organisationId: staff.organisation.id,
      // Personal notices are between the organisation and one tenant: they are not part of the published list.
      audienceKind: { not: 'TENANT' },
      // A caretaker scoped to a residence sees what concerns it, and what they wrote themselves.
      ...(scoped
        ? {
            AND: [
              {
                OR: [
                  { authorStaffId: staff.id },
                  { residenceId: { in: residenceIds } },
                  { buildingId: { in: buildingIds } },
                  { building: { residenceId: { in: residenceIds } } },
                ],
              },
            ],
          }
        : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: { author: { select: { fullName: true } } },
  });
  const items = notices.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await Promise.all(items.map((notice) => toStaffNotice(db, notice))),
    nextCursor: notices.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
