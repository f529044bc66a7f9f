// Moderation through the public API: the report threshold, moderators' scope, each decision and its log, suspension,
// forbidden words per landlord, and the author told on their TV.
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { hashPassword } from '../src/modules/accounts/secrets';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../../prisma/demo-residence';
import { forbiddenWordMatcher } from '../src/modules/moderation/forbidden-words';

const LAURIERS = {
  author: LAURIERS_B_TENANT, // HMP-LAU-B-0101
  reporter1: 'HMP-LAU-B-0102',
  reporter2: LAURIERS_A_TENANT, // HMP-LAU-A-0203
  reporter3: 'HMP-LAU-A-0101',
  bystander: 'HMP-LAU-A-0102',
};

describe('moderation', () => {
  let api: TestApi;
  const tv: Record<string, TokenResponse> = {};
  let savine: TokenResponse;
  let savineNeighbour: TokenResponse;
  let lauriersModerator: { cookie: string }; // scoped to Les Lauriers only
  let savineModerator: { cookie: string }; // scoped to La Savine only
  let caretaker: { cookie: string };

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    const db = api.app.db;
    const [lauriers, savineResidence] = await Promise.all([
      db.residence.findFirstOrThrow({ where: { name: 'Les Lauriers' } }),
      db.residence.findFirstOrThrow({ where: { name: 'La Savine' } }),
    ]);
    const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
    for (const [email, residenceId, fullName] of [
      ['moderation.lauriers@hmp.test', lauriers.id, 'Inès Moulin'],
      ['moderation.savine@hmp.test', savineResidence.id, 'Karim Saïdi'],
    ] as const) {
      await db.staffMember.create({
        data: {
          organisationId: lauriers.landlordId,
          email,
          fullName,
          passwordHash,
          roles: ['MODERATOR'],
          scopes: { create: [{ residenceId }] },
        },
      });
    }
    for (const [name, reference] of Object.entries(LAURIERS)) tv[name] = await activateTv(api.app, reference);
    savine = await activateTv(api.app, SAVINE_TENANT);
    savineNeighbour = await activateTv(api.app, 'HMP-SAV-2-0304');
    lauriersModerator = await signInStaff(api.app, 'moderation.lauriers@hmp.test');
    savineModerator = await signInStaff(api.app, 'moderation.savine@hmp.test');
    caretaker = await signInStaff(api.app, DEMO_STAFF.caretakerLauriers);
  });
  afterAll(async () => api?.close());

  async function asTenant(tokens: TokenResponse, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
    return api.app.inject({
      method,
      url,
      headers: { ...bearer(tokens), 'idempotency-key': randomUUID() },
      ...(payload ? { payload } : {}),
    });
  }
  async function asStaff(staff: { cookie: string }, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
    return api.app.inject({ method, url, headers: { cookie: staff.cookie }, ...(payload ? { payload } : {}) });
  }
  async function publish(tokens: TokenResponse, title: string, body = 'Rien de grave, juste un message.') {
    const response = await asTenant(tokens, 'POST', '/api/v1/feed/posts', { kind: 'DISCUSSION', title, body });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }
  function report(tokens: TokenResponse, kind: string, id: string, reason = 'ABUSE', comment?: string) {
    return asTenant(tokens, 'POST', '/api/v1/moderation/reports', { target: { kind, id }, reason, ...(comment ? { comment } : {}) });
  }
  async function feedIds(tokens: TokenResponse): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await asTenant(tokens, 'GET', `/api/v1/feed?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...response.json().items.map((item: { id: string }) => item.id));
      cursor = response.json().nextCursor;
    } while (cursor);
    return ids;
  }
  /** What a neighbour can reach of a post by each route: the feed, the detail, its replies. */
  async function reach(tokens: TokenResponse, postId: string) {
    return {
      inFeed: (await feedIds(tokens)).includes(postId),
      detail: (await asTenant(tokens, 'GET', `/api/v1/feed/posts/${postId}`)).statusCode,
      replies: (await asTenant(tokens, 'GET', `/api/v1/feed/posts/${postId}/replies`)).statusCode,
    };
  }
  const visible = { inFeed: true, detail: 200, replies: 200 };
  const gone = { inFeed: false, detail: 404, replies: 404 };
  async function openCase(staff: { cookie: string }, targetId: string, status = 'OPEN') {
    const queue = await asStaff(staff, 'GET', `/api/v1/moderation/cases?status=${status}&limit=100`);
    expect(queue.statusCode).toBe(200);
    return queue.json().items.find((item: { target: { id: string } }) => item.target.id === targetId) as
      { id: string; reporterCount: number; hidden: boolean; reasons: string[] } | undefined;
  }

  it('keeps a post visible with N-1 distinct reporters, counts a repeated report once, and hides it for everyone at N', async () => {
    const postId = await publish(tv.author!, 'Les poubelles du hall');
    const first = await report(tv.reporter1!, 'POST', postId, 'ABUSE', 'Il insulte le gardien');
    expect(first.statusCode).toBe(201);
    const again = await report(tv.reporter1!, 'POST', postId, 'SPAM');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id); // idempotent: the first report stands
    expect((await report(tv.reporter2!, 'POST', postId, 'DISCRIMINATION')).statusCode).toBe(201);
    // Two distinct neighbours (three reports): still visible to everyone, the author included.
    for (const who of [tv.bystander!, tv.reporter1!, tv.author!]) expect(await reach(who, postId)).toEqual(visible);
    expect((await openCase(lauriersModerator, postId))!.reporterCount).toBe(2);

    expect((await report(tv.reporter3!, 'POST', postId, 'ABUSE')).statusCode).toBe(201);
    for (const who of [tv.bystander!, tv.reporter1!, tv.reporter3!, tv.author!]) expect(await reach(who, postId)).toEqual(gone);
    // Replying or reporting again cannot reach it either; the reporter's own retry still answers with their report.
    expect((await asTenant(tv.bystander!, 'POST', `/api/v1/feed/posts/${postId}/replies`, { body: 'Ah bon ?' })).statusCode).toBe(404);
    expect((await report(tv.bystander!, 'POST', postId)).statusCode).toBe(404);
    expect((await report(tv.reporter3!, 'POST', postId)).statusCode).toBe(200);
    const queued = (await openCase(lauriersModerator, postId))!;
    expect(queued).toMatchObject({ reporterCount: 3, hidden: true });
    expect(queued.reasons.sort()).toEqual(['ABUSE', 'DISCRIMINATION']);
    // The automatic hiding is in the log, without a staff name.
    const detail = (await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/cases/${queued.id}`)).json();
    expect(detail.actions).toEqual([expect.objectContaining({ kind: 'AUTO_HIDE', staffName: null })]);
    expect(detail.content).toMatchObject({ title: 'Les poubelles du hall' });
    expect(detail.reports.map((r: { comment: string | null }) => r.comment)).toContain('Il insulte le gardien');
  });

  it('hides a reported reply at the threshold, leaving its post and the reply count honest', async () => {
    const postId = await publish(tv.bystander!, 'Qui a une perceuse ?');
    const replies = [];
    for (const body of ['Moi, au 3e', 'Tu n’as qu’à en acheter une, idiot']) {
      replies.push((await asTenant(tv.author!, 'POST', `/api/v1/feed/posts/${postId}/replies`, { body })).json().id as string);
    }
    for (const who of [tv.reporter1!, tv.reporter2!, tv.reporter3!]) expect((await report(who, 'REPLY', replies[1]!)).statusCode).toBe(201);
    const read = (await asTenant(tv.reporter1!, 'GET', `/api/v1/feed/posts/${postId}/replies`)).json();
    expect(read.items.map((item: { id: string }) => item.id)).toEqual([replies[0]]);
    expect((await asTenant(tv.reporter1!, 'GET', `/api/v1/feed/posts/${postId}`)).json().replyCount).toBe(1);
    // The moderator sees the reply with the post it answers.
    const queued = (await openCase(lauriersModerator, replies[1]!))!;
    const detail = (await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/cases/${queued.id}`)).json();
    expect(detail).toMatchObject({
      target: { kind: 'REPLY' },
      content: { body: 'Tu n’as qu’à en acheter une, idiot' },
      inReplyTo: { id: postId, title: 'Qui a une perceuse ?' },
      author: { firstName: expect.any(String), building: 'Bâtiment B' },
    });
    expect(JSON.stringify(detail)).not.toMatch(/lastName|reference/);
  });

  it('tells the author in their language when the threshold hides their content, once per hiding', async () => {
    await api.app.db.tenant.update({ where: { reference: LAURIERS.author }, data: { language: 'ar' } });
    try {
      await toldOnEachHiding();
    } finally {
      await api.app.db.tenant.update({ where: { reference: LAURIERS.author }, data: { language: 'fr' } });
    }
  });
  async function toldOnEachHiding() {
    const title = 'إحدى رسائلك مخفية بانتظار المراجعة';
    const toldAuthor = async () =>
      (await asTenant(tv.author!, 'GET', '/api/v1/notices?limit=50'))
        .json()
        .items.filter((notice: { title: string }) => notice.title === title) as { title: string; body: string }[];
    const postId = await publish(tv.bystander!, 'Qui garde des plantes cet été ?');
    const replyId = (
      await asTenant(tv.author!, 'POST', `/api/v1/feed/posts/${postId}/replies`, { body: 'Occupe-toi de tes affaires' })
    ).json().id as string;
    for (const who of [tv.reporter1!, tv.reporter2!]) expect((await report(who, 'REPLY', replyId)).statusCode).toBe(201);
    expect(await toldAuthor()).toHaveLength(0); // below the threshold: still visible, nothing to tell
    expect((await report(tv.reporter3!, 'REPLY', replyId)).statusCode).toBe(201);
    const told = await toldAuthor();
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('« Occupe-toi de tes affaires »');
    expect(told[0]!.body).toContain('السبب: أبلغ عنه 3 جيران مختلفين.');
    // A repeated report changes nothing: it was hidden once (and nobody else can reach it to report it).
    expect((await report(tv.reporter3!, 'REPLY', replyId)).statusCode).toBe(200);
    expect((await report(tv.bystander!, 'REPLY', replyId)).statusCode).toBe(404);
    expect(await toldAuthor()).toHaveLength(1);
    // Kept by a moderator, then reported past the threshold by others: hidden again, told again.
    const { id: caseId } = (await openCase(lauriersModerator, replyId))!;
    const kept = await asStaff(lauriersModerator, 'POST', `/api/v1/moderation/cases/${caseId}/actions`, {
      decision: 'KEEP',
      reason: 'Sec, pas injurieux',
    });
    expect(kept.json()).toMatchObject({ status: 'KEPT', hidden: false });
    for (const reference of ['HMP-LAU-C-0101', 'HMP-LAU-C-0103', 'HMP-LAU-C-0104']) {
      expect((await report(await activateTv(api.app, reference), 'REPLY', replyId)).statusCode).toBe(201);
    }
    expect(await toldAuthor()).toHaveLength(2);
    // The notice is the author's alone, and the log keeps both automatic hidings.
    const others = (await asTenant(tv.reporter1!, 'GET', '/api/v1/notices?limit=50')).json();
    expect(others.items.some((notice: { title: string }) => notice.title.startsWith('Un de vos messages est masqué'))).toBe(false);
    const detail = (await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/cases/${caseId}`)).json();
    expect(detail.actions.map((a: { kind: string }) => a.kind)).toEqual(['AUTO_HIDE', 'KEEP', 'AUTO_HIDE']);
  }

  it('refuses reports of oneself, of what one cannot see, and with an unknown reason', async () => {
    const postId = await publish(tv.author!, 'Vide-grenier dimanche');
    expect((await report(tv.author!, 'POST', postId)).json().code).toBe('cannot_report_oneself');
    expect((await report(savine, 'POST', postId)).statusCode).toBe(404); // another district: it does not exist for them
    expect((await report(tv.reporter1!, 'POST', randomUUID())).statusCode).toBe(404);
    const bad = await report(tv.reporter1!, 'POST', postId, 'GOSSIP');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.reason');
  });

  it('scopes moderators to their residences: another residence’s cases cannot be listed, read or acted on', async () => {
    const postId = await publish(savine, 'Soirée jeux à la Savine');
    expect((await report(savineNeighbour, 'POST', postId, 'SPAM')).statusCode).toBe(201);
    const savineCase = (await openCase(savineModerator, postId))!;
    expect(savineCase).toBeDefined();
    expect(await openCase(lauriersModerator, postId)).toBeUndefined();
    expect((await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/cases/${savineCase.id}`)).statusCode).toBe(404);
    const refused = await asStaff(lauriersModerator, 'POST', `/api/v1/moderation/cases/${savineCase.id}/actions`, {
      decision: 'DELETE',
      reason: 'Hors de mon périmètre',
    });
    expect(refused.statusCode).toBe(404);
    expect((await asTenant(savineNeighbour, 'GET', `/api/v1/feed/posts/${postId}`)).statusCode).toBe(200);
    const log = (await asStaff(lauriersModerator, 'GET', '/api/v1/moderation/log?limit=100')).json();
    expect(log.items.some((entry: { caseId: string }) => entry.caseId === savineCase.id)).toBe(false);
    // A caretaker is not a moderator.
    expect((await asStaff(caretaker, 'GET', '/api/v1/moderation/cases')).statusCode).toBe(403);
    // The landlord's moderator for both residences sees it.
    const both = await signInStaff(api.app, DEMO_STAFF.moderator);
    expect(await openCase(both, postId)).toBeDefined();
  });

  it('keeps, hides and deletes, logging who and why; keep restores the post and dismisses its reports', async () => {
    const postId = await publish(tv.author!, 'Bruit le soir');
    for (const who of [tv.reporter1!, tv.reporter2!, tv.reporter3!]) await report(who, 'POST', postId, 'ABUSE');
    const { id: caseId } = (await openCase(lauriersModerator, postId))!;
    const act = (decision: string, reason: string, extra: object = {}) =>
      asStaff(lauriersModerator, 'POST', `/api/v1/moderation/cases/${caseId}/actions`, { decision, reason, ...extra });

    expect((await act('KEEP', '')).statusCode).toBe(400); // a reason is required
    const kept = await act('KEEP', 'Un désaccord de voisinage, pas une insulte');
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'KEPT', hidden: false, reporterCount: 0 });
    expect(kept.json().reports.every((r: { dismissed: boolean }) => r.dismissed)).toBe(true);
    expect(await reach(tv.bystander!, postId)).toEqual(visible);
    expect(await openCase(lauriersModerator, postId)).toBeUndefined(); // out of the queue

    const hidden = await act('HIDE', 'Ton agressif envers un voisin nommé');
    expect(hidden.json()).toMatchObject({ status: 'HIDDEN', hidden: true });
    expect(await reach(tv.bystander!, postId)).toEqual(gone);
    expect((await act('HIDE', 'Encore')).json().code).toBe('moderation_action_refused');

    const deleted = await act('DELETE', 'Propos injurieux confirmés');
    expect(deleted.json()).toMatchObject({ status: 'DELETED' });
    expect(await api.app.db.post.findUnique({ where: { id: postId } })).toBeNull();
    expect(deleted.json().content.title).toBe('Bruit le soir'); // the case keeps what was said
    expect((await act('KEEP', 'Revenir en arrière')).json().code).toBe('moderation_action_refused');

    // The log: who, when, why, in order, and the console's log page shows it newest first.
    expect(
      deleted.json().actions.map((a: { kind: string; staffName: string | null; reason: string }) => [a.kind, a.staffName, a.reason]),
    ).toEqual([
      ['AUTO_HIDE', null, 'Signalé par 3 voisins différents'],
      ['KEEP', 'Inès Moulin', 'Un désaccord de voisinage, pas une insulte'],
      ['HIDE', 'Inès Moulin', 'Ton agressif envers un voisin nommé'],
      ['DELETE', 'Inès Moulin', 'Propos injurieux confirmés'],
    ]);
    const log = (await asStaff(lauriersModerator, 'GET', '/api/v1/moderation/log?limit=3')).json();
    expect(log.items.map((entry: { kind: string }) => entry.kind)).toEqual(['DELETE', 'HIDE', 'KEEP']);
    const next = (await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/log?limit=3&cursor=${log.nextCursor}`)).json();
    expect(next.items[0].kind).toBe('AUTO_HIDE');
    // Realtime: the post's audience was told to re-read.
    const events = await api.app.db.realtimeEvent.findMany({ where: { type: 'feed.content_moderated' } });
    expect(events.some((event) => (event.payload as { postId: string }).postId === postId)).toBe(true);
  });

  it('warns the author and tells them, in their language, what happened and why', async () => {
    await api.app.db.tenant.update({ where: { reference: LAURIERS.author }, data: { language: 'en' } });
    const postId = await publish(tv.author!, 'Parking');
    await report(tv.reporter1!, 'POST', postId, 'PERSONAL_INFORMATION', 'Il donne la plaque d’un voisin');
    const { id: caseId } = (await openCase(lauriersModerator, postId))!;
    const warned = await asStaff(lauriersModerator, 'POST', `/api/v1/moderation/cases/${caseId}/actions`, {
      decision: 'WARN',
      reason: 'Ne publiez pas la plaque d’immatriculation d’un voisin',
    });
    expect(warned.statusCode).toBe(200);
    expect(warned.json().authorHistory[0]).toMatchObject({ kind: 'WARN', staffName: 'Inès Moulin' });
    const notices = (await asTenant(tv.author!, 'GET', '/api/v1/notices?limit=50')).json();
    const told = notices.items.find((notice: { title: string }) => notice.title === 'A warning from the moderators');
    expect(told).toBeDefined();
    expect(told.body).toContain('“Parking — Rien de grave, juste un message.”');
    expect(told.body).toContain('Reason: Ne publiez pas la plaque d’immatriculation d’un voisin');
    // Nobody else gets it.
    const others = (await asTenant(tv.bystander!, 'GET', '/api/v1/notices?limit=50')).json();
    expect(others.items.some((notice: { title: string }) => notice.title === told.title)).toBe(false);
    await api.app.db.tenant.update({ where: { reference: LAURIERS.author }, data: { language: 'fr' } });
  });

  it('suspends the author: posts, replies refused with posting_suspended until the date, then allowed again', async () => {
    const postId = await publish(tv.author!, 'Encore moi');
    const helpPost = await publish(tv.bystander!, 'Besoin d’aide pour un carton');
    await report(tv.reporter2!, 'POST', postId, 'SPAM');
    const { id: caseId } = (await openCase(lauriersModerator, postId))!;
    const until = new Date(Date.now() + 2_500);
    const suspended = await asStaff(lauriersModerator, 'POST', `/api/v1/moderation/cases/${caseId}/actions`, {
      decision: 'SUSPEND',
      reason: 'Publicités répétées',
      suspendedUntil: until.toISOString(),
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().authorSuspendedUntil).toBe(until.toISOString());
    const refused = await asTenant(tv.author!, 'POST', '/api/v1/feed/posts', { kind: 'DISCUSSION', title: 'Promo', body: 'Achetez' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'posting_suspended', until: until.toISOString() });
    expect(refused.json().detail).toMatch(/Vous pourrez de nouveau publier à partir du/);
    const reply = await asTenant(tv.author!, 'POST', `/api/v1/feed/posts/${postId}/replies`, { body: 'Et alors ?' });
    expect(reply.json().code).toBe('posting_suspended');
    const conversation = await asTenant(tv.author!, 'POST', '/api/v1/conversations', {
      postId: helpPost,
      intent: 'HELP',
      message: 'Je peux aider',
    });
    expect(conversation.json().code).toBe('posting_suspended');
    // Others are not affected; a suspension in the past is refused.
    expect((await asTenant(tv.bystander!, 'POST', `/api/v1/feed/posts/${postId}/replies`, { body: 'Bonjour' })).statusCode).toBe(201);
    const past = await asStaff(lauriersModerator, 'POST', `/api/v1/moderation/cases/${caseId}/actions`, {
      decision: 'SUSPEND',
      reason: 'Oups',
      suspendedUntil: new Date(Date.now() - 1000).toISOString(),
    });
    expect(past.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.suspendedUntil' }] });
    const notices = (await asTenant(tv.author!, 'GET', '/api/v1/notices?limit=50')).json();
    expect(notices.items.some((notice: { title: string }) => notice.title === 'Vos publications sont suspendues')).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 100));
    expect(
      (await asTenant(tv.author!, 'POST', '/api/v1/feed/posts', { kind: 'DISCUSSION', title: 'Me revoilà', body: 'Bonjour' })).statusCode,
    ).toBe(201);
  });

  it('lets the recipient report a private message; staff read that conversation only then, and each read is logged', async () => {
    const postId = await publish(tv.bystander!, 'Je prête une échelle');
    const opened = await asTenant(tv.reporter1!, 'POST', '/api/v1/conversations', {
      postId,
      intent: 'INTEREST',
      message: 'Je suis intéressé',
    });
    expect(opened.statusCode).toBe(201);
    const conversationId = opened.json().id as string;
    const rude = await asTenant(tv.bystander!, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      body: 'Donne-moi ton code de carte bleue',
    });
    const messageId = rude.json().id as string;
    // Only a participant, and not the author, can report it.
    expect((await report(tv.reporter2!, 'MESSAGE', messageId)).statusCode).toBe(404);
    expect((await report(tv.bystander!, 'MESSAGE', messageId)).json().code).toBe('cannot_report_oneself');
    expect((await report(tv.reporter1!, 'MESSAGE', messageId, 'DANGEROUS', 'Arnaque')).statusCode).toBe(201);

    const { id: caseId } = (await openCase(lauriersModerator, messageId))!;
    // The case shows the message and what the conversation is about, not the conversation itself.
    const unread = (await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/cases/${caseId}`)).json();
    expect(unread).toMatchObject({
      content: { body: 'Donne-moi ton code de carte bleue' },
      inReplyTo: { id: postId, title: 'Je prête une échelle' },
    });
    expect(JSON.stringify(unread)).not.toContain('Je suis intéressé');
    const read = (reason: string, staff = lauriersModerator, id = caseId) =>
      asStaff(staff, 'POST', `/api/v1/moderation/cases/${id}/conversation?limit=1`, { reason });
    expect((await read('x')).statusCode).toBe(400);
    expect((await read('Vérifier le contexte', savineModerator)).statusCode).toBe(404);
    const first = await read('Vérifier le contexte de l’arnaque signalée');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toEqual([expect.objectContaining({ id: messageId, reported: true })]);
    const older = await asStaff(
      lauriersModerator,
      'POST',
      `/api/v1/moderation/cases/${caseId}/conversation?cursor=${first.json().nextCursor}`,
      {
        reason: 'Lire le début',
      },
    );
    expect(older.json().items.map((m: { body: string }) => m.body)).toEqual(['Je suis intéressé']);
    const detail = (await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/cases/${caseId}`)).json();
    expect(detail.actions.filter((a: { kind: string }) => a.kind === 'READ_CONVERSATION').map((a: { reason: string }) => a.reason)).toEqual(
      ['Vérifier le contexte de l’arnaque signalée', 'Lire le début'],
    );
    // A case about a post gives no access to anyone's conversations.
    const postCase = await openCase(lauriersModerator, postId);
    expect(postCase).toBeUndefined();
    const otherPost = await publish(tv.bystander!, 'Autre chose');
    await report(tv.reporter3!, 'POST', otherPost, 'SPAM');
    expect((await read('Curiosité', lauriersModerator, (await openCase(lauriersModerator, otherPost))!.id)).statusCode).toBe(403);

    // A message cannot be hidden (the other neighbour already read it), but it can be deleted.
    const act = (decision: string) =>
      asStaff(lauriersModerator, 'POST', `/api/v1/moderation/cases/${caseId}/actions`, { decision, reason: 'Tentative d’arnaque' });
    expect((await act('HIDE')).json().code).toBe('moderation_action_refused');
    expect((await act('DELETE')).json().status).toBe('DELETED');
    const left = await asTenant(tv.reporter1!, 'GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(left.json().items.map((m: { id: string }) => m.id)).not.toContain(messageId);
  });

  describe('forbidden words', () => {
    it('catches case, accents and look-alike characters, as whole words only', () => {
      const matcher = forbiddenWordMatcher(['connard', 'enculé', 'pute', 'nique ta mère']);
      for (const text of ['Quel CONNARD', 'Quel connard!', 'espèce de c0nn@rd !', 'ENCULE', 'encülé', 'Nique   ta MERE', '$@l3 pute']) {
        expect({ text, found: matcher.find({ body: text })?.word ?? null }).toEqual({ text, found: expect.any(String) });
      }
      for (const text of ['Une personne réputée', 'Il députe demain', 'computer', 'connardise', 'Ma mère nique… non']) {
        expect({ text, found: matcher.find({ body: text }) }).toEqual({ text, found: null });
      }
      expect(matcher.find({ title: 'ok', body: 'Quel connard' })).toEqual({ field: 'body.body', word: 'connard' });
    });

    it('catches a word split by separators, stretched, or spelt with look-alike letters, and names the listed word', () => {
      const matcher = forbiddenWordMatcher(['con', 'conne', 'connard', 'pute', 'fils de pute', 'enculé', 'pétasse']);
      const dodges: [string, string][] = [
        ['Espèce de c.o.n', 'con'],
        ['espèce de c o n', 'con'],
        ['Quel C0N !', 'con'],
        ['Quel CÔN', 'con'],
        ['t’es qu’un c . o . n !', 'con'],
        ['c-o-n', 'con'],
        ['c_o_n', 'con'],
        ['c*o*n*n*a*r*d', 'connard'],
        ['conn.ard', 'connard'],
        ['co*nnard', 'connard'],
        ['CONNAAAARD', 'connard'],
        ['cooonnnaaard', 'connard'],
        ['puuuute', 'pute'],
        ['p.u.t.e', 'pute'],
        ['P U T E', 'pute'],
        ['f i l s  d e  p u t e', 'fils de pute'],
        ['filsdepute', 'fils de pute'],
        ['e.n.c.u.l.é', 'enculé'],
        ['EN-CU-LÉ', 'enculé'],
        ['pét@aaasse', 'pétasse'],
        ['\u0441on', 'con'], // a Cyrillic с
        ['con\u200Bnard', 'connard'], // an invisible space inside
      ];
      for (const [text, word] of dodges) expect({ text, found: matcher.find({ body: text })?.word ?? null }).toEqual({ text, found: word });
      // Ordinary French words and sentences that hold a listed word, or look like a split one, pass.
      const ordinary = [
        'Le conseil syndical se réunit',
        'Au second étage, à côté du local vélos',
        'Elle est très connue et réputée',
        'Je suis décontracté, il y a une dispute en bas',
        'Le cône de chantier est devant la porte',
        'Mon ordinateur est déconnecté',
        'Contrôle des compteurs mardi',
        'Confiture maison à donner',
        'Les constructions du quartier',
        'C’est l’heure : il y a à manger pour tous',
        'Apéro de 5 à 7 au rez-de-chaussée',
        'Bâtiment C, on monte au 3e',
        'J’ai vu la C.O.N.C.O.R.D.E au musée',
        'Rendez-vous à Saint-Conrad',
        'Réputé pour ses putters de golf',
        'Une salle à part, réservée',
        'Appelez le 06 12 34 56 78, code 1234',
        'Les comptes sont bons : 100 % payé !',
      ];
      for (const text of ordinary) expect({ text, found: matcher.find({ body: text }) }).toEqual({ text, found: null });
    });

    it('refuses a post with a seeded word naming it, keeps the draft, and lets innocent words through', async () => {
      const draft = { kind: 'DISCUSSION', title: 'Le voisin du 4e', body: 'Quel C0NNÄRD celui-là' };
      expect((await asTenant(tv.bystander!, 'PUT', '/api/v1/feed/draft', draft)).statusCode).toBe(200);
      const refused = await asTenant(tv.bystander!, 'POST', '/api/v1/feed/posts', draft);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'forbidden_word', word: 'connard', errors: [{ field: 'body.body' }] });
      expect(refused.json().detail).toBe('Mot interdit : « connard ».');
      expect((await asTenant(tv.bystander!, 'GET', '/api/v1/feed/draft')).json().content).toMatchObject({ body: draft.body });
      const innocent = await asTenant(tv.bystander!, 'POST', '/api/v1/feed/posts', {
        kind: 'DISCUSSION',
        title: 'Une boulangère réputée',
        body: 'Elle est très connue.',
      });
      expect(innocent.statusCode).toBe(201);
      const reply = await asTenant(tv.author!, 'POST', `/api/v1/feed/posts/${innocent.json().id}/replies`, { body: 'Espèce de Pûte' });
      expect(reply.json()).toMatchObject({ code: 'forbidden_word', word: 'pute' });
    });

    it('lets moderators edit their landlord’s list, which applies at once to that landlord’s tenants', async () => {
      const added = await asStaff(lauriersModerator, 'POST', '/api/v1/moderation/forbidden-words', { word: 'Mécréant' });
      expect(added.statusCode).toBe(201);
      expect((await asStaff(lauriersModerator, 'POST', '/api/v1/moderation/forbidden-words', { word: 'MECREANT' })).statusCode).toBe(200);
      const refused = await asTenant(tv.bystander!, 'POST', '/api/v1/feed/posts', {
        kind: 'DISCUSSION',
        title: 'Quel mécréant',
        body: 'Oui',
      });
      expect(refused.json()).toMatchObject({ code: 'forbidden_word', word: 'Mécréant', errors: [{ field: 'body.title' }] });
      const list = (await asStaff(lauriersModerator, 'GET', '/api/v1/moderation/forbidden-words?limit=5')).json();
      expect(list.items[0].word).toBe('Mécréant');
      expect(list.nextCursor).not.toBeNull();
      let all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { word: string }[]; nextCursor: string | null } = (
          await asStaff(lauriersModerator, 'GET', `/api/v1/moderation/forbidden-words?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        all = all.concat(page.items.map((item: { word: string }) => item.word));
        cursor = page.nextCursor;
      } while (cursor);
      expect(all).toEqual(expect.arrayContaining(['Mécréant', 'connard', 'nique ta mère']));
      expect(new Set(all).size).toBe(all.length);
      expect((await asStaff(lauriersModerator, 'DELETE', `/api/v1/moderation/forbidden-words/${added.json().id}`)).statusCode).toBe(204);
      expect(
        (await asTenant(tv.bystander!, 'POST', '/api/v1/feed/posts', { kind: 'DISCUSSION', title: 'Quel mécréant', body: 'Oui' }))
          .statusCode,
      ).toBe(201);
      expect((await asStaff(caretaker, 'POST', '/api/v1/moderation/forbidden-words', { word: 'zut' })).statusCode).toBe(403);
    });
  });
});
