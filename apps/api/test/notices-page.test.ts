// The tenant's notices page, read in one SQL query: who sees what, in which order, page by page, read or not, and
// the plan that keeps a page's cost independent of how many notices exist.
import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { TenantNotice, TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer } from '../../../test/support/journeys';
import { tenantPageSql } from '../src/modules/notices/tenant-reading';
import { toTenantPlace, tenantPlaceSelect, type TenantPlace } from '../src/modules/places/tenant-place';

type Audience = { kind: 'BUILDING' | 'RESIDENCE' | 'DISTRICT' | 'CITY' | 'TENANT'; id: string };
const column = { BUILDING: 'buildingId', RESIDENCE: 'residenceId', DISTRICT: 'districtId', CITY: 'cityId', TENANT: 'tenantId' } as const;
const DAY = 86_400_000;

describe('the tenant’s notices page', () => {
  let api: TestApi;
  let tenantB: TokenResponse;
  let neighbourB: TokenResponse;
  let tenantA: TokenResponse;
  let savineTenant: TokenResponse;
  let placeB: TenantPlace;
  let placeA: TenantPlace;
  let placeSavine: TenantPlace;
  let landlord: { id: string; name: string };

  async function placeOf(reference: string): Promise<TenantPlace> {
    return toTenantPlace(await api.app.db.tenant.findUniqueOrThrow({ where: { reference }, select: tenantPlaceSelect }));
  }

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    const db = api.app.db;
    const sameBuilding = await db.tenant.findFirstOrThrow({
      where: { reference: { startsWith: 'HMP-LAU-B-' }, NOT: { reference: LAURIERS_B_TENANT } },
      select: { reference: true },
    });
    [tenantB, neighbourB, tenantA, savineTenant] = await Promise.all([
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, sameBuilding.reference),
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    [placeB, placeA, placeSavine] = await Promise.all([placeOf(LAURIERS_B_TENANT), placeOf(LAURIERS_A_TENANT), placeOf(SAVINE_TENANT)]);
    landlord = await db.organisation.findFirstOrThrow({ where: { kind: 'LANDLORD' }, select: { id: true, name: true } });
  });
  afterAll(() => api.close());

  /** Written straight to the database, to choose the dates to the millisecond (ties, expiry). */
  async function notice(audience: Audience, title: string, dates: { validFrom?: Date; validUntil?: Date | null } = {}) {
    const created = await api.app.db.notice.create({
      data: {
        organisationId: landlord.id,
        title,
        body: `${title}: le texte.`,
        category: 'INFORMATION',
        audienceKind: audience.kind,
        [column[audience.kind]]: audience.id,
        validFrom: dates.validFrom ?? new Date(),
        validUntil: dates.validUntil ?? null,
      },
      select: { id: true },
    });
    return created.id;
  }

  async function page(tokens: TokenResponse, limit: number, cursor?: string) {
    const response = await api.app.inject({
      url: `/api/v1/notices?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: bearer(tokens),
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { items: TenantNotice[]; nextCursor: string | null };
  }

  async function everyPage(tokens: TokenResponse, limit: number): Promise<TenantNotice[]> {
    const all: TenantNotice[] = [];
    let cursor: string | undefined;
    do {
      const next = await page(tokens, limit, cursor);
      all.push(...next.items);
      cursor = next.nextCursor ?? undefined;
      if (all.length > 1000) throw new Error('the cursor never ends: pages repeat');
    } while (cursor);
    return all;
  }

  const newestFirst = (a: TenantNotice, b: TenantNotice) =>
    b.publishedAt.localeCompare(a.publishedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

  it('shows a tenant the notices of their building, residence, district, city and their own, and nobody else’s', async () => {
    const mine = {
      BUILDING: await notice({ kind: 'BUILDING', id: placeB.buildingId }, 'Bâtiment B'),
      RESIDENCE: await notice({ kind: 'RESIDENCE', id: placeB.residenceId }, 'Résidence des Lauriers'),
      DISTRICT: await notice({ kind: 'DISTRICT', id: placeB.districtId }, 'Quartier'),
      CITY: await notice({ kind: 'CITY', id: placeB.cityId }, 'Ville'),
      TENANT: await notice({ kind: 'TENANT', id: placeB.tenantId }, 'Pour le locataire B seul'),
    };
    const others = [
      await notice({ kind: 'BUILDING', id: placeA.buildingId }, 'Bâtiment A seulement'),
      await notice({ kind: 'RESIDENCE', id: placeSavine.residenceId }, 'La Savine seulement'),
      await notice({ kind: 'TENANT', id: placeA.tenantId }, 'Pour le locataire A seul'),
    ];

    const seenByB = await everyPage(tenantB, 100);
    for (const [kind, id] of Object.entries(mine)) {
      expect(seenByB.find((item) => item.id === id)).toMatchObject({ audienceKind: kind, publisher: landlord.name, readAt: null });
    }
    for (const id of others) expect(seenByB.map((item) => item.id)).not.toContain(id);

    const seenByNeighbour = (await everyPage(neighbourB, 100)).map((item) => item.id);
    expect(seenByNeighbour).toEqual(expect.arrayContaining([mine.BUILDING, mine.RESIDENCE, mine.DISTRICT, mine.CITY]));
    expect(seenByNeighbour).not.toContain(mine.TENANT);
    const seenBySavine = (await everyPage(savineTenant, 100)).map((item) => item.id);
    expect(seenBySavine).toContain(mine.CITY);
    expect(seenBySavine).toContain(others[1]);
    expect(seenBySavine).not.toContain(mine.BUILDING);
    expect(seenBySavine).not.toContain(mine.RESIDENCE);

    // The unread count asks the same question its own way: the two must agree for every tenant.
    for (const tokens of [tenantB, neighbourB, tenantA, savineTenant]) {
      const list = await everyPage(tokens, 100);
      const { unread } = (await api.app.inject({ url: '/api/v1/notices/unread', headers: bearer(tokens) })).json();
      expect(list.filter((item) => item.readAt === null)).toHaveLength(unread);
    }
  });

  it('orders notices published at the same instant by id, and pages through the tie without repeating or skipping one', async () => {
    const instant = new Date(Date.now() - 1000);
    const tied: string[] = [];
    for (let i = 0; i < 5; i++)
      tied.push(await notice({ kind: 'BUILDING', id: placeB.buildingId }, `Même instant ${i}`, { validFrom: instant }));

    const whole = (await page(tenantB, 100)).items;
    expect([...whole].sort(newestFirst).map((item) => item.id)).toEqual(whole.map((item) => item.id));
    const tiedInList = whole.filter((item) => tied.includes(item.id)).map((item) => item.id);
    expect(tiedInList).toEqual([...tied].sort().reverse());

    for (const limit of [1, 2, 3]) {
      expect((await everyPage(tenantB, limit)).map((item) => item.id)).toEqual(whole.map((item) => item.id));
    }
  });

  it('says there is a next page exactly when one more notice is left', async () => {
    const all = (await page(tenantA, 100)).items;
    expect(all.length).toBeGreaterThan(2);
    const full = await page(tenantA, all.length);
    expect(full.items.map((item) => item.id)).toEqual(all.map((item) => item.id));
    expect(full.nextCursor).toBeNull();

    const allButOne = await page(tenantA, all.length - 1);
    expect(allButOne.nextCursor).not.toBeNull();
    const last = await page(tenantA, all.length - 1, allButOne.nextCursor!);
    expect(last.items.map((item) => item.id)).toEqual([all[all.length - 1]!.id]);
    expect(last.nextCursor).toBeNull();
  });

  it('shows when this tenant read a notice, and not a neighbour’s reading', async () => {
    const id = await notice({ kind: 'BUILDING', id: placeB.buildingId }, 'À lire');
    const receipt = await api.app.inject({ method: 'PUT', url: `/api/v1/notices/${id}/read`, headers: bearer(tenantB) });
    expect(receipt.statusCode).toBe(200);

    const forB = (await everyPage(tenantB, 100)).find((item) => item.id === id);
    expect(forB?.readAt).toBe(receipt.json().readAt);
    const detail = await api.app.inject({ url: `/api/v1/notices/${id}`, headers: bearer(tenantB) });
    expect(detail.json().readAt).toBe(receipt.json().readAt);
    const forNeighbour = (await everyPage(neighbourB, 100)).find((item) => item.id === id);
    expect(forNeighbour?.readAt).toBeNull();
  });

  it('leaves out expired and scheduled notices, in the list and the detail, and gives the end of a current one', async () => {
    const now = Date.now();
    const expired = await notice({ kind: 'RESIDENCE', id: placeB.residenceId }, 'Expirée', {
      validFrom: new Date(now - 3 * DAY),
      validUntil: new Date(now - DAY),
    });
    const scheduled = await notice({ kind: 'CITY', id: placeB.cityId }, 'Programmée', { validFrom: new Date(now + DAY) });
    const until = new Date(now + 2 * DAY);
    const current = await notice({ kind: 'DISTRICT', id: placeB.districtId }, 'En cours', {
      validFrom: new Date(now - DAY),
      validUntil: until,
    });

    const list = await everyPage(tenantB, 100);
    expect(list.map((item) => item.id)).not.toContain(expired);
    expect(list.map((item) => item.id)).not.toContain(scheduled);
    expect(list.find((item) => item.id === current)).toMatchObject({ validUntil: until.toISOString() });
    for (const id of [expired, scheduled]) {
      expect((await api.app.inject({ url: `/api/v1/notices/${id}`, headers: bearer(tenantB) })).statusCode).toBe(404);
    }
    expect((await api.app.inject({ url: `/api/v1/notices/${randomUUID()}`, headers: bearer(tenantB) })).statusCode).toBe(404);
  });

  it('reads a page as one keyset scan per audience place, in index order, merged without a sort', async () => {
    const sql = tenantPageSql(placeB, new Date(), 21, { at: new Date(), id: randomUUID() });
    const plan = await api.app.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off'); // a tiny test table would otherwise be read whole
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${sql}`);
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/^Limit/);
    expect(text).toContain('Merge Append');
    for (const audience of ['buildingId', 'residenceId', 'districtId', 'cityId', 'tenantId']) {
      expect(text).toContain(`Index Scan using "Notice_${audience}_validFrom_id_idx"`);
    }
    expect(text).not.toMatch(/->\s+(Incremental )?Sort|Seq Scan/);
  });
});
