// Staff publish notices to a place; tenants read what is addressed to them; staff see how many homes have read.
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { DEMO_STAFF } from '../../../prisma/demo-residence';
import type { Place, TokenResponse } from '@palier/contracts';

describe('notices', () => {
  let api: TestApi;
  let tenantB: TokenResponse;
  let tenantA: TokenResponse;
  let savineTenant: TokenResponse;
  let caretaker: { cookie: string };
  let places: Place[];

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    [tenantB, tenantA, savineTenant] = await Promise.all([
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    caretaker = await signInStaff(api.app, DEMO_STAFF.caretakerLauriers);
    places = (await api.app.inject({ url: '/api/v1/staff/places', headers: caretaker })).json().items;
  });
  afterAll(() => api.close());

  const place = (kind: string, name: string) => places.find((candidate) => candidate.kind === kind && candidate.name.startsWith(name))!;

  function publish(cookie: { cookie: string }, body: object, idempotencyKey = randomUUID()) {
    return api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notices',
      headers: { ...cookie, 'idempotency-key': idempotencyKey },
      payload: body,
    });
  }

  it('shows a caretaker only the residence they look after, with home counts', () => {
    expect(places.map((p) => `${p.kind}:${p.name}`).sort()).toEqual([
      'BUILDING:Bâtiment A — Les Lauriers',
      'BUILDING:Bâtiment B — Les Lauriers',
      'BUILDING:Bâtiment C — Les Lauriers',
      'RESIDENCE:Les Lauriers',
    ]);
    expect(place('RESIDENCE', 'Les Lauriers').homeCount).toBe(150);
    expect(place('BUILDING', 'Bâtiment B').homeCount).toBe(50);
  });

  it('reaches the tenants of the building it targets and no one else', async () => {
    const published = await publish(caretaker, {
      title: 'Coupure d’électricité bâtiment B',
      body: 'Intervention ENEDIS mardi de 9 h à 11 h.',
      category: 'OUTAGE',
      urgent: true,
      audience: { kind: 'BUILDING', id: place('BUILDING', 'Bâtiment B').id },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ readHomeCount: 0, targetHomeCount: 50, audience: { name: 'Bâtiment B — Les Lauriers' } });
    const { id } = published.json();

    const titles = async (tokens: TokenResponse) =>
      ((await api.app.inject({ url: '/api/v1/notices?limit=50', headers: bearer(tokens) })).json().items as { id: string }[]).map(
        (n) => n.id,
      );
    expect(await titles(tenantB)).toContain(id);
    expect(await titles(tenantA)).not.toContain(id);
    expect(await titles(savineTenant)).not.toContain(id);
    const direct = await api.app.inject({ url: `/api/v1/notices/${id}`, headers: bearer(savineTenant) });
    expect(direct.statusCode).toBe(404);
  });

  it('counts unread notices, marks read idempotently, and counts homes that read', async () => {
    const { id } = (
      await publish(caretaker, {
        title: 'Réunion des locataires',
        body: 'Salle commune, vendredi 18 h.',
        category: 'EVENT',
        urgent: false,
        audience: { kind: 'RESIDENCE', id: place('RESIDENCE', 'Les Lauriers').id },
      })
    ).json();
    const before = (await api.app.inject({ url: '/api/v1/notices/unread', headers: bearer(tenantA) })).json();
    const first = await api.app.inject({ method: 'PUT', url: `/api/v1/notices/${id}/read`, headers: bearer(tenantA) });
    const again = await api.app.inject({ method: 'PUT', url: `/api/v1/notices/${id}/read`, headers: bearer(tenantA) });
    expect(first.statusCode).toBe(200);
    expect(again.json().readAt).toBe(first.json().readAt);
    const after = (await api.app.inject({ url: '/api/v1/notices/unread', headers: bearer(tenantA) })).json();
    expect(after.unread).toBe(before.unread - 1);
    await api.app.inject({ method: 'PUT', url: `/api/v1/notices/${id}/read`, headers: bearer(tenantB) });

    const list = (await api.app.inject({ url: '/api/v1/staff/notices', headers: caretaker })).json().items;
    expect(list.find((notice: { id: string }) => notice.id === id)).toMatchObject({ readHomeCount: 2, targetHomeCount: 150 });
  });

  it('publishes once however often the same request is retried, even concurrently', async () => {
    const key = randomUUID();
    const body = {
      title: 'Dératisation des caves',
      body: 'Passage de l’entreprise lundi.',
      category: 'WORKS',
      urgent: false,
      audience: { kind: 'RESIDENCE', id: place('RESIDENCE', 'Les Lauriers').id },
    };
    const responses = await Promise.all([publish(caretaker, body, key), publish(caretaker, body, key), publish(caretaker, body, key)]);
    const ids = new Set(responses.map((response) => response.json().id));
    expect(ids.size).toBe(1);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 201]);
  });

  it('refuses places outside the caretaker’s residence with out_of_scope', async () => {
    const admin = await signInStaff(api.app, DEMO_STAFF.landlordAdmin);
    const adminPlaces: Place[] = (await api.app.inject({ url: '/api/v1/staff/places', headers: admin })).json().items;
    const savine = adminPlaces.find((p) => p.kind === 'RESIDENCE' && p.name === 'La Savine')!;
    const response = await publish(caretaker, {
      title: 'Hors périmètre',
      body: 'Ne doit pas passer.',
      category: 'INFORMATION',
      urgent: false,
      audience: { kind: 'RESIDENCE', id: savine.id },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('out_of_scope');
    const unknown = await publish(caretaker, {
      title: 'Nulle part',
      body: 'Ne doit pas passer.',
      category: 'INFORMATION',
      urgent: false,
      audience: { kind: 'BUILDING', id: randomUUID() },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('lets the town hall address its district and the city address the whole city', async () => {
    const townHall = await signInStaff(api.app, DEMO_STAFF.townHallClerk);
    const townHallPlaces: Place[] = (await api.app.inject({ url: '/api/v1/staff/places', headers: townHall })).json().items;
    const district = townHallPlaces.find((p) => p.kind === 'DISTRICT')!;
    expect(district.homeCount).toBe(150);
    expect(townHallPlaces.some((p) => p.kind === 'CITY')).toBe(false);
    const response = await publish(townHall, {
      title: 'Marché de Noël',
      body: 'Place de la mairie, samedi.',
      category: 'EVENT',
      urgent: false,
      audience: { kind: 'DISTRICT', id: district.id },
    });
    expect(response.statusCode).toBe(201);
    const seenByA = (await api.app.inject({ url: '/api/v1/notices?limit=50', headers: bearer(tenantA) }))
      .json()
      .items.map((n: { id: string }) => n.id);
    const seenBySavine = (await api.app.inject({ url: '/api/v1/notices?limit=50', headers: bearer(savineTenant) }))
      .json()
      .items.map((n: { id: string }) => n.id);
    expect(seenByA).toContain(response.json().id);
    expect(seenBySavine).not.toContain(response.json().id);

    const city = await signInStaff(api.app, DEMO_STAFF.cityClerk);
    const cityPlace = ((await api.app.inject({ url: '/api/v1/staff/places', headers: city })).json().items as Place[]).find(
      (p) => p.kind === 'CITY',
    )!;
    expect(cityPlace).toMatchObject({ name: 'Marseille', homeCount: 300 });
  });

  it('refuses publishing by roles that do not publish, and anonymous callers', async () => {
    const agent = await signInStaff(api.app, DEMO_STAFF.agent);
    const body = {
      title: 'Test',
      body: 'Texte du test.',
      category: 'INFORMATION',
      urgent: false,
      audience: { kind: 'RESIDENCE', id: place('RESIDENCE', 'Les Lauriers').id },
    };
    const forbidden = await publish(agent, body);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
    const anonymous = await api.app.inject({ method: 'POST', url: '/api/v1/staff/notices', payload: body });
    expect(anonymous.statusCode).toBe(401);
    const tenantToken = await api.app.inject({ method: 'POST', url: '/api/v1/staff/notices', headers: bearer(tenantA), payload: body });
    expect(tenantToken.statusCode).toBe(401);
  });

  it('validates notices: fields, categories and validity dates, in the caller’s language', async () => {
    const missing = await api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notices',
      headers: { ...caretaker, 'accept-language': 'en' },
      payload: { title: 'x', category: 'PARTY', audience: { kind: 'BUILDING', id: 'nope' } },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed', title: 'The request is incomplete or malformed.' });
    const fields = missing.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.body', 'body.category', 'body.audience.id']));

    const backwards = await publish(caretaker, {
      title: 'Dates à l’envers',
      body: 'La fin avant le début.',
      category: 'INFORMATION',
      urgent: false,
      audience: { kind: 'RESIDENCE', id: place('RESIDENCE', 'Les Lauriers').id },
      validFrom: '2030-01-02T00:00:00Z',
      validUntil: '2030-01-01T00:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ field: 'body.validUntil', message: 'must be after validFrom' }]);
  });

  it('pages tenants’ notices with a keyset cursor, newest first, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let previous = Infinity;
    do {
      const page = (
        await api.app.inject({ url: `/api/v1/notices?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(tenantB) })
      ).json();
      for (const notice of page.items) {
        expect(new Date(notice.publishedAt).getTime()).toBeLessThanOrEqual(previous);
        previous = new Date(notice.publishedAt).getTime();
        seen.push(notice.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(6);
    const bad = await api.app.inject({ url: '/api/v1/notices?cursor=garbage', headers: bearer(tenantB) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
    const tooMany = await api.app.inject({ url: '/api/v1/notices?limit=1000', headers: bearer(tenantB) });
    expect(tooMany.statusCode).toBe(400);
  });

  it('hides notices that are not valid yet or any more', async () => {
    const future = await publish(caretaker, {
      title: 'Annonce programmée',
      body: 'Visible la semaine prochaine.',
      category: 'INFORMATION',
      urgent: false,
      audience: { kind: 'RESIDENCE', id: place('RESIDENCE', 'Les Lauriers').id },
      validFrom: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(201);
    const ids = (await api.app.inject({ url: '/api/v1/notices?limit=100', headers: bearer(tenantA) }))
      .json()
      .items.map((n: { id: string }) => n.id);
    expect(ids).not.toContain(future.json().id);
  });
});
