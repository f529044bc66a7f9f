// Fault reports through the public API: a tenant reports with photos from the phone, the landlord handles it.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';

const NEIGHBOUR_A = 'HMP-LAU-A-0101';

/** A JPEG as a phone takes it: with the place it was taken in its EXIF. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .withMetadata({
      exif: {
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Ahmed' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 20/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 24/1 13/1' },
      },
    })
    .toBuffer();
}

const leak = {
  category: 'PLUMBING',
  location: 'HOME',
  spot: 'KITCHEN',
  urgency: 'NORMAL',
  template: 'leak_under_sink',
  description: 'Fuite sous l’évier de la cuisine',
};

describe('fault reports', () => {
  let api: TestApi;
  let tenant: TokenResponse;
  let neighbour: TokenResponse;
  let savine: TokenResponse;
  let caretaker: { cookie: string };
  let savineCaretaker: { cookie: string };
  let admin: { cookie: string };

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    [tenant, neighbour, savine] = await Promise.all([
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, NEIGHBOUR_A),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    [caretaker, savineCaretaker, admin] = await Promise.all([
      signInStaff(api.app, 'gardien.lauriers@hmp.demo'),
      signInStaff(api.app, 'gardien.savine@hmp.demo'),
      signInStaff(api.app, 'admin@hmp.demo'),
    ]);
  });
  afterAll(async () => api?.close());

  const submit = (tokens: TokenResponse, body: object, key: string = randomUUID()) =>
    api.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { ...bearer(tokens), 'idempotency-key': key }, payload: body });
  const tenantGet = (tokens: TokenResponse, url: string) => api.app.inject({ url, headers: bearer(tokens) });
  const tenantPost = (tokens: TokenResponse, url: string, payload?: object) =>
    api.app.inject({ method: 'POST', url, headers: bearer(tokens), ...(payload ? { payload } : {}) });
  const staff = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    api.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
  async function phoneFor(tokens: TokenResponse, subjectId?: string) {
    const handoff = await api.app.inject({
      method: 'POST',
      url: '/api/v1/handoffs',
      headers: bearer(tokens),
      payload: { purpose: 'report_photos', ...(subjectId ? { subjectId } : {}) },
    });
    expect(handoff.statusCode).toBe(201);
    expect(handoff.json().url).toBe(`http://palier.test/phone/photos.html#code=${handoff.json().code}`);
    const claimed = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: handoff.json().code } });
    expect(claimed.json().purpose).toBe('report_photos');
    return { authorization: `Bearer ${claimed.json().accessToken}` };
  }
  const upload = (phone: { authorization: string }, bytes: Buffer, type = 'image/jpeg') =>
    api.app.inject({ method: 'POST', url: '/api/v1/reports/photos', headers: { ...phone, 'content-type': type }, payload: bytes });

  it('takes a photo from the phone without its location, and files the report with it', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const phone = await phoneFor(tenant);
    const uploaded = await upload(phone, original);
    expect(uploaded.statusCode).toBe(201);
    const drafts = (await tenantGet(tenant, '/api/v1/reports/draft-photos')).json().items;
    expect(drafts.map((photo: { id: string }) => photo.id)).toEqual([uploaded.json().id]);

    const served = await api.app.inject({ url: uploaded.json().url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const metadata = await sharp(served.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(served.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    // A tampered link opens nothing (its signature's first character changed: never to the same one).
    const tampered = uploaded.json().url.replace(/signature=(.)/, (_: string, first: string) => 'signature=' + (first === 'x' ? 'y' : 'x'));
    expect(tampered).not.toBe(uploaded.json().url);
    expect((await api.app.inject({ url: tampered })).statusCode).toBe(403);

    const created = await submit(tenant, { ...leak, photoIds: [uploaded.json().id] });
    expect(created.statusCode).toBe(201);
    const report = created.json();
    expect(report.number).toMatch(/^R-2\d{3}-\d{6}$/);
    expect(report).toMatchObject({ status: 'RECEIVED', photos: [{ id: uploaded.json().id }], actions: ['cancel', 'add_information'] });
    // Plumbing promises three days.
    expect(new Date(report.dueAt).getTime() - new Date(report.createdAt).getTime()).toBe(3 * 86_400_000);
    expect((await tenantGet(tenant, '/api/v1/reports/draft-photos')).json().items).toEqual([]);
  });

  it('refuses what is not a photo, and photos that are too large', async () => {
    const phone = await phoneFor(tenant);
    const text = await upload(phone, Buffer.from('not an image at all'), 'image/png');
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('photo_unreadable');
    const huge = await upload(phone, Buffer.alloc(11 * 1024 * 1024));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('photo_too_large');
    const pdf = await api.app.inject({
      method: 'POST',
      url: '/api/v1/reports/photos',
      headers: { ...phone, 'content-type': 'application/pdf' },
      payload: 'x',
    });
    expect(pdf.statusCode).toBe(415);
  });

  it('opens the hand-off link once, and not after it expired; its token opens nothing else', async () => {
    const handoff = (
      await api.app.inject({ method: 'POST', url: '/api/v1/handoffs', headers: bearer(tenant), payload: { purpose: 'report_photos' } })
    ).json();
    const first = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: handoff.code } });
    const second = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: handoff.code } });
    expect([first.statusCode, second.statusCode]).toEqual([200, 409]);
    const phone = { authorization: `Bearer ${first.json().accessToken}` };
    expect((await api.app.inject({ url: '/api/v1/reports', headers: phone })).statusCode).toBe(401);

    const hurried = await api.buildInstance({ handoffCodeTtlSeconds: 0 });
    const stale = (
      await hurried.inject({ method: 'POST', url: '/api/v1/handoffs', headers: bearer(tenant), payload: { purpose: 'report_photos' } })
    ).json();
    const late = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: stale.code } });
    expect(late.json().code).toBe('handoff_code_expired');
    // Nor can a tenant send photos into someone else's report.
    const theirs = (await submit(savine, { ...leak, description: 'Fuite chez moi' })).json();
    const foreign = await api.app.inject({
      method: 'POST',
      url: '/api/v1/handoffs',
      headers: bearer(tenant),
      payload: { purpose: 'report_photos', subjectId: theirs.id },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('creates exactly one report when a submission is retried concurrently', async () => {
    const key = randomUUID();
    const body = { ...leak, spot: 'BATHROOM', template: 'blocked_drain', description: 'Le lavabo ne se vide plus' };
    const responses = await Promise.all(Array.from({ length: 6 }, () => submit(tenant, body, key)));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    const mine = (await tenantGet(tenant, '/api/v1/reports?limit=100')).json().items;
    expect(mine.filter((report: { description: string }) => report.description === body.description)).toHaveLength(1);
  });

  it('validates the place against the location, and the template against the category', async () => {
    const wrongSpot = await submit(tenant, { ...leak, location: 'COMMON_AREA' });
    expect(wrongSpot.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.spot' }] });
    const wrongTemplate = await submit(tenant, { ...leak, template: 'lift_down' });
    expect(wrongTemplate.json().errors[0].field).toBe('body.template');
    const unknown = await submit(tenant, { ...leak, category: 'GARDEN' });
    expect(unknown.statusCode).toBe(400);
    const english = await api.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...bearer(tenant), 'accept-language': 'en' },
      payload: { ...leak, spot: 'LIFT' },
    });
    expect(english.json().title).toBe('The request is incomplete or malformed.');
  });

  it('keeps a caretaker to their residence, by every route', async () => {
    const lauriers = (await submit(tenant, { ...leak, description: 'Fuite aux Lauriers' })).json();
    const savineReport = (await submit(savine, { ...leak, description: 'Fuite à la Savine' })).json();
    const queue = (await staff(caretaker, 'GET', '/api/v1/staff/reports?limit=100')).json().items;
    const ids = queue.map((report: { id: string }) => report.id);
    expect(ids).toContain(lauriers.id);
    expect(ids).not.toContain(savineReport.id);
    const savineResidence = (await staff(savineCaretaker, 'GET', '/api/v1/staff/reports?limit=100')).json().items[0].place.residenceId;
    expect((await staff(caretaker, 'GET', `/api/v1/staff/reports?residenceId=${savineResidence}`)).json().items).toEqual([]);
    const routes: ['GET' | 'POST' | 'PUT', string, object?][] = [
      ['GET', `/api/v1/staff/reports/${savineReport.id}`],
      ['POST', `/api/v1/staff/reports/${savineReport.id}/transitions`, { action: 'acknowledge' }],
      ['POST', `/api/v1/staff/reports/${savineReport.id}/messages`, { body: 'Bonjour' }],
      [
        'POST',
        `/api/v1/staff/reports/${savineReport.id}/slots`,
        { slots: [{ startsAt: '2099-01-01T08:00:00Z', endsAt: '2099-01-01T10:00:00Z' }] },
      ],
      ['PUT', `/api/v1/staff/reports/${savineReport.id}/assignee`, { assigneeId: null }],
    ];
    for (const [method, url, payload] of routes) expect((await staff(caretaker, method, url, payload)).statusCode).toBe(404);
    // The Savine caretaker and the landlord's admin do see it; a tenant never sees another's.
    expect((await staff(savineCaretaker, 'GET', `/api/v1/staff/reports/${savineReport.id}`)).statusCode).toBe(200);
    expect((await staff(admin, 'GET', `/api/v1/staff/reports/${savineReport.id}`)).statusCode).toBe(200);
    expect((await tenantGet(tenant, `/api/v1/reports/${savineReport.id}`)).statusCode).toBe(404);
  });

  it('follows a report from receipt to rating, refusing illegal steps on the way', async () => {
    const report = (await submit(tenant, { ...leak, description: 'Fuite sous l’évier, ça goutte' })).json();
    const url = `/api/v1/staff/reports/${report.id}`;
    const resolveTooSoon = await staff(caretaker, 'POST', `${url}/transitions`, { action: 'resolve' });
    expect(resolveTooSoon.json().code).toBe('report_transition_refused');

    const acknowledged = await staff(caretaker, 'POST', `${url}/transitions`, { action: 'acknowledge', note: 'Je passe voir' });
    expect(acknowledged.json()).toMatchObject({ status: 'ACKNOWLEDGED', assignee: { name: 'Mourad Belkacem' } });
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(8, 0, 0, 0);
    const at = (hours: number) => new Date(tomorrow.getTime() + hours * 3_600_000).toISOString();
    const offered = await staff(caretaker, 'POST', `${url}/slots`, {
      slots: [
        { startsAt: at(0), endsAt: at(2) },
        { startsAt: at(6), endsAt: at(8) },
      ],
    });
    expect(offered.json().status).toBe('APPOINTMENT_OFFERED');
    await staff(caretaker, 'POST', `${url}/messages`, { body: 'Coupez l’arrivée d’eau en attendant.' });

    const seen = (await tenantGet(tenant, `/api/v1/reports/${report.id}`)).json();
    expect(seen.actions).toEqual(['cancel', 'accept_slot', 'add_information']);
    expect(seen.timeline.map((event: { kind: string; status: string | null }) => event.status ?? event.kind)).toEqual([
      'RECEIVED',
      'ACKNOWLEDGED',
      'APPOINTMENT_OFFERED',
      'SLOTS_OFFERED',
      'MESSAGE',
    ]);
    // The tenant sees the caretaker by first name.
    expect(seen.timeline[4]).toMatchObject({ author: 'STAFF', authorName: 'Mourad', body: 'Coupez l’arrivée d’eau en attendant.' });
    expect((await tenantPost(tenant, `/api/v1/reports/${report.id}/rating`, { stars: 5 })).json().code).toBe('report_transition_refused');

    const accepted = await tenantPost(tenant, `/api/v1/reports/${report.id}/appointment`, { slotId: seen.slots[1].id });
    expect(accepted.json()).toMatchObject({ status: 'APPOINTMENT_BOOKED', slots: [{ state: 'WITHDRAWN' }, { state: 'ACCEPTED' }] });
    const again = await tenantPost(tenant, `/api/v1/reports/${report.id}/appointment`, { slotId: seen.slots[0].id });
    expect(again.json().code).toBe('slot_unavailable');

    const resolved = await staff(caretaker, 'POST', `${url}/transitions`, { action: 'resolve', note: 'Joint changé' });
    expect(resolved.json().status).toBe('RESOLVED');
    const rated = await tenantPost(tenant, `/api/v1/reports/${report.id}/rating`, { stars: 4, comment: 'Rapide' });
    expect(rated.json()).toMatchObject({ rating: 4, actions: ['reopen'] });
    expect((await tenantPost(tenant, `/api/v1/reports/${report.id}/rating`, { stars: 1 })).json().code).toBe('report_already_rated');
    expect((await staff(caretaker, 'GET', url)).json()).toMatchObject({ rating: 4, ratingComment: 'Rapide' });

    // An agent reads the queue but changes nothing.
    const agent = await signInStaff(api.app, 'accueil@hmp.demo');
    expect((await staff(agent, 'GET', url)).statusCode).toBe(200);
    expect((await staff(agent, 'POST', `${url}/transitions`, { action: 'close' })).statusCode).toBe(403);
  });

  it('reopens within 15 days of resolution only', async () => {
    const report = (await submit(tenant, { ...leak, description: 'Le robinet fuit encore' })).json();
    const url = `/api/v1/staff/reports/${report.id}/transitions`;
    await staff(caretaker, 'POST', url, { action: 'acknowledge' });
    await staff(caretaker, 'POST', url, { action: 'resolve' });
    const reopened = await tenantPost(tenant, `/api/v1/reports/${report.id}/reopen`, { body: 'Ça recommence' });
    expect(reopened.json()).toMatchObject({ status: 'RECEIVED', resolvedAt: null });

    await staff(caretaker, 'POST', url, { action: 'acknowledge' });
    await staff(caretaker, 'POST', url, { action: 'resolve' });
    await api.app.db.$executeRawUnsafe(`UPDATE "Report" SET "resolvedAt" = now() - interval '16 days' WHERE id = $1::uuid`, report.id);
    const late = await tenantPost(tenant, `/api/v1/reports/${report.id}/reopen`, { body: 'Encore' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('report_reopen_window_closed');
  });

  it('shows a common-area report to the building’s other tenants without its reporter, who add “me too”', async () => {
    const lift = (
      await submit(tenant, {
        category: 'LIFT',
        location: 'COMMON_AREA',
        spot: 'LIFT',
        urgency: 'URGENT',
        template: 'lift_down',
        description: 'Ascenseur en panne',
      })
    ).json();
    expect(new Date(lift.dueAt).getTime() - new Date(lift.createdAt).getTime()).toBe(86_400_000);

    const listed = (await tenantGet(neighbour, '/api/v1/reports/building')).json().items;
    const shared = listed.find((report: { id: string }) => report.id === lift.id);
    expect(shared).toEqual({
      id: lift.id,
      number: lift.number,
      category: 'LIFT',
      spot: 'LIFT',
      description: 'Ascenseur en panne',
      status: 'RECEIVED',
      createdAt: lift.createdAt,
      meTooCount: 0,
      mine: false,
      meToo: false,
    });
    const raw = JSON.stringify(listed);
    const me = (await tenantGet(tenant, '/api/v1/me')).json();
    expect(raw).not.toContain(me.firstName);
    expect(raw).not.toContain(LAURIERS_A_TENANT);

    const [first, second] = await Promise.all([
      api.app.inject({ method: 'PUT', url: `/api/v1/reports/${lift.id}/me-too`, headers: bearer(neighbour) }),
      api.app.inject({ method: 'PUT', url: `/api/v1/reports/${lift.id}/me-too`, headers: bearer(neighbour) }),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(
      (await tenantGet(neighbour, '/api/v1/reports/building')).json().items.find((r: { id: string }) => r.id === lift.id),
    ).toMatchObject({
      meTooCount: 1,
      meToo: true,
    });
    // The reporter sees that a neighbour joined, not who.
    const seen = (await tenantGet(tenant, `/api/v1/reports/${lift.id}`)).json();
    expect(seen.meTooCount).toBe(1);
    expect(seen.timeline.filter((event: { kind: string }) => event.kind === 'ME_TOO')).toEqual([
      expect.objectContaining({ author: 'SYSTEM', authorName: null, body: null }),
    ]);
    // Not one's own, not another building's, not a private home's.
    expect((await api.app.inject({ method: 'PUT', url: `/api/v1/reports/${lift.id}/me-too`, headers: bearer(tenant) })).json().code).toBe(
      'report_not_shared',
    );
    expect((await api.app.inject({ method: 'PUT', url: `/api/v1/reports/${lift.id}/me-too`, headers: bearer(savine) })).statusCode).toBe(
      404,
    );
    expect((await tenantGet(savine, '/api/v1/reports/building')).json().items.some((r: { id: string }) => r.id === lift.id)).toBe(false);
    const kitchen = (await submit(tenant, { ...leak, description: 'Chez moi' })).json();
    expect(
      (await api.app.inject({ method: 'PUT', url: `/api/v1/reports/${kitchen.id}/me-too`, headers: bearer(neighbour) })).statusCode,
    ).toBe(404);
  });

  it('filters the queue by category, status, age and overdue, page by page', async () => {
    const heating = (
      await submit(tenant, {
        category: 'HEATING',
        location: 'HOME',
        spot: 'LIVING_ROOM',
        urgency: 'NORMAL',
        description: 'Radiateur froid',
      })
    ).json();
    await api.app.db.$executeRawUnsafe(
      `UPDATE "Report" SET "createdAt" = now() - interval '5 days', "dueAt" = now() - interval '3 days' WHERE id = $1::uuid`,
      heating.id,
    );
    const overdue = (await staff(caretaker, 'GET', '/api/v1/staff/reports?overdue=true')).json().items;
    expect(overdue.map((report: { id: string }) => report.id)).toEqual([heating.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, ageDays: 5 });
    expect((await staff(caretaker, 'GET', '/api/v1/staff/reports?category=HEATING&minAgeDays=4')).json().items).toHaveLength(1);
    expect((await staff(caretaker, 'GET', '/api/v1/staff/reports?category=HEATING&status=RESOLVED')).json().items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await staff(
          caretaker,
          'GET',
          `/api/v1/staff/reports?limit=2&status=RECEIVED&status=ACKNOWLEDGED${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await staff(caretaker, 'GET', '/api/v1/staff/reports?limit=100&status=RECEIVED&status=ACKNOWLEDGED')).json().items;
    expect(seen).toEqual(all.map((item: { id: string }) => item.id));
    expect(seen[0]).toBe(heating.id);
  });
});
