// The tenant's rights over their data: the JSON export through the phone hand-off, and leaving without a trace.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'redis';
import sharp from 'sharp';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, testRedisUrl, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_B_TENANT, activateTv, bearer, refresh, signInStaff } from '../../../test/support/journeys';
import { activationCodeDigest } from '../src/modules/accounts/secrets';
import { demoActivationCode } from '../../../prisma/demo-letters';
import { nameScrubber } from '../src/modules/privacy/erasure';

// Names found nowhere else in the demo, so a search for them finds only what erasure missed.
const LEAVER = { reference: 'HMP-LAU-B-9901', firstName: 'Zéphyrine', lastName: 'Quillebeuf' };
const NEIGHBOUR = 'HMP-LAU-B-0102';

describe('the tenant’s data: export and erasure', () => {
  let api: TestApi;
  let leaver: TokenResponse;
  let neighbour: TokenResponse;
  let other: TokenResponse; // Les Lauriers B 0101
  let leaverId: string;
  let homeId: string;

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    const db = api.app.db;
    const building = await db.building.findFirstOrThrow({ where: { name: 'Bâtiment B', residence: { name: 'Les Lauriers' } } });
    const home = await db.home.create({ data: { buildingId: building.id, floor: 42, door: '4242' } });
    homeId = home.id;
    const tenant = await db.tenant.create({
      data: {
        homeId,
        reference: LEAVER.reference,
        firstName: LEAVER.firstName,
        lastName: LEAVER.lastName,
        activationCodeHash: activationCodeDigest(LEAVER.reference, demoActivationCode(LEAVER.reference)),
      },
    });
    leaverId = tenant.id;
    [leaver, neighbour, other] = await Promise.all([
      activateTv(api.app, LEAVER.reference),
      activateTv(api.app, NEIGHBOUR),
      activateTv(api.app, LAURIERS_B_TENANT),
    ]);
  });
  afterAll(async () => api?.close());

  function call(tokens: TokenResponse | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
    return api.app.inject({
      method,
      url,
      headers: { ...(tokens ? bearer(tokens) : {}), 'idempotency-key': randomUUID() },
      ...(payload ? { payload } : {}),
    });
  }
  /** The request must succeed; its JSON body, if any. */
  async function ok(pending: ReturnType<typeof call>) {
    const response = await pending;
    if (response.statusCode >= 300) throw new Error(`${response.statusCode} ${response.body}`);
    return response.body ? response.json() : null;
  }
  const post = (tokens: TokenResponse, title: string, kind = 'HELP_REQUEST', extra: object = {}) =>
    ok(call(tokens, 'POST', '/api/v1/feed/posts', { kind, title, body: `${title} — merci`, audience: 'BUILDING', ...extra }));
  /** A photo from the leaver's phone onto her post draft (saved first, as the TV does), through the hand-off. */
  async function photoOnDraft(title: string): Promise<string> {
    const draft = await ok(call(leaver, 'PUT', '/api/v1/feed/draft', { kind: 'LOST_FOUND', title }));
    const handoff = await ok(call(leaver, 'POST', '/api/v1/handoffs', { purpose: 'post_photos', subjectId: draft.id }));
    const claimed = await ok(api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: handoff.code } }));
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 180, g: 90, b: 30 } } })
      .jpeg()
      .toBuffer();
    const uploaded = await api.app.inject({
      method: 'POST',
      url: '/api/v1/feed/draft/photos',
      headers: { authorization: `Bearer ${claimed.accessToken}`, 'content-type': 'image/jpeg' },
      payload: jpeg,
    });
    if (uploaded.statusCode !== 201) throw new Error(`${uploaded.statusCode} ${uploaded.body}`);
    return uploaded.json().id;
  }
  const photoFiles = (photoId: string) =>
    ['full', 'thumb'].filter((size) => existsSync(path.join(api.config.storageDir, 'post-photos', photoId, `${size}.jpg`)));

  /** Everything a tenant leaves behind in a busy month: one of each thing Palier keeps. */
  async function liveAMonth() {
    const db = api.app.db;
    // Her lost cat, with its photo: a neighbour answers, so the post will stay as a shell, but not the photo.
    const catPhoto = await photoOnDraft('Qui a vu mon chat roux ?');
    const shell = await post(leaver, 'Qui a vu mon chat roux ?', 'LOST_FOUND');
    await ok(call(neighbour, 'POST', `/api/v1/feed/posts/${shell.id}/replies`, { body: 'Je l’ai vu dans la cour' }));
    await ok(call(leaver, 'POST', `/api/v1/feed/posts/${shell.id}/replies`, { body: 'Merci, Zéphyrine' }));
    await post(leaver, 'Personne ne répondra à ceci');
    const theirs = await post(neighbour, 'Fête des voisins', 'EVENT', {
      event: { startsAt: new Date(Date.now() + 86_400_000).toISOString(), place: 'La cour', capacity: 10 },
    });
    await ok(call(leaver, 'POST', `/api/v1/feed/posts/${theirs.id}/replies`, { body: 'J’apporte un gâteau' }));
    await ok(call(leaver, 'PUT', `/api/v1/feed/posts/${theirs.id}/signup`));
    // A conversation each way, with messages on both sides.
    const help = await post(neighbour, 'Porter des cartons');
    const mine = await ok(call(leaver, 'POST', '/api/v1/conversations', { postId: help.id, intent: 'HELP', message: 'Je peux aider' }));
    await ok(call(neighbour, 'POST', `/api/v1/conversations/${mine.id}/messages`, { body: 'Merci Zéphyrine, samedi ?' }));
    await ok(call(leaver, 'POST', `/api/v1/conversations/${mine.id}/messages`, { body: 'Samedi 10 h' }));
    const offer = await post(leaver, 'Je prête ma perceuse', 'LEND_GIVE');
    await ok(call(other, 'POST', '/api/v1/conversations', { postId: offer.id, intent: 'INTEREST', message: 'Ça m’intéresse' }));
    await ok(
      call(leaver, 'PUT', '/api/v1/calls/blocks/' + (await db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_B_TENANT } })).id),
    );
    // Blocked by someone too.
    await ok(call(neighbour, 'PUT', '/api/v1/calls/blocks/' + leaverId));
    await ok(call(neighbour, 'DELETE', '/api/v1/calls/blocks/' + leaverId));
    await db.tenantBlock.create({
      data: { blockerId: (await db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_B_TENANT } })).id, blockedId: leaverId },
    });
    const notices = await ok(call(leaver, 'GET', '/api/v1/notices'));
    await ok(call(leaver, 'PUT', `/api/v1/notices/${notices.items[0].id}/read`));
    // A fault report naming her, and the caretaker's answer naming her too.
    const report = await ok(
      call(leaver, 'POST', '/api/v1/reports', {
        category: 'PLUMBING',
        location: 'HOME',
        spot: 'KITCHEN',
        urgency: 'NORMAL',
        description: 'Fuite sous l’évier, appelez Mme Quillebeuf (HMP-LAU-B-9901)',
      }),
    );
    const caretaker = await signInStaff(api.app, 'gardien.lauriers@hmp.demo');
    await ok(
      api.app.inject({
        method: 'POST',
        url: `/api/v1/staff/reports/${report.id}/messages`,
        headers: caretaker,
        payload: { body: 'Bonjour Madame QUILLEBEUF, le plombier passe jeudi.' },
      }),
    );
    // A neighbour call she made (the neighbour accepts calls from the building).
    await ok(call(neighbour, 'PUT', '/api/v1/calls/settings', { callableBy: 'BUILDING' }));
    const ring = await ok(
      call(leaver, 'POST', '/api/v1/calls', {
        to: { kind: 'NEIGHBOUR', tenantId: (await db.tenant.findUniqueOrThrow({ where: { reference: NEIGHBOUR } })).id },
      }),
    );
    await ok(call(leaver, 'POST', `/api/v1/calls/${ring.id}/cancel`));
    // A phone hand-off, and what other modules keep in Redis about a tenant (presence, counters…).
    await ok(call(leaver, 'POST', '/api/v1/handoffs', { purpose: 'report_photos' }));
    const redis = api.app.redis!;
    await redis.set(api.app.redisKey('presence', 'tenant', leaverId), '1', { EX: 600 });
    // The draft last: posting clears it. It has a photo from her phone too.
    const draftPhoto = await photoOnDraft('Brouillon de Zéphyrine');
    await ok(call(leaver, 'PUT', '/api/v1/feed/draft', { kind: 'HELP_OFFER', title: 'Brouillon de Zéphyrine' }));
    return { shell, theirs, mine, report, photos: [catPhoto, draftPhoto] };
  }

  it('exports everything to the phone, then erases the tenant leaving no trace, while others keep what is theirs', async () => {
    const db = api.app.db;
    const { shell, theirs, mine, report, photos } = await liveAMonth();
    expect(shell.photos.map((photo: { id: string }) => photo.id)).toEqual([photos[0]]);
    for (const photoId of photos) expect(photoFiles(photoId)).toEqual(['full', 'thumb']);

    // --- the export, through the phone hand-off ---
    const handoff = await ok(call(leaver, 'POST', '/api/v1/handoffs', { purpose: 'data_export' }));
    expect(handoff.url).toContain('/phone/data.html#code=');
    expect((await call(leaver, 'GET', '/api/v1/me/export')).statusCode).toBe(401); // the TV's token is not the phone's
    const claimed = await ok(api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: handoff.code } }));
    const exported = await api.app.inject({
      method: 'GET',
      url: '/api/v1/me/export',
      headers: { authorization: `Bearer ${claimed.accessToken}` },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['cache-control']).toBe('no-store');
    const data = exported.json();
    expect(data).toMatchObject({
      format: 'palier-tenant-export/1',
      profile: { firstName: LEAVER.firstName, lastName: LEAVER.lastName, reference: LEAVER.reference, home: { floor: 42, door: '4242' } },
    });
    expect(data.devices).toHaveLength(1);
    expect(data.noticeReads).toHaveLength(1);
    expect(data.posts.map((p: { title: string }) => p.title).sort()).toEqual(
      ['Je prête ma perceuse', 'Personne ne répondra à ceci', 'Qui a vu mon chat roux ?'].sort(),
    );
    expect(data.replies).toHaveLength(2);
    expect(data.eventSignups).toEqual([expect.objectContaining({ postId: theirs.id, title: 'Fête des voisins' })]);
    expect(data.postDraft.content.title).toBe('Brouillon de Zéphyrine');
    // Her post photos are listed (what they are; the pictures themselves are one link away on the TV).
    const cat = data.posts.find((p: { title: string }) => p.title === 'Qui a vu mon chat roux ?');
    expect(cat.photos).toEqual([{ width: 800, height: 600, bytes: expect.any(Number), createdAt: expect.any(String) }]);
    expect(data.postDraft.photos).toEqual([expect.objectContaining({ width: 800, height: 600 })]);
    const conversation = data.conversations.find((c: { id: string }) => c.id === mine.id);
    expect(conversation.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['me', 'Je peux aider'],
      ['neighbour', 'Merci Zéphyrine, samedi ?'],
      ['me', 'Samedi 10 h'],
    ]);
    expect(Object.keys(conversation.neighbour).sort()).toEqual(['building', 'firstName']);
    expect(data.conversations).toHaveLength(2);
    expect(data.blockedNeighbours).toHaveLength(1);
    expect(data.faultReports[0].timeline.some((e: { body: string | null }) => e.body?.includes('QUILLEBEUF'))).toBe(true);
    expect(data.calls).toEqual([expect.objectContaining({ kind: 'NEIGHBOUR', direction: 'outgoing', state: 'CANCELLED' })]);
    expect(data.phoneHandoffs.map((h: { purpose: string }) => h.purpose).sort()).toEqual([
      'data_export',
      'post_photos',
      'post_photos',
      'report_photos',
    ]);
    // Other people appear as they do in Palier: no neighbour's surname in the file.
    const neighbourRow = await db.tenant.findUniqueOrThrow({ where: { reference: NEIGHBOUR } });
    expect(exported.body).not.toContain(neighbourRow.lastName);

    // She has an appointment booked: leaving gives her seat back to others.
    const services = await ok(call(leaver, 'GET', '/api/v1/appointments/services'));
    const service = services.items[0];
    const day = (await ok(call(leaver, 'GET', `/api/v1/appointments/services/${service.id}/days`))).items[0];
    const slot = (await ok(call(leaver, 'GET', `/api/v1/appointments/services/${service.id}/slots?date=${day.date}`))).items[0];
    await ok(call(leaver, 'POST', '/api/v1/appointments', { slotId: slot.id }));
    const bookedBefore = (await db.appointmentSlot.findUniqueOrThrow({ where: { id: slot.id } })).booked;

    // --- leaving: the TV must confirm ---
    expect((await call(leaver, 'DELETE', '/api/v1/me')).statusCode).toBe(400);
    expect((await call(leaver, 'DELETE', '/api/v1/me', { confirm: 'yes' })).statusCode).toBe(400);
    expect(await db.tenant.count({ where: { id: leaverId } })).toBe(1);
    const erased = await call(leaver, 'DELETE', '/api/v1/me', { confirm: 'ERASE_MY_DATA' });
    expect(erased.statusCode).toBe(204);

    // Every device is signed out at once, and its refresh token is worthless.
    expect((await call(leaver, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect([400, 401]).toContain((await refresh(api.app, leaver.refresh_token)).statusCode);

    // No row of any table points at her: the foreign keys to Tenant are read from the catalogue, so tables added later
    // by others are checked too.
    const references = await db.$queryRaw<{ table: string; column: string }[]>`
      SELECT kcu.table_name::text AS "table", kcu.column_name::text AS "column"
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'Tenant' AND tc.table_schema = current_schema()`;
    expect(references.length).toBeGreaterThanOrEqual(15);
    for (const { table, column } of references) {
      const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
        `SELECT COUNT(*) AS count FROM "${table}" WHERE "${column}" = $1::uuid`,
        leaverId,
      );
      expect({ table, column, rows: Number(row!.count) }).toEqual({ table, column, rows: 0 });
    }
    expect(await db.tenant.count({ where: { id: leaverId } })).toBe(0);
    // Her post photos (PostPhoto.authorId is one of those foreign keys) are gone, rows and files, the shell's too.
    expect(references).toContainEqual({ table: 'PostPhoto', column: 'authorId' });
    expect(await db.postPhoto.count({ where: { id: { in: photos } } })).toBe(0);
    for (const photoId of photos) expect({ photoId, files: photoFiles(photoId) }).toEqual({ photoId, files: [] });

    // Nor does any text, JSON or id column mention her id, her reference or her names, in any case or accent.
    const columns = await db.$queryRaw<{ table: string; column: string }[]>`
      SELECT c.table_name::text AS "table", c.column_name::text AS "column" FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'
        AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'uuid', 'ARRAY')`;
    expect(columns.length).toBeGreaterThan(50);
    const needles = [leaverId, LEAVER.reference, LEAVER.firstName, 'Zephyrine', LEAVER.lastName];
    const found: string[] = [];
    for (const { table, column } of columns) {
      for (const needle of needles) {
        const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
          `SELECT COUNT(*) AS count FROM "${table}" WHERE lower("${column}"::text) LIKE '%' || lower($1) || '%'`,
          needle,
        );
        if (Number(row!.count) > 0) found.push(`${table}.${column} ∋ ${needle}`);
      }
    }
    expect(found).toEqual([]);

    // Nor any Redis key of this deployment.
    const client = createClient({ url: testRedisUrl()! });
    await client.connect();
    const keys: string[] = [];
    try {
      for await (const batch of client.scanIterator({ MATCH: `${api.config.redisPrefix}*`, COUNT: 1000 })) keys.push(...batch);
    } finally {
      await client.close();
    }
    expect(keys.length).toBeGreaterThan(0); // the sweep ran over a live keyspace (others' counters are still there)
    expect(keys.filter((key) => key.includes(leaverId) || key.includes(LEAVER.reference))).toEqual([]);

    // --- what others keep ---
    // Her post that a neighbour answered stays as an empty shell: the answer is still there, "answering a removed message".
    const kept = await ok(call(neighbour, 'GET', `/api/v1/feed/posts/${shell.id}`));
    expect(kept).toMatchObject({ removed: true, title: '', body: '', author: { firstName: '', building: '' }, replyCount: 1, photos: [] });
    const replies = await ok(call(neighbour, 'GET', `/api/v1/feed/posts/${shell.id}/replies`));
    expect(replies.items.map((r: { body: string }) => r.body)).toEqual(['Je l’ai vu dans la cour']);
    expect((await call(neighbour, 'POST', `/api/v1/feed/posts/${shell.id}/replies`, { body: 'Et alors ?' })).statusCode).toBe(409);
    // Her reply and her seat left the neighbour's event, and the counters follow.
    expect(await ok(call(neighbour, 'GET', `/api/v1/feed/posts/${theirs.id}`))).toMatchObject({ replyCount: 0, event: { taken: 0 } });
    // The neighbour keeps their side of the conversation, closed, nothing unread, nobody named.
    const theirSide = await ok(call(neighbour, 'GET', `/api/v1/conversations/${mine.id}`));
    expect(theirSide).toMatchObject({ neighbour: null, closed: true, canWrite: false, unread: 0 });
    const messages = await ok(call(neighbour, 'GET', `/api/v1/conversations/${mine.id}/messages`));
    // Her messages are gone; the neighbour's stays, with her name taken out.
    expect(messages.items.map((m: { body: string }) => m.body)).toEqual(['Merci […], samedi ?']);
    expect(await ok(call(neighbour, 'GET', '/api/v1/conversations/unread'))).toEqual({ messages: 0, conversations: 0 });
    // The landlord keeps the fault report for the home, without her name.
    const staff = await signInStaff(api.app, 'gardien.lauriers@hmp.demo');
    const staffReport = await api.app.inject({ method: 'GET', url: `/api/v1/staff/reports/${report.id}`, headers: staff });
    expect(staffReport.statusCode).toBe(200);
    expect(staffReport.json()).toMatchObject({ tenant: null, place: { floor: 42, door: '4242' } });
    expect(staffReport.json().description).toBe('Fuite sous l’évier, appelez Mme […] ([…])');
    expect(await db.call.count({ where: { callerTenantId: null, calleeTenant: { reference: NEIGHBOUR } } })).toBe(1);
    // Her appointment's seat is free again.
    expect((await db.appointmentSlot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(bookedBefore - 1);
    // The flat is still there: the landlord can give it a new letter.
    expect(await db.home.count({ where: { id: homeId } })).toBe(1);
  });

  it('scrubs names whole-word, in any case, with or without accents', () => {
    const scrub = nameScrubber(['Zéphyrine', 'Quillebeuf']);
    expect(scrub('Mme ZEPHYRINE Quillebeuf-Martin, zéphyrine')).toBe('Mme […] […]-Martin, […]');
    expect(scrub('Zéphyrines et Quillebeufs')).toBe('Zéphyrines et Quillebeufs');
    expect(scrub(null)).toBeNull();
  });
});
