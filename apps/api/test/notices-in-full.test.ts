// Notices in full: translations with a French fallback, a picture re-encoded for the TV, reads per building and
// reminders to the homes that have not read.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Place, TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { DEMO_STAFF } from '../../../prisma/demo-residence';
import type { BusEvent } from '../src/plugins/event-bus';

/** A big phone-camera photo with the camera and the place in its EXIF. */
async function bigPhotoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg({ quality: 95 })
    .withMetadata({
      exif: {
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Gardien' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 20/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 24/1 13/1' },
      },
    })
    .toBuffer();
}

describe('notices in full', () => {
  let api: TestApi;
  let tenantB: TokenResponse;
  let tenantA: TokenResponse;
  let savineTenant: TokenResponse;
  let caretaker: { cookie: string };
  let savineCaretaker: { cookie: string };
  let admin: { cookie: string };
  let places: Place[];

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    [tenantB, tenantA, savineTenant] = await Promise.all([
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    [caretaker, savineCaretaker, admin] = await Promise.all([
      signInStaff(api.app, DEMO_STAFF.caretakerLauriers),
      signInStaff(api.app, DEMO_STAFF.caretakerSavine),
      signInStaff(api.app, DEMO_STAFF.landlordAdmin),
    ]);
    places = (await api.app.inject({ url: '/api/v1/staff/places', headers: admin })).json().items;
  });
  afterAll(() => api.close());

  const place = (kind: string, name: string) => places.find((candidate) => candidate.kind === kind && candidate.name.startsWith(name))!;
  const lauriers = () => ({ kind: 'RESIDENCE', id: place('RESIDENCE', 'Les Lauriers').id });

  function publish(cookie: { cookie: string }, body: object, idempotencyKey = randomUUID()) {
    return api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notices',
      headers: { ...cookie, 'idempotency-key': idempotencyKey },
      payload: body,
    });
  }
  function setLanguage(tokens: TokenResponse, language: string) {
    return api.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(tokens), payload: { language } });
  }
  function upload(cookie: { cookie: string }, bytes: Buffer, contentType = 'image/jpeg') {
    return api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notice-pictures',
      headers: { ...cookie, 'content-type': contentType },
      payload: bytes,
    });
  }
  function remind(cookie: { cookie: string }, noticeId: string, key = randomUUID()) {
    return api.app.inject({
      method: 'POST',
      url: `/api/v1/staff/notices/${noticeId}/reminders`,
      headers: { ...cookie, 'idempotency-key': key },
    });
  }
  const read = (tokens: TokenResponse, noticeId: string) =>
    api.app.inject({ method: 'PUT', url: `/api/v1/notices/${noticeId}/read`, headers: bearer(tokens) });

  describe('translations', () => {
    let noticeId: string;
    beforeAll(async () => {
      const published = await publish(caretaker, {
        title: 'Fermeture du local vélos',
        body: 'Le local vélos sera fermé lundi pour travaux.',
        category: 'WORKS',
        urgent: false,
        audience: lauriers(),
        translations: { en: { title: 'Bike room closed', body: 'The bike room will be closed on Monday for works.' } },
      });
      expect(published.statusCode).toBe(201);
      expect(published.json().translations).toEqual({
        en: { title: 'Bike room closed', body: 'The bike room will be closed on Monday for works.' },
      });
      noticeId = published.json().id;
    });
    afterAll(() => Promise.all([setLanguage(tenantA, 'fr'), setLanguage(tenantB, 'fr')]));

    it('shows each tenant their language, in the list and the detail', async () => {
      await setLanguage(tenantA, 'en');
      const list = (await api.app.inject({ url: '/api/v1/notices?limit=50', headers: bearer(tenantA) })).json().items;
      expect(list.find((n: { id: string }) => n.id === noticeId)).toMatchObject({ title: 'Bike room closed', language: 'en' });
      const detail = (await api.app.inject({ url: `/api/v1/notices/${noticeId}`, headers: bearer(tenantA) })).json();
      expect(detail).toMatchObject({
        title: 'Bike room closed',
        body: 'The bike room will be closed on Monday for works.',
        language: 'en',
      });
      const french = (await api.app.inject({ url: `/api/v1/notices/${noticeId}`, headers: bearer(tenantB) })).json();
      expect(french).toMatchObject({ title: 'Fermeture du local vélos', language: 'fr' });
    });

    it('names the newest unread urgent notice, in the tenant’s language, until it is read', async () => {
      await setLanguage(tenantA, 'en');
      const { id } = (
        await publish(caretaker, {
          title: 'Gaz : ne pas utiliser l’ascenseur',
          body: 'Intervention GRDF en cours dans la résidence.',
          category: 'SAFETY',
          urgent: true,
          audience: lauriers(),
          translations: { en: { title: 'Gas: do not use the lift', body: 'GRDF at work in the residence.' } },
        })
      ).json();
      const unread = async (tokens: TokenResponse) =>
        (await api.app.inject({ url: '/api/v1/notices/unread', headers: bearer(tokens) })).json();
      expect((await unread(tenantA)).latestUrgent).toEqual({ id, title: 'Gas: do not use the lift' });
      expect((await unread(tenantB)).latestUrgent).toEqual({ id, title: 'Gaz : ne pas utiliser l’ascenseur' });
      await read(tenantA, id);
      expect((await unread(tenantA)).latestUrgent?.id).not.toBe(id);
    });

    it('falls back to French when there is no translation in the tenant’s language', async () => {
      await setLanguage(tenantB, 'ar');
      const detail = (await api.app.inject({ url: `/api/v1/notices/${noticeId}`, headers: bearer(tenantB) })).json();
      expect(detail).toMatchObject({ title: 'Fermeture du local vélos', language: 'fr' });
    });

    it('validates translations like the French text, and ignores unknown languages', async () => {
      const short = await publish(caretaker, {
        title: 'Titre correct',
        body: 'Texte correct.',
        category: 'INFORMATION',
        urgent: false,
        audience: lauriers(),
        translations: { ar: { title: 'x', body: 'Texte' } },
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().code).toBe('validation_failed');
      const unknown = await publish(caretaker, {
        title: 'Titre correct',
        body: 'Texte correct.',
        category: 'INFORMATION',
        urgent: false,
        audience: lauriers(),
        translations: { de: { title: 'Titel', body: 'Text hier' } },
      });
      // Unknown languages are dropped (the API strips properties it does not know), never stored.
      expect(unknown.statusCode).toBe(201);
      expect(unknown.json().translations).toEqual({});
      expect(await api.app.db.noticeTranslation.count({ where: { noticeId: unknown.json().id } })).toBe(0);
    });
  });

  describe('pictures', () => {
    it('re-encodes an upload for the TV: no metadata, within 960 × 540, light enough for a 2 Mbit/s line', async () => {
      const original = await bigPhotoWithExif();
      const uploaded = await upload(caretaker, original);
      expect(uploaded.statusCode).toBe(201);
      const picture = uploaded.json();
      expect(picture.width).toBe(720);
      expect(picture.height).toBe(540);
      // 2 Mbit/s is 250 KB/s: under a second.
      expect(picture.bytes).toBeLessThan(150_000);

      // Not served before it is attached to a published notice.
      expect((await api.app.inject({ url: picture.url })).statusCode).toBe(404);

      const published = await publish(caretaker, {
        title: 'Ascenseur en panne',
        body: 'L’ascenseur du bâtiment B est arrêté.',
        category: 'OUTAGE',
        urgent: true,
        audience: { kind: 'BUILDING', id: place('BUILDING', 'Bâtiment B').id },
        pictureId: picture.id,
      });
      expect(published.statusCode).toBe(201);
      expect(published.json().picture).toEqual(picture);
      const seen = (await api.app.inject({ url: `/api/v1/notices/${published.json().id}`, headers: bearer(tenantB) })).json();
      expect(seen.picture).toEqual(picture);

      const served = await api.app.inject({ url: picture.url });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.rawPayload.length).toBe(picture.bytes);
      const metadata = await sharp(served.rawPayload).metadata();
      expect(metadata.exif).toBeUndefined();
      expect([metadata.width, metadata.height]).toEqual([720, 540]);
    });

    it('attaches a picture to one notice only, and only within the organisation that uploaded it', async () => {
      const picture = (await upload(caretaker, await bigPhotoWithExif())).json();
      const body = {
        title: 'Avis avec image',
        body: 'Une image jointe.',
        category: 'INFORMATION',
        urgent: false,
        audience: lauriers(),
        pictureId: picture.id,
      };
      expect((await publish(caretaker, body)).statusCode).toBe(201);
      const twice = await publish(caretaker, body);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('picture_in_use');

      const townHall = await signInStaff(api.app, DEMO_STAFF.townHallClerk);
      const theirPlaces: Place[] = (await api.app.inject({ url: '/api/v1/staff/places', headers: townHall })).json().items;
      const other = (await upload(caretaker, await bigPhotoWithExif())).json();
      const stolen = await publish(townHall, {
        ...body,
        audience: { kind: theirPlaces[0]!.kind, id: theirPlaces[0]!.id },
        pictureId: other.id,
      });
      expect(stolen.statusCode).toBe(404);
      // The failed publish left nothing behind.
      expect(await api.app.db.notice.count({ where: { title: 'Avis avec image' } })).toBe(1);
    });

    it('refuses what is not a picture, and anyone but publishing staff', async () => {
      const text = await upload(caretaker, Buffer.from('not an image at all'), 'image/png');
      expect(text.statusCode).toBe(415);
      expect(text.json().code).toBe('photo_unreadable');
      const pdf = await upload(caretaker, Buffer.from('%PDF-1.4'), 'application/pdf');
      expect(pdf.statusCode).toBe(415);
      const tenant = await api.app.inject({
        method: 'POST',
        url: '/api/v1/staff/notice-pictures',
        headers: { ...bearer(tenantA), 'content-type': 'image/jpeg' },
        payload: await bigPhotoWithExif(),
      });
      expect(tenant.statusCode).toBe(401);
    });
  });

  describe('reads per building and reminders', () => {
    let noticeId: string;
    beforeAll(async () => {
      const published = await publish(caretaker, {
        title: 'Coupure d’eau générale',
        body: 'L’eau sera coupée jeudi de 8 h à 12 h dans toute la résidence.',
        category: 'OUTAGE',
        urgent: true,
        audience: lauriers(),
      });
      noticeId = published.json().id;
      await read(tenantB, noticeId);
    });

    it('counts, per building of the audience, the homes that have read', async () => {
      const page = await api.app.inject({ url: `/api/v1/staff/notices/${noticeId}/buildings`, headers: caretaker });
      expect(page.statusCode).toBe(200);
      expect(
        page
          .json()
          .items.map((b: { name: string; readHomeCount: number; targetHomeCount: number }) => [b.name, b.readHomeCount, b.targetHomeCount]),
      ).toEqual([
        ['Bâtiment A — Les Lauriers', 0, 50],
        ['Bâtiment B — Les Lauriers', 1, 50],
        ['Bâtiment C — Les Lauriers', 0, 50],
      ]);
      await read(tenantA, noticeId);
      const first = await api.app.inject({ url: `/api/v1/staff/notices/${noticeId}/buildings?limit=2`, headers: caretaker });
      expect(first.json().items.map((b: { readHomeCount: number }) => b.readHomeCount)).toEqual([1, 1]);
      const second = await api.app.inject({
        url: `/api/v1/staff/notices/${noticeId}/buildings?limit=2&cursor=${first.json().nextCursor}`,
        headers: caretaker,
      });
      expect(second.json()).toMatchObject({ items: [{ name: 'Bâtiment C — Les Lauriers', readHomeCount: 0 }], nextCursor: null });
    });

    it('shows nothing of another residence’s notice to a caretaker of another residence', async () => {
      const response = await api.app.inject({ url: `/api/v1/staff/notices/${noticeId}/buildings`, headers: savineCaretaker });
      expect(response.statusCode).toBe(404);
      expect((await remind(savineCaretaker, noticeId)).statusCode).toBe(404);
    });

    it('reminds the homes that have not read, once: per-building events, the count, a stored log; then 429 for an hour', async () => {
      const events: BusEvent[] = [];
      const unsubscribe = api.app.eventBus.subscribe((event) => events.push(event));
      const key = randomUUID();
      try {
        const [sent, retried] = await Promise.all([remind(caretaker, noticeId, key), remind(caretaker, noticeId, key)]);
        expect([sent.statusCode, retried.statusCode].sort()).toEqual([200, 201]);
        expect(sent.json().id).toBe(retried.json().id);
        // 150 homes, two have read (one in A, one in B).
        expect(sent.json().homeCount).toBe(148);
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        unsubscribe();
      }
      const reminded = events.filter((event) => event.name === 'notice.reminded' && event.data.noticeId === noticeId);
      const buildings = places.filter((p) => p.kind === 'BUILDING' && p.name.endsWith('Les Lauriers')).map((p) => `BUILDING:${p.id}`);
      expect(reminded.map((event) => event.audience).sort()).toEqual(buildings.sort());
      expect(reminded[0]!.data).toEqual({ noticeId, urgent: true });

      const logged = await api.app.db.noticeReminder.findMany({ where: { noticeId } });
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ homeCount: 148 });

      const tooSoon = await remind(admin, noticeId);
      expect(tooSoon.statusCode).toBe(429);
      expect(tooSoon.json().code).toBe('reminder_too_soon');
      expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(3500);

      const listed = (await api.app.inject({ url: '/api/v1/staff/notices?limit=50', headers: caretaker })).json().items;
      expect(listed.find((n: { id: string }) => n.id === noticeId).lastReminder).toMatchObject({ homeCount: 148 });
    });

    it('sends one reminder when two staff click at the same time', async () => {
      const { id } = (
        await publish(caretaker, { title: 'Réunion', body: 'Salle commune jeudi.', category: 'EVENT', urgent: false, audience: lauriers() })
      ).json();
      const responses = await Promise.all([remind(caretaker, id), remind(admin, id), remind(caretaker, id)]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 429, 429]);
      expect(await api.app.db.noticeReminder.count({ where: { noticeId: id } })).toBe(1);
    });

    it('reminds only buildings with homes left to read, and refuses notices that are not current', async () => {
      const buildingB = place('BUILDING', 'Bâtiment B').id;
      const { id } = (
        await publish(caretaker, {
          title: 'Local poubelles',
          body: 'Nettoyage vendredi.',
          category: 'WORKS',
          urgent: false,
          audience: { kind: 'BUILDING', id: buildingB },
        })
      ).json();
      const sent = await remind(caretaker, id);
      expect(sent.json().homeCount).toBe(50);
      const events = await api.app.db.realtimeEvent.findMany({
        where: { type: 'notice.reminded', payload: { path: ['noticeId'], equals: id } },
      });
      expect(events.map((event) => `${event.audienceKind}:${event.audienceId}`)).toEqual([`BUILDING:${buildingB}`]);

      const later = (
        await publish(caretaker, {
          title: 'Plus tard',
          body: 'Pas encore en vigueur.',
          category: 'INFORMATION',
          urgent: false,
          audience: lauriers(),
          validFrom: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).json();
      const refused = await remind(caretaker, later.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('notice_not_current');
      // A savine tenant's notice list never learns of any of this.
      const savineIds = (await api.app.inject({ url: '/api/v1/notices?limit=100', headers: bearer(savineTenant) }))
        .json()
        .items.map((n: { id: string }) => n.id);
      expect(savineIds).not.toContain(id);
    });
  });
});
