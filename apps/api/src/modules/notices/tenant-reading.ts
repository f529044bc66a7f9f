// What a tenant reads: their notices page and one notice, each in one SQL query (the most-read route of the TV app).
import { Prisma, type PrismaClient } from '@prisma/client';
import { noticeLanguages } from '@palier/contracts';
import type { NoticeAudienceKind, NoticeCategory, NoticeLanguage, Page, TenantNotice } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { decodeCursor, encodeCursor, type Cursor } from '../../pagination';
import type { TenantPlace } from '../places/tenant-place';
import { toNoticePicture } from './pictures';

/**
 * The places a notice can be addressed to that include this tenant, one condition each. Each matches one index
 * (audience column, validFrom, id), so a page is one keyset scan per place. Keep in step with visibleTo in service.ts.
 */
function audienceConditions(place: TenantPlace): Prisma.Sql[] {
  return [
    Prisma.sql`"buildingId" = ${place.buildingId}::uuid AND "audienceKind" = 'BUILDING'`,
    Prisma.sql`"residenceId" = ${place.residenceId}::uuid AND "audienceKind" = 'RESIDENCE'`,
    Prisma.sql`"districtId" = ${place.districtId}::uuid AND "audienceKind" = 'DISTRICT'`,
    Prisma.sql`"cityId" = ${place.cityId}::uuid AND "audienceKind" = 'CITY'`,
    Prisma.sql`"tenantId" = ${place.tenantId}::uuid AND "audienceKind" = 'TENANT'`,
  ];
}

function validAt(now: Date): Prisma.Sql {
  return Prisma.sql`"validFrom" <= ${now}::timestamp(3) AND ("validUntil" IS NULL OR "validUntil" > ${now}::timestamp(3))`;
}

/**
 * Newest first: one scan per audience place, each in index order and stopped after `size` rows, merged. A page reads
 * at most 5 × (limit + 1) index entries however many notices the landlord, the town hall and the city have published.
 */
export function tenantPageSql(place: TenantPlace, now: Date, size: number, after: Cursor | null): Prisma.Sql {
  const scans = audienceConditions(place).map(
    (audience) => Prisma.sql`(SELECT "id", "validFrom" FROM "Notice"
      WHERE ${audience} AND ${validAt(now)}
      ${after ? Prisma.sql`AND ("validFrom", "id") < (${after.at}::timestamp(3), ${after.id}::uuid)` : Prisma.empty}
      ORDER BY "validFrom" DESC, "id" DESC LIMIT ${size})`,
  );
  return Prisma.sql`SELECT "id", "validFrom" FROM (${Prisma.join(scans, ' UNION ALL ')}) AS scans
    ORDER BY "validFrom" DESC, "id" DESC LIMIT ${size}`;
}

function oneNoticeSql(place: TenantPlace, now: Date, noticeId: string): Prisma.Sql {
  const audiences = audienceConditions(place).map((audience) => Prisma.sql`(${audience})`);
  return Prisma.sql`SELECT "id", "validFrom" FROM "Notice"
    WHERE "id" = ${noticeId}::uuid AND ${validAt(now)} AND (${Prisma.join(audiences, ' OR ')})`;
}

interface TenantNoticeRow {
  id: string;
  title: string;
  body: string;
  language: NoticeLanguage;
  category: NoticeCategory;
  urgent: boolean;
  publisher: string;
  audienceKind: NoticeAudienceKind;
  validFrom: Date;
  validUntil: Date | null;
  readAt: Date | null;
  pictureId: string | null;
  pictureWidth: number | null;
  pictureHeight: number | null;
  pictureBytes: number | null;
}

/**
 * The notices `selected` names (rows of id and validFrom), newest first, as the tenant reads them: in their language
 * (French, the original, when there is no translation or the tenant's language is not one notices are written in),
 * with the publisher, the picture and when this tenant read it.
 */
export function tenantNoticesSql(tenantId: string, selected: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH selected AS (${selected}),
    reader AS (
      SELECT CASE WHEN "language" IN (${Prisma.join(noticeLanguages)}) THEN "language" ELSE 'fr' END AS "language"
      FROM "Tenant" WHERE "id" = ${tenantId}::uuid
    )
    SELECT n."id", COALESCE(t."title", n."title") AS "title", COALESCE(t."body", n."body") AS "body",
      COALESCE(t."language", 'fr') AS "language", n."category"::text AS "category", n."urgent",
      o."name" AS "publisher", n."audienceKind"::text AS "audienceKind", n."validFrom", n."validUntil",
      r."readAt", p."id" AS "pictureId", p."width" AS "pictureWidth", p."height" AS "pictureHeight",
      p."bytes" AS "pictureBytes"
    FROM selected
    JOIN "Notice" n ON n."id" = selected."id"
    JOIN "Organisation" o ON o."id" = n."organisationId"
    LEFT JOIN "NoticeTranslation" t ON t."noticeId" = n."id" AND t."language" = (SELECT "language" FROM reader)
    LEFT JOIN "NoticeRead" r ON r."noticeId" = n."id" AND r."tenantId" = ${tenantId}::uuid
    LEFT JOIN "NoticePicture" p ON p."noticeId" = n."id"
    ORDER BY selected."validFrom" DESC, selected."id" DESC`;
}

function toTenantNotice(row: TenantNoticeRow): TenantNotice {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    language: row.language,
    picture:
      row.pictureId === null
        ? null
        : toNoticePicture({ id: row.pictureId, width: row.pictureWidth!, height: row.pictureHeight!, bytes: row.pictureBytes! }),
    category: row.category,
    urgent: row.urgent,
    publisher: row.publisher,
    audienceKind: row.audienceKind,
    publishedAt: row.validFrom.toISOString(),
    validUntil: row.validUntil?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listTenantNotices(
  db: PrismaClient,
  place: TenantPlace,
  page: { cursor?: string; limit?: number },
  now = new Date(),
): Promise<Page<TenantNotice>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  // One row more than the page says whether there is a next one.
  const rows = await db.$queryRaw<TenantNoticeRow[]>(tenantNoticesSql(place.tenantId, tenantPageSql(place, now, limit + 1, after)));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toTenantNotice),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.validFrom, id: last.id }) : null,
  };
}

export async function tenantNotice(db: PrismaClient, place: TenantPlace, noticeId: string, now = new Date()): Promise<TenantNotice> {
  const [row] = await db.$queryRaw<TenantNoticeRow[]>(tenantNoticesSql(place.tenantId, oneNoticeSql(place, now, noticeId)));
  if (!row) throw new DomainError('not_found');
  return toTenantNotice(row);
}
