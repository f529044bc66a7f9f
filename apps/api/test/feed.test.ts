// The neighbours' feed through the public API: who sees what, keyset pages, idempotency, event seats, forbidden words.
import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer } from '../../../test/support/journeys';
import { activationCodeDigest } from '../src/modules/accounts/secrets';
import { demoActivationCode } from '../../../prisma/demo-letters';
import { feedPageSql } from '../src/modules/feed/service';

const OTHER_RESIDENCE_TENANT = 'HMP-FEED-X-0001'; // a residence of its own in Les Lauriers' district, made below
const SAME_BUILDING_TENANT = 'HMP-LAU-B-0102';

describe('neighbours’ feed', () => {
  let api: TestApi;
  let lauriersB: TokenResponse; // Les Lauriers, Bâtiment B
  let lauriersB2: TokenResponse; // same building
  let lauriersA: TokenResponse; // same residence, Bâtiment A
  let district: TokenResponse; // same district, another residence
  let savine: TokenResponse; // another district
  const responses: string[] = []; // every body the API sent, searched for surnames at the end

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1, feedForbiddenWords: ['crétin', 'vente de drogue'] });
    const db = api.app.db;
    const lauriers = await db.residence.findFirstOrThrow({ where: { name: 'Les Lauriers' } });
    const residence = await db.residence.create({
      data: { landlordId: lauriers.landlordId, districtId: lauriers.districtId, name: 'Le Mistral', address: '1 rue du Mistral' },
    });
    const building = await db.building.create({ data: { residenceId: residence.id, name: 'Mistral 1', address: residence.address } });
    const home = await db.home.create({ data: { buildingId: building.id, floor: 0, door: '001' } });
    await db.tenant.create({
      data: {
        homeId: home.id,
        reference: OTHER_RESIDENCE_TENANT,
        firstName: 'Yasmine',
        lastName: 'Zerhouni',
        activationCodeHash: activationCodeDigest(OTHER_RESIDENCE_TENANT, demoActivationCode(OTHER_RESIDENCE_TENANT)),
      },
    });
    [lauriersB, lauriersB2, lauriersA, district, savine] = await Promise.all([
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, SAME_BUILDING_TENANT),
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, OTHER_RESIDENCE_TENANT),
      activateTv(api.app, SAVINE_TENANT),
    ]);
  });
  afterAll(async () => api?.close());

  async function call(tokens: TokenResponse, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, key?: string) {
    const response = await api.app.inject({
      method,
      url,
      headers: { ...bearer(tokens), ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
    responses.push(response.body);
    return response;
  }
  const post = (tokens: TokenResponse, body: object, key: string = randomUUID()) => call(tokens, 'POST', '/api/v1/feed/posts', body, key);
  const help = (title: string, audience?: string) => ({
    kind: 'HELP_REQUEST',
    title,
    body: 'Qui peut m’aider ?',
    ...(audience ? { audience } : {}),
  });
  async function feedIds(tokens: TokenResponse, query = ''): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(tokens, 'GET', `/api/v1/feed?limit=50${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      ids.push(...response.json().items.map((item: { id: string }) => item.id));
      cursor = response.json().nextCursor;
    } while (cursor);
    return ids;
  }

  it('shows a post to its audience only, by every route', async () => {
    const building = (await post(lauriersB, help('Porter un meuble', 'BUILDING'))).json();
    const residence = (await post(lauriersB, help('Arroser mes plantes'))).json();
    const districtPost = (await post(lauriersB, help('Covoiturage au marché', 'DISTRICT'))).json();
    expect(residence.audience).toBe('RESIDENCE');
    const seen = {
      lauriersB2: ['building', 'residence', 'district'],
      lauriersA: ['residence', 'district'],
      district: ['district'],
      savine: [] as string[],
    };
    const ids = { building: building.id, residence: residence.id, district: districtPost.id } as Record<string, string>;
    const who = { lauriersB2, lauriersA, district, savine };
    for (const [name, tokens] of Object.entries(who)) {
      const feed = await feedIds(tokens);
      for (const [audience, id] of Object.entries(ids)) {
        const visible = seen[name as keyof typeof seen].includes(audience);
        expect({ name, audience, inFeed: feed.includes(id) }).toEqual({ name, audience, inFeed: visible });
        const detail = await call(tokens, 'GET', `/api/v1/feed/posts/${id}`);
        expect({ name, audience, status: detail.statusCode }).toEqual({ name, audience, status: visible ? 200 : 404 });
        const replies = await call(tokens, 'GET', `/api/v1/feed/posts/${id}/replies`);
        expect(replies.statusCode).toBe(visible ? 200 : 404);
        const reply = await call(tokens, 'POST', `/api/v1/feed/posts/${id}/replies`, { body: 'Je peux aider' });
        expect(reply.statusCode).toBe(visible ? 201 : 404);
        const signup = await call(tokens, 'PUT', `/api/v1/feed/posts/${id}/signup`);
        expect(signup.statusCode).toBe(visible ? 409 : 404); // visible, but not an event
        const removal = await call(tokens, 'DELETE', `/api/v1/feed/posts/${id}`);
        expect(removal.statusCode).toBe(visible ? 403 : 404);
      }
    }
    // Events went to the post's place, and replies to its author too.
    const events = await api.app.db.realtimeEvent.findMany({ where: { type: { startsWith: 'feed.' } } });
    const place = await api.app.db.post.findUniqueOrThrow({ where: { id: building.id } });
    expect(
      events.some(
        (event) => event.type === 'feed.post_created' && event.audienceKind === 'BUILDING' && event.audienceId === place.audienceId,
      ),
    ).toBe(true);
    expect(
      events.some((event) => event.type === 'feed.reply_created' && event.audienceKind === 'TENANT' && event.audienceId === place.authorId),
    ).toBe(true);
  });

  it('pages newest first without repeats or gaps while neighbours keep posting, and filters by kind', async () => {
    const before = new Set(await feedIds(lauriersA));
    const created: string[] = [];
    for (let i = 0; i < 25; i += 1)
      created.push((await post(lauriersB, { ...help(`Demande ${i}`), kind: i % 5 === 0 ? 'LOST_FOUND' : 'HELP_OFFER' })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    do {
      const response = await call(lauriersA, 'GET', `/api/v1/feed?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      const page = response.json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      const times = page.items.map((item: { createdAt: string }) => item.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      cursor = page.nextCursor;
      // A neighbour posts between two pages: it lands above the pages already read, never inside them.
      if (added < 3) {
        await post(lauriersA, help(`Pendant la lecture ${added}`));
        added += 1;
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 25)).toEqual([...created].reverse());
    expect(new Set(seen)).toEqual(new Set([...created, ...before]));
    const lost = await feedIds(lauriersA, '&kind=LOST_FOUND');
    expect(lost).toEqual(created.filter((_, i) => i % 5 === 0).reverse());
    expect((await call(lauriersA, 'GET', '/api/v1/feed?cursor=not-a-cursor')).json().code).toBe('invalid_cursor');
  });

  it('reads a page with bounded index scans, not the whole table', async () => {
    const place = await api.app.db.tenant.findFirstOrThrow({
      where: { reference: LAURIERS_A_TENANT },
      select: {
        id: true,
        homeId: true,
        home: {
          select: {
            buildingId: true,
            building: {
              select: { residenceId: true, residence: { select: { districtId: true, district: { select: { cityId: true } } } } },
            },
          },
        },
      },
    });
    const tenantPlace = {
      tenantId: place.id,
      homeId: place.homeId,
      buildingId: place.home.buildingId,
      residenceId: place.home.building.residenceId,
      districtId: place.home.building.residence.districtId,
      cityId: place.home.building.residence.district.cityId,
    };
    const sql = feedPageSql(tenantPlace, 20, undefined, { at: new Date(), id: randomUUID() });
    const plan = await api.app.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off'); // a tiny test table would otherwise be read whole
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${sql}`);
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    // Three index scans in key order, each stopped by its LIMIT, merged without sorting anything.
    expect(text).toMatch(/^Limit/);
    expect(text).toContain('Merge Append');
    expect(text.match(/Index Only Scan using "Post_audienceId_createdAt_id_idx"/g)).toHaveLength(3);
    expect(text).not.toMatch(/->\s+Sort|Seq Scan|Bitmap/);
    const byKind = feedPageSql(tenantPlace, 20, 'EVENT', null);
    const kindPlan = await api.app.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${byKind}`);
    });
    const kindText = kindPlan.map((row) => row['QUERY PLAN']).join('\n');
    expect(kindText.match(/Index Only Scan using "Post_audienceId_kind_createdAt_id_idx"/g)).toHaveLength(3);
    expect(kindText).not.toMatch(/->\s+Sort|Seq Scan|Bitmap/);
  });

  it('creates one post for concurrent retries with the same Idempotency-Key, and one reply likewise', async () => {
    const key = randomUUID();
    const tries = await Promise.all(Array.from({ length: 8 }, () => post(lauriersB2, help('Prêt d’une perceuse'), key)));
    const ids = new Set(tries.map((response) => response.json().id));
    expect(ids.size).toBe(1);
    expect(tries.filter((response) => response.statusCode === 201)).toHaveLength(1);
    const [postId] = [...ids];
    expect(await api.app.db.post.count({ where: { id: postId } })).toBe(1);
    const replyKey = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(lauriersA, 'POST', `/api/v1/feed/posts/${postId}/replies`, { body: 'Je vous la prête' }, replyKey),
      ),
    );
    expect(new Set(replies.map((response) => response.json().id)).size).toBe(1);
    expect((await call(lauriersA, 'GET', `/api/v1/feed/posts/${postId}`)).json().replyCount).toBe(1);
  });

  it('never overbooks an event under concurrent sign-ups, and gives seats back', async () => {
    const event = (
      await post(lauriersB, {
        kind: 'EVENT',
        title: 'Fête des voisins',
        body: 'Dans la cour, chacun apporte un plat',
        event: { startsAt: new Date(Date.now() + 86_400_000).toISOString(), place: 'Cour du bâtiment B', capacity: 3 },
      })
    ).json();
    expect(event.event).toMatchObject({ capacity: 3, taken: 0, signedUp: false });
    const neighbours = [lauriersB, lauriersB2, lauriersA];
    const extra = await Promise.all(
      ['HMP-LAU-A-0101', 'HMP-LAU-A-0102', 'HMP-LAU-B-0103', 'HMP-LAU-B-0104', 'HMP-LAU-A-0104'].map((ref) => activateTv(api.app, ref)),
    );
    const everyone = [...neighbours, ...extra];
    // Each neighbour taps twice, all at once.
    const attempts = await Promise.all(
      [...everyone, ...everyone].map((tokens) => call(tokens, 'PUT', `/api/v1/feed/posts/${event.id}/signup`)),
    );
    const statuses = attempts.map((response) => response.statusCode);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const row = await api.app.db.post.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.eventTaken).toBe(3);
    expect(await api.app.db.eventSignup.count({ where: { postId: event.id } })).toBe(3);
    const full = attempts.find((response) => response.statusCode === 409)!;
    expect(full.json().code).toBe('event_full');
    const holder = everyone.find((_, i) => attempts[i]!.statusCode === 200 || attempts[i + everyone.length]!.statusCode === 200)!;
    const given = await call(holder, 'DELETE', `/api/v1/feed/posts/${event.id}/signup`);
    expect(given.json()).toMatchObject({ signedUp: false, taken: 2, capacity: 3 });
    expect((await call(holder, 'DELETE', `/api/v1/feed/posts/${event.id}/signup`)).json().taken).toBe(2);
    expect((await call(holder, 'PUT', `/api/v1/feed/posts/${event.id}/signup`)).json()).toMatchObject({ signedUp: true, taken: 3 });
  });

  it('refuses forbidden words in posts and replies with a clear problem, whatever the case and accents', async () => {
    const refused = await post(lauriersA, { ...help('Mon voisin'), body: 'Quel CRETIN ce voisin' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'forbidden_word', errors: [{ field: 'body.body' }] });
    expect(refused.json().title).toMatch(/mot interdit/);
    const english = await api.app.inject({
      method: 'POST',
      url: '/api/v1/feed/posts',
      headers: { ...bearer(lauriersA), 'accept-language': 'en' },
      payload: { ...help('Vente de   drogue ici') },
    });
    expect(english.json()).toMatchObject({ code: 'forbidden_word', errors: [{ field: 'body.title' }] });
    expect(english.json().title).toMatch(/forbidden/);
    // A word that merely contains it is fine.
    const fine = await post(lauriersA, { ...help('Crétinerie'), body: 'Un jeu de mots' });
    expect(fine.statusCode).toBe(201);
    const reply = await call(lauriersB, 'POST', `/api/v1/feed/posts/${fine.json().id}/replies`, { body: 'crétin !' });
    expect(reply.json().code).toBe('forbidden_word');
  });

  it('rejects malformed posts naming the field', async () => {
    const bad = await post(lauriersA, { kind: 'GOSSIP', title: 'x', body: '' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.kind', 'body.title', 'body.body']));
    const eventless = await post(lauriersA, { kind: 'EVENT', title: 'Loto', body: 'Samedi' });
    expect(eventless.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.event' }] });
    const past = await post(lauriersA, {
      kind: 'EVENT',
      title: 'Loto',
      body: 'Samedi',
      event: { startsAt: '2020-01-01T18:00:00Z', place: 'Salle' },
    });
    expect(past.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.event.startsAt' }] });
    const cursor = await call(lauriersA, 'GET', '/api/v1/feed?kind=GOSSIP&limit=500');
    expect(cursor.json().errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['querystring.kind', 'querystring.limit']),
    );
  });

  it('keeps a draft on the server, clears it when posted, and lets the author delete their post', async () => {
    expect((await call(savine, 'GET', '/api/v1/feed/draft')).json()).toEqual({ id: null, content: null, updatedAt: null, photos: [] });
    const saved = await call(savine, 'PUT', '/api/v1/feed/draft', { kind: 'LEND_GIVE', title: 'Donne un vélo' });
    expect(saved.json().content).toEqual({ kind: 'LEND_GIVE', title: 'Donne un vélo' });
    // Saving again keeps the draft's id: a phone hand-off for its photos still names it.
    const resaved = await call(savine, 'PUT', '/api/v1/feed/draft', { kind: 'LEND_GIVE', title: 'Donne un vélo' });
    expect(resaved.json().id).toBe(saved.json().id);
    // Power cut: another TV session of the same tenant reads it back.
    const again = await activateTv(api.app, SAVINE_TENANT);
    expect((await call(again, 'GET', '/api/v1/feed/draft')).json().content.title).toBe('Donne un vélo');
    const created = await post(again, { kind: 'LEND_GIVE', title: 'Donne un vélo', body: 'Vélo enfant, 16 pouces' });
    expect((await call(savine, 'GET', '/api/v1/feed/draft')).json().content).toBeNull();
    await call(savine, 'PUT', '/api/v1/feed/draft', { body: 'x' });
    expect((await call(savine, 'DELETE', '/api/v1/feed/draft')).statusCode).toBe(204);
    expect((await call(savine, 'GET', '/api/v1/feed/draft')).json().content).toBeNull();
    expect((await call(savine, 'DELETE', `/api/v1/feed/posts/${created.json().id}`)).statusCode).toBe(204);
    expect((await call(savine, 'GET', `/api/v1/feed/posts/${created.json().id}`)).statusCode).toBe(404);
  });

  it('names authors by first name and building only: no surname, flat or reference in any response', async () => {
    const detail = (await post(lauriersB, help('Qui a vu mon chat ?'))).json();
    expect(Object.keys(detail.author).sort()).toEqual(['building', 'firstName']);
    const tenants = await api.app.db.tenant.findMany({ select: { lastName: true, reference: true } });
    const everything = responses.join('\n');
    for (const tenant of tenants) {
      expect(everything).not.toContain(tenant.lastName);
      expect(everything).not.toContain(tenant.reference);
    }
    expect(everything).not.toMatch(/"(lastName|door|floor|phone|homeId|tenantId|authorId)"/);
  });
});
