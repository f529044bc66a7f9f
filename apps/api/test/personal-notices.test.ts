// Personal notices: addressed to one tenant, sent by other modules; that tenant sees them, nobody else does.
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { DEMO_STAFF } from '../../../prisma/demo-residence';
import type { TokenResponse } from '@palier/contracts';
import type { BusEvent } from '../src/plugins/event-bus';
import { sendPersonalNotice } from '../src/modules/notices/personal';

describe('personal notices', () => {
  let api: TestApi;
  let tenantB: TokenResponse;
  let neighbour: TokenResponse;
  let buildingNeighbour: TokenResponse;
  let savineTenant: TokenResponse;
  let tenantBId: string;
  let neighbourId: string;
  let landlordId: string;

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    const db = api.app.db;
    // Two homes of the same building: a personal notice must not leak to the neighbour on the same landing.
    const sameBuilding = await db.tenant.findFirstOrThrow({
      where: { reference: { startsWith: 'HMP-LAU-B-' }, NOT: { reference: LAURIERS_B_TENANT } },
      select: { reference: true },
    });
    [tenantB, neighbour, buildingNeighbour, savineTenant] = await Promise.all([
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, sameBuilding.reference),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    tenantBId = (await db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_B_TENANT } })).id;
    neighbourId = (await db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_A_TENANT } })).id;
    landlordId = (await db.organisation.findFirstOrThrow({ where: { kind: 'LANDLORD' } })).id;
  });
  afterAll(() => api.close());

  const ids = async (tokens: TokenResponse) =>
    ((await api.app.inject({ url: '/api/v1/notices?limit=100', headers: bearer(tokens) })).json().items as { id: string }[]).map(
      (n) => n.id,
    );
  const unread = async (tokens: TokenResponse) =>
    (await api.app.inject({ url: '/api/v1/notices/unread', headers: bearer(tokens) })).json() as { unread: number; urgentUnread: number };

  function send(overrides: Partial<Parameters<typeof sendPersonalNotice>[2]> = {}) {
    return sendPersonalNotice(api.app.db, api.app.eventBus, {
      tenantId: tenantBId,
      organisationId: landlordId,
      category: 'INFORMATION',
      title: 'Your appointment tomorrow',
      body: 'The plumber comes tomorrow between 9 and 11.',
      ...overrides,
    });
  }

  it('reaches the tenant it is for, in their list, unread count and urgent count, and no one else', async () => {
    const [before, neighbourBefore, buildingBefore] = await Promise.all([unread(tenantB), unread(neighbour), unread(buildingNeighbour)]);
    const { noticeId, created } = await send({ urgent: true, category: 'SAFETY', title: 'Gas check today', body: 'Please be home at 10.' });
    expect(created).toBe(true);

    const list = (await api.app.inject({ url: '/api/v1/notices?limit=100', headers: bearer(tenantB) })).json().items;
    expect(list.find((n: { id: string }) => n.id === noticeId)).toMatchObject({
      title: 'Gas check today',
      urgent: true,
      category: 'SAFETY',
      audienceKind: 'TENANT',
      publisher: 'Habitat Marseille Provence',
      readAt: null,
    });
    expect(await unread(tenantB)).toEqual({ unread: before.unread + 1, urgentUnread: before.urgentUnread + 1 });

    for (const other of [neighbour, buildingNeighbour, savineTenant]) {
      expect(await ids(other)).not.toContain(noticeId);
      const direct = await api.app.inject({ url: `/api/v1/notices/${noticeId}`, headers: bearer(other) });
      expect(direct.statusCode).toBe(404);
      const read = await api.app.inject({ method: 'PUT', url: `/api/v1/notices/${noticeId}/read`, headers: bearer(other) });
      expect(read.statusCode).toBe(404);
    }
    expect(await unread(neighbour)).toEqual(neighbourBefore);
    expect(await unread(buildingNeighbour)).toEqual(buildingBefore);

    const read = await api.app.inject({ method: 'PUT', url: `/api/v1/notices/${noticeId}/read`, headers: bearer(tenantB) });
    expect(read.statusCode).toBe(200);
    expect(await unread(tenantB)).toEqual(before);
  });

  it('raises its realtime event to that tenant only', async () => {
    const seen: BusEvent[] = [];
    const unsubscribe = api.app.eventBus.subscribe((event) => seen.push(event));
    try {
      const { noticeId } = await send({ title: 'Rappel : rendez-vous', urgent: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const ours = seen.filter((event) => event.name === 'notice.published' && event.data.noticeId === noticeId);
      expect(ours.map((event) => event.audience)).toEqual([`TENANT:${tenantBId}`]);
      expect(ours[0]!.data).toEqual({ noticeId, title: 'Rappel : rendez-vous', urgent: true });
    } finally {
      unsubscribe();
    }
  });

  it('creates one notice however often the same key is sent, even concurrently, and one event', async () => {
    const key = `appointment-reminder:${randomUUID()}`;
    const results = await Promise.all([send({ idempotencyKey: key }), send({ idempotencyKey: key }), send({ idempotencyKey: key })]);
    expect(new Set(results.map((r) => r.noticeId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await send({ idempotencyKey: key });
    expect(again).toEqual({ noticeId: results[0]!.noticeId, created: false });
    const events = await api.app.db.realtimeEvent.count({
      where: { type: 'notice.published', payload: { path: ['noticeId'], equals: results[0]!.noticeId } },
    });
    expect(events).toBe(1);
  });

  it('keeps the same key apart for two tenants', async () => {
    const key = `appointment-reminder:${randomUUID()}`;
    const mine = await send({ idempotencyKey: key });
    const theirs = await send({ idempotencyKey: key, tenantId: neighbourId });
    expect(theirs.created).toBe(true);
    expect(theirs.noticeId).not.toBe(mine.noticeId);
    expect(await ids(neighbour)).toContain(theirs.noticeId);
    expect(await ids(tenantB)).not.toContain(theirs.noticeId);
  });

  it('may have no author (sent by the system), and stays out of the staff’s list of published notices', async () => {
    const { noticeId } = await send({ authorStaffId: null });
    const stored = await api.app.db.notice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(stored.authorStaffId).toBeNull();
    const admin = await signInStaff(api.app, DEMO_STAFF.landlordAdmin);
    const staffList = (await api.app.inject({ url: '/api/v1/staff/notices?limit=100', headers: admin })).json().items;
    expect(staffList.map((n: { id: string }) => n.id)).not.toContain(noticeId);
  });

  it('hides it once its validity ends, refuses an unknown tenant and empty text', async () => {
    const { noticeId } = await send({ validUntil: new Date(Date.now() + 300) });
    expect(await ids(tenantB)).toContain(noticeId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await ids(tenantB)).not.toContain(noticeId);
    await expect(send({ tenantId: randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(send({ title: '   ' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('is erased with the tenant', async () => {
    const db = api.app.db;
    const { homeId } = await db.tenant.findUniqueOrThrow({ where: { id: tenantBId } });
    const leaving = await db.tenant.create({
      data: { homeId, reference: `TEST-${randomUUID()}`, firstName: 'Léa', lastName: 'Test', activationCodeHash: 'x' },
    });
    const { noticeId } = await send({ tenantId: leaving.id });
    await db.tenant.delete({ where: { id: leaving.id } });
    expect(await db.notice.findUnique({ where: { id: noticeId } })).toBeNull();
  });
});
