// Private conversations through the public API: who may open, read and write them, read state, close, block, pages.
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer } from '../../../test/support/journeys';

const SAME_BUILDING_TENANT = 'HMP-LAU-B-0102';
const THIRD_TENANT = 'HMP-LAU-B-0103';

describe('private conversations between neighbours', () => {
  let api: TestApi;
  let author: TokenResponse; // Les Lauriers, Bâtiment B: writes the posts
  let helper: TokenResponse; // same building: answers "I can help"
  let third: TokenResponse; // same building: sees the posts, never the conversation
  let elsewhere: TokenResponse; // Les Lauriers, Bâtiment A
  let savine: TokenResponse; // another district: does not see the posts
  const responses: string[] = [];

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1, feedForbiddenWords: ['crétin'] });
    [author, helper, third, elsewhere, savine] = await Promise.all([
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, SAME_BUILDING_TENANT),
      activateTv(api.app, THIRD_TENANT),
      activateTv(api.app, LAURIERS_A_TENANT),
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
  async function newPost(tokens: TokenResponse, title: string, audience = 'BUILDING', kind = 'HELP_REQUEST') {
    const response = await call(tokens, 'POST', '/api/v1/feed/posts', { kind, title, body: 'Qui peut m’aider ?', audience }, randomUUID());
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }
  const start = (tokens: TokenResponse, postId: string, message = 'Je peux vous aider !') =>
    call(tokens, 'POST', '/api/v1/conversations', { postId, intent: 'HELP', message });
  const unread = async (tokens: TokenResponse) => (await call(tokens, 'GET', '/api/v1/conversations/unread')).json();
  const send = (tokens: TokenResponse, id: string, body: string, key: string = randomUUID()) =>
    call(tokens, 'POST', `/api/v1/conversations/${id}/messages`, { body }, key);
  async function tenantId(reference: string) {
    return (await api.app.db.tenant.findUniqueOrThrow({ where: { reference } })).id;
  }

  it('opens one conversation per post and pair, from a post the responder sees, never on one’s own post', async () => {
    const postId = await newPost(author, 'Monter mes courses');
    const opened = await start(helper, postId);
    expect(opened.statusCode).toBe(201);
    const conversation = opened.json();
    expect(conversation).toMatchObject({
      intent: 'HELP',
      role: 'RESPONDER',
      post: { id: postId, title: 'Monter mes courses' },
      neighbour: { firstName: expect.any(String), building: 'Bâtiment B' },
      closed: false,
      canWrite: true,
      unread: 0,
      lastMessage: { body: 'Je peux vous aider !', mine: true },
    });
    expect(Object.keys(conversation.neighbour).sort()).toEqual(['building', 'firstName']);

    // Pressing "I can help" again (or the TV retrying) returns the same conversation and sends nothing more.
    const again = await start(helper, postId, 'Encore moi');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(conversation.id);
    const [a, b] = await Promise.all([start(third, postId), start(third, postId)]);
    expect(new Set([a.json().id, b.json().id]).size).toBe(1);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(await api.app.db.conversation.count({ where: { postId } })).toBe(2);

    expect((await start(author, postId)).json().code).toBe('own_post');
    // Bâtiment A does not see a building post, Savine sees nothing of Les Lauriers: for them the post does not exist.
    expect((await start(elsewhere, postId)).statusCode).toBe(404);
    expect((await start(savine, postId)).statusCode).toBe(404);
    expect((await start(helper, randomUUID())).statusCode).toBe(404);

    const mine = (await call(author, 'GET', '/api/v1/conversations/' + conversation.id)).json();
    expect(mine).toMatchObject({ role: 'AUTHOR', unread: 1, lastMessage: { body: 'Je peux vous aider !', mine: false } });
    expect(await unread(author)).toEqual({ messages: 2, conversations: 2 });
  });

  it('keeps a conversation between its two neighbours: a third tenant can neither read nor write it, by any route', async () => {
    const postId = await newPost(author, 'Prêter une perceuse', 'RESIDENCE', 'LEND_GIVE');
    const conversation = (
      await call(helper, 'POST', '/api/v1/conversations', { postId, intent: 'INTEREST', message: 'Ça m’intéresse' })
    ).json();
    const id = conversation.id as string;
    await send(author, id, 'Passez ce soir');
    for (const outsider of [third, elsewhere, savine]) {
      expect((await call(outsider, 'GET', `/api/v1/conversations/${id}`)).statusCode).toBe(404);
      expect((await call(outsider, 'GET', `/api/v1/conversations/${id}/messages`)).statusCode).toBe(404);
      expect((await send(outsider, id, 'Je m’invite')).statusCode).toBe(404);
      expect((await call(outsider, 'PUT', `/api/v1/conversations/${id}/read`)).statusCode).toBe(404);
      expect((await call(outsider, 'POST', `/api/v1/conversations/${id}/close`)).statusCode).toBe(404);
      expect((await call(outsider, 'POST', `/api/v1/conversations/${id}/block`)).statusCode).toBe(404);
      const list = (await call(outsider, 'GET', '/api/v1/conversations?limit=100')).json();
      expect(list.items.map((item: { id: string }) => item.id)).not.toContain(id);
    }
    const stored = await api.app.db.conversation.findUniqueOrThrow({ where: { id } });
    expect(stored.closedAt).toBeNull();
    expect(await api.app.db.conversationMessage.count({ where: { conversationId: id } })).toBe(2);
    // Events went to the two participants and nobody else.
    const events = await api.app.db.realtimeEvent.findMany({ where: { type: { startsWith: 'conversation.' } } });
    const audiences = new Set(
      events.filter((event) => (event.payload as { conversationId: string }).conversationId === id).map((e) => e.audienceId),
    );
    expect(audiences).toEqual(new Set([await tenantId(LAURIERS_B_TENANT), await tenantId(SAME_BUILDING_TENANT)]));
    expect(events.every((event) => event.audienceKind === 'TENANT')).toBe(true);
  });

  it('counts unread messages per side, and reading clears them for the reader only', async () => {
    const postId = await newPost(author, 'Garder mon chat');
    const id = (await start(helper, postId, 'Avec plaisir')).json().id as string;
    await call(author, 'PUT', `/api/v1/conversations/${id}/read`);
    const before = await unread(helper);
    await send(author, id, 'Merci !');
    await send(author, id, 'Samedi ?');
    const retry = randomUUID();
    expect((await send(author, id, 'Vers 10 h', retry)).statusCode).toBe(201);
    expect((await send(author, id, 'Vers 10 h', retry)).statusCode).toBe(200); // a retried send posts once
    expect(await unread(helper)).toEqual({ messages: before.messages + 3, conversations: before.conversations + 1 });
    const thread = (await call(helper, 'GET', `/api/v1/conversations/${id}`)).json();
    expect(thread.unread).toBe(3);

    const read = await call(helper, 'PUT', `/api/v1/conversations/${id}/read`);
    expect(read.json().unread).toBe(0);
    expect(await unread(helper)).toEqual(before);
    expect((await call(author, 'GET', `/api/v1/conversations/${id}`)).json().neighbourReadAt).not.toBeNull();
    const readEvents = await api.app.db.realtimeEvent.count({ where: { type: 'conversation.read' } });
    await call(helper, 'PUT', `/api/v1/conversations/${id}/read`); // nothing new: no event
    expect(await api.app.db.realtimeEvent.count({ where: { type: 'conversation.read' } })).toBe(readEvents);
    // Writing reads one's own side: the author has nothing unread here.
    expect((await call(author, 'GET', `/api/v1/conversations/${id}`)).json().unread).toBe(0);
  });

  it('pages messages newest first and conversations most recently active first, without repeats or gaps', async () => {
    const postId = await newPost(author, 'Cours d’informatique', 'RESIDENCE', 'SERVICE_EXCHANGE');
    const id = (await call(elsewhere, 'POST', '/api/v1/conversations', { postId, intent: 'INTEREST', message: 'Message 0' })).json().id;
    for (let i = 1; i < 23; i += 1) await send(i % 2 ? author : elsewhere, id, `Message ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await call(elsewhere, 'GET', `/api/v1/conversations/${id}/messages?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((message: { body: string }) => message.body));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `Message ${22 - i}`));

    // The conversation just written in comes first in both lists; the pages cover every conversation once.
    const listed: string[] = [];
    cursor = null;
    do {
      const page = (await call(author, 'GET', `/api/v1/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      listed.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(listed[0]).toBe(id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(await api.app.db.conversationParticipant.count({ where: { tenantId: await tenantId(LAURIERS_B_TENANT) } }));
    expect((await call(author, 'GET', '/api/v1/conversations?cursor=nope')).json().code).toBe('invalid_cursor');
  });

  it('closes for both sides: nobody writes after, and closing again changes nothing', async () => {
    const postId = await newPost(author, 'Réparer un vélo');
    const id = (await start(helper, postId)).json().id as string;
    const closed = await call(author, 'POST', `/api/v1/conversations/${id}/close`);
    expect(closed.json()).toMatchObject({ closed: true, closedByMe: true, canWrite: false });
    expect((await call(helper, 'GET', `/api/v1/conversations/${id}`)).json()).toMatchObject({
      closed: true,
      closedByMe: false,
      canWrite: false,
    });
    expect((await send(helper, id, 'Attendez')).json().code).toBe('conversation_closed');
    expect((await send(author, id, 'Finalement')).json().code).toBe('conversation_closed');
    const events = await api.app.db.realtimeEvent.count({ where: { type: 'conversation.closed' } });
    expect((await call(helper, 'POST', `/api/v1/conversations/${id}/close`)).json().closedByMe).toBe(false);
    expect(await api.app.db.realtimeEvent.count({ where: { type: 'conversation.closed' } })).toBe(events);
    // Opening it again returns the closed one: closing is not undone by pressing "I can help" twice.
    expect((await start(helper, postId)).json()).toMatchObject({ id, closed: true });
  });

  it('blocks: the blocked neighbour can neither write, open another conversation, nor call', async () => {
    const first = await newPost(author, 'Sortir le chien');
    const id = (await start(third, first)).json().id as string;
    await send(author, id, 'Bonjour');
    const blocked = await call(author, 'POST', `/api/v1/conversations/${id}/block`);
    expect(blocked.json()).toMatchObject({ closed: true, blockedByMe: true, canWrite: false });
    // The blocked side reads it as closed, never as "blocked".
    const theirs = (await call(third, 'GET', `/api/v1/conversations/${id}`)).json();
    expect(theirs).toMatchObject({ closed: true, blockedByMe: false, canWrite: false });
    expect((await send(third, id, 'Pourquoi ?')).statusCode).toBe(409);

    const second = await newPost(author, 'Arroser les plantes');
    expect((await start(third, second)).json().code).toBe('neighbour_unavailable');
    // Neither way: the author cannot open one on the blocked neighbour's post either.
    const theirPost = await newPost(third, 'Prêter une échelle', 'BUILDING', 'LEND_GIVE');
    expect((await start(author, theirPost)).json().code).toBe('neighbour_unavailable');
    // The same block holds for calls, even once the author accepts calls from the building.
    await call(author, 'PUT', '/api/v1/calls/settings', { callableBy: 'BUILDING' });
    const ring = await call(
      third,
      'POST',
      '/api/v1/calls',
      { to: { kind: 'NEIGHBOUR', tenantId: await tenantId(LAURIERS_B_TENANT) } },
      randomUUID(),
    );
    expect(ring.json().code).toBe('callee_unavailable');
    // …and is listed (and can be lifted) with the calls' blocks.
    const blocks = (await call(author, 'GET', '/api/v1/calls/blocks')).json();
    expect(blocks.items.map((item: { tenantId: string }) => item.tenantId)).toContain(await tenantId(THIRD_TENANT));
  });

  it('refuses forbidden words and shows neighbours by first name and building only', async () => {
    const postId = await newPost(author, 'Changer une ampoule', 'RESIDENCE');
    const id = (await start(elsewhere, postId, 'Je viens')).json().id as string;
    const refused = await send(elsewhere, id, 'Espèce de Crétin');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('forbidden_word');
    const tenants = await api.app.db.tenant.findMany({
      where: { reference: { in: [LAURIERS_B_TENANT, SAME_BUILDING_TENANT, THIRD_TENANT, LAURIERS_A_TENANT] } },
      select: { lastName: true, reference: true, home: { select: { door: true } } },
    });
    for (const tenant of tenants) {
      for (const body of responses) {
        expect(body).not.toContain(tenant.lastName);
        expect(body).not.toContain(tenant.reference);
      }
    }
  });
});
