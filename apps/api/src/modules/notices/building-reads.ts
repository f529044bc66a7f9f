// How many homes of each building of a notice's audience have read it: the console's breakdown, and whom to remind.
import { Prisma, type PrismaClient } from '@prisma/client';
import type { NoticeBuildingReads, Page } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { StaffContext } from '../accounts/staff-sessions';
import { staffNoticesWhere } from './service';

type Audience = {
  audienceKind: string;
  buildingId: string | null;
  residenceId: string | null;
  districtId: string | null;
  cityId: string | null;
};

/** The buildings a notice reaches, narrowed to the staff member's buildings when they have a scope. */
function audienceBuildings(notice: Audience, staff: StaffContext): Prisma.BuildingWhereInput {
  const reached: Prisma.BuildingWhereInput =
    notice.audienceKind === 'BUILDING'
      ? { id: notice.buildingId! }
      : notice.audienceKind === 'RESIDENCE'
        ? { residenceId: notice.residenceId! }
        : notice.audienceKind === 'DISTRICT'
          ? { residence: { districtId: notice.districtId! } }
          : { residence: { district: { cityId: notice.cityId! } } };
  const { residenceIds, buildingIds } = staff.scope;
  if (residenceIds.length === 0 && buildingIds.length === 0) return reached;
  return { AND: [reached, { OR: [{ id: { in: buildingIds } }, { residenceId: { in: residenceIds } }] }] };
}

export async function staffNoticeAudience(db: PrismaClient, staff: StaffContext, noticeId: string) {
  const notice = await db.notice.findFirst({
    where: { AND: [{ id: noticeId }, staffNoticesWhere(staff)] },
    select: {
      id: true,
      urgent: true,
      validFrom: true,
      validUntil: true,
      audienceKind: true,
      buildingId: true,
      residenceId: true,
      districtId: true,
      cityId: true,
    },
  });
  if (!notice) throw new DomainError('not_found');
  return notice;
}

/** Homes and homes that read, per building, in one query whatever the number of tenants. */
export async function readCountsByBuilding(db: PrismaClient, noticeId: string, buildingIds: string[]) {
  if (buildingIds.length === 0) return new Map<string, { target: number; read: number }>();
  const rows = await db.$queryRaw<{ buildingId: string; target: number; read: number }[]>`
    SELECT h."buildingId" AS "buildingId", COUNT(*)::int AS target, COUNT(r."homeId")::int AS read
      FROM "Home" h
      LEFT JOIN (SELECT DISTINCT "homeId" FROM "NoticeRead" WHERE "noticeId" = ${noticeId}::uuid) r ON r."homeId" = h.id
     WHERE h."buildingId" = ANY(${buildingIds}::uuid[])
     GROUP BY h."buildingId"`;
  return new Map(rows.map((row) => [row.buildingId, { target: row.target, read: row.read }]));
}

/** Every building of the audience with its counts (for reminders: bounded by the landlord's buildings). */
export async function allBuildingReads(db: PrismaClient, staff: StaffContext, notice: Audience & { id: string }) {
  const buildings = await db.building.findMany({ where: audienceBuildings(notice, staff), select: { id: true } });
  const counts = await readCountsByBuilding(
    db,
    notice.id,
    buildings.map((building) => building.id),
  );
  return buildings.map((building) => ({ buildingId: building.id, ...(counts.get(building.id) ?? { target: 0, read: 0 }) }));
}

function encodeBuildingCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeBuildingCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { name, id };
  } catch {
    // falls through
  }
  throw new DomainError('invalid_cursor');
}

/** A page of buildings by name (keyset on name and id), each with how many of its homes have read the notice. */
export async function noticeBuildingReads(
  db: PrismaClient,
  staff: StaffContext,
  noticeId: string,
  page: { cursor?: string; limit?: number },
): Promise<Page<NoticeBuildingReads>> {
  const notice = await staffNoticeAudience(db, staff, noticeId);
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeBuildingCursor(page.cursor) : null;
  const buildings = await db.building.findMany({
    where: {
      AND: [
        audienceBuildings(notice, staff),
        ...(after ? [{ OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    select: { id: true, name: true, residence: { select: { name: true } } },
  });
  const items = buildings.slice(0, limit);
  const counts = await readCountsByBuilding(
    db,
    notice.id,
    items.map((building) => building.id),
  );
  const last = items[items.length - 1];
  return {
    items: items.map((building) => {
      const count = counts.get(building.id) ?? { target: 0, read: 0 };
      return {
        buildingId: building.id,
        name: `${building.name} — ${building.residence.name}`,
        readHomeCount: count.read,
        targetHomeCount: count.target,
      };
    }),
    nextCursor: buildings.length > limit && last ? encodeBuildingCursor(last.name, last.id) : null,
  };
}
