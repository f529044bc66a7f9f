// Notices: publishing to a place, what a tenant may read, read receipts and read counts per home.
import { Prisma, type PrismaClient, type Notice } from '@prisma/client';
import { noticeLanguages } from '@palier/contracts';
import type { AudienceKind, NoticeLanguage, Page, PublishNoticeRequest, StaffNotice, UnreadNotices } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { StaffContext } from '../accounts/staff-sessions';
import { audienceHomeCount, audienceName, resolveAudience } from '../places/service';
import { raiseEvent } from '../realtime/service';
import type { TenantPlace } from '../places/tenant-place';
import { decodeCursor, encodeCursor } from '../../pagination';
import { claimPicture, toNoticePicture } from './pictures';
import { tenantNotice } from './tenant-reading';

export const PUBLISHING_ROLES = ['CARETAKER', 'CLERK', 'ADMIN'] as const;

/**
 * The notices addressed to a tenant's building, residence, district, city or to them alone, and valid now. The tenant's
 * page and a notice's detail ask the same in SQL (tenant-reading.ts): keep the two in step.
 */
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

type PictureRow = { id: string; width: number; height: number; bytes: number };
const pictureSelect = { select: { id: true, width: true, height: true, bytes: true } } as const;

/** The tenant's language decides which translation they read; French is the original and the fallback. */
async function tenantLanguage(db: PrismaClient, tenantId: string): Promise<NoticeLanguage> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { language: true } });
  return (noticeLanguages as readonly string[]).includes(tenant?.language ?? '') ? (tenant!.language as NoticeLanguage) : 'fr';
}

export async function unreadNotices(db: PrismaClient, place: TenantPlace, now = new Date()): Promise<UnreadNotices> {
  const { tenantId } = place;
  const unread: Prisma.NoticeWhereInput = { AND: [visibleTo(place, now), { reads: { none: { tenantId } } }] };
  const [all, urgent] = await Promise.all([
    db.notice.count({ where: unread }),
    db.notice.count({ where: { AND: [unread, { urgent: true }] } }),
  ]);
  let latestUrgent: UnreadNotices['latestUrgent'] = null;
  if (urgent > 0) {
    const language = await tenantLanguage(db, tenantId);
    const notice = await db.notice.findFirst({
      where: { AND: [unread, { urgent: true }] },
      orderBy: [{ validFrom: 'desc' }, { id: 'desc' }],
      select: { id: true, title: true, translations: { where: { language }, select: { title: true } } },
    });
    if (notice) latestUrgent = { id: notice.id, title: notice.translations[0]?.title ?? notice.title };
  }
  return { unread: all, urgentUnread: urgent, latestUrgent };
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

const staffInclude = {
  author: { select: { fullName: true } },
  translations: { select: { language: true, title: true, body: true } },
  picture: pictureSelect,
  reminders: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true, homeCount: true } },
} as const;
type StaffNoticeRow = Notice & {
  author: { fullName: string } | null;
  translations: { language: string; title: string; body: string }[];
  picture: PictureRow | null;
  reminders: { createdAt: Date; homeCount: number }[];
};

async function toStaffNotice(db: PrismaClient, notice: StaffNoticeRow): Promise<StaffNotice> {
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
    translations: Object.fromEntries(notice.translations.map(({ language, title, body }) => [language, { title, body }])),
    picture: notice.picture ? toNoticePicture(notice.picture) : null,
    lastReminder: notice.reminders[0]
      ? { sentAt: notice.reminders[0].createdAt.toISOString(), homeCount: notice.reminders[0].homeCount }
      : null,
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
    const existing = await db.notice.findUnique({ where: { idempotencyKey: key }, include: staffInclude });
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
  const translations = (['en', 'ar'] as const).flatMap((language) => {
    const text = request.translations?.[language];
    return text ? [{ language, title: text.title.trim(), body: text.body.trim() }] : [];
  });
  let notice;
  try {
    notice = await db.$transaction(async (tx) => {
      const created = await tx.notice.create({
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
          translations: { create: translations },
        },
        select: { id: true },
      });
      if (request.pictureId) await claimPicture(tx, staff, request.pictureId, created.id);
      return tx.notice.findUniqueOrThrow({ where: { id: created.id }, include: staffInclude });
    });
  } catch (error) {
    // Two retries raced: the other one created it.
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await db.notice.findUniqueOrThrow({ where: { idempotencyKey: key }, include: staffInclude });
      return { notice: await toStaffNotice(db, existing), created: false };
    }
    throw error;
  }
  const titles = Object.fromEntries(notice.translations.map((translation) => [translation.language, translation.title]));
  const published = {
    name: 'notice.published',
    data: { noticeId: notice.id, title: notice.title, urgent: notice.urgent, ...(notice.translations.length ? { titles } : {}) },
  } as const;
  if (validFrom <= now) await raiseEvent(db, bus, `${request.audience.kind}:${request.audience.id}`, published);
  // Colleagues' consoles list it at once, even when it is scheduled for later.
  await raiseEvent(db, bus, `ORGANISATION:${staff.organisation.id}`, published);
  return { notice: await toStaffNotice(db, notice), created: true };
}

/** The notices a staff member may see: their organisation's, within their residences or buildings if they have some. */
export function staffNoticesWhere(staff: StaffContext): Prisma.NoticeWhereInput {
  const { residenceIds, buildingIds } = staff.scope;
  const scoped = residenceIds.length > 0 || buildingIds.length > 0;
  return {
    organisationId: staff.organisation.id,
    // Personal notices are between the organisation and one tenant: they are not part of the published list.
    audienceKind: { not: 'TENANT' },
    // A caretaker scoped to a residence sees what concerns it, and what they wrote themselves.
    ...(scoped
      ? {
          OR: [
            { authorStaffId: staff.id },
            { residenceId: { in: residenceIds } },
            { buildingId: { in: buildingIds } },
            { building: { residenceId: { in: residenceIds } } },
          ],
        }
      : {}),
  };
}

export async function listStaffNotices(
  db: PrismaClient,
  staff: StaffContext,
  page: { cursor?: string; limit?: number },
): Promise<Page<StaffNotice>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const notices = await db.notice.findMany({
    where: {
      AND: [
        staffNoticesWhere(staff),
        ...(after ? [{ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: staffInclude,
  });
  const items = notices.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await Promise.all(items.map((notice) => toStaffNotice(db, notice))),
    nextCursor: notices.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
