// Two neighbours of Les Lauriers on their TVs: A writes a help request with the remote (a template, then a few letters
// on the on-screen keyboard), B sees it arrive in the feed without reload, opens it and answers "Avec plaisir"; A sees
// the answer arrive. B also tries a full event (the API refuses overbooking: the TV says so). A tenant of La Savine
// (another residence, another district) does not see the help request. Screenshots at each step, one set in Arabic.
import type { FeedPost } from '@palier/contracts';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer } from '../support/journeys';

jest.setTimeout(180_000);

const LAURIERS_C_TENANT = 'HMP-LAU-C-0102';
const TEMPLATE = 'Je cherche quelqu’un pour m’aider à porter mes courses';
const HELP_REQUEST = TEMPLATE + ' samedi';
const SAVINE_OTHER_TENANT = 'HMP-SAV-1-0101';

describe('neighbours help each other through the feed', () => {
  const journey = useJourney();
  const tokensOf = new Map<string, { access_token: string; refresh_token: string }>();

  async function post(tokens: { access_token: string }, body: object): Promise<FeedPost> {
    const response = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/feed/posts',
      headers: bearer(tokens as never),
      payload: body,
    });
    if (response.statusCode !== 201) throw new Error(`post failed: ${response.body}`);
    return response.json();
  }

  async function tvFor(reference: string, language: 'fr' | 'ar' = 'fr', textSize: 'normal' | 'large' = 'normal'): Promise<Tv> {
    const tokens = await activateTv(journey.app, reference);
    tokensOf.set(reference, tokens);
    const tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language, textSize });
    return tv;
  }

  async function openFeed(tv: Tv): Promise<void> {
    // "Voisins" is the second tile: to the right, or to the left when Arabic mirrors the screen.
    await tv.press((await tv.state()).dir === 'rtl' ? 'Left' : 'Right', 'OK');
    await tv.expectScreen('feed');
  }

  it('A asks for help with the remote, B answers live, and La Savine never sees it', async () => {
    // A neighbour of building C already posted an event with one place, and took it.
    const carol = await activateTv(journey.app, LAURIERS_C_TENANT);
    const startsAt = new Date(Date.now() + 3 * 86400_000).toISOString();
    const event = await post(carol, {
      kind: 'EVENT',
      title: 'Goûter entre voisins',
      body: 'Goûter entre voisins',
      event: { startsAt, place: 'Salle commune', capacity: 1 },
    });
    const seat = await journey.app.inject({ method: 'PUT', url: `/api/v1/feed/posts/${event.id}/signup`, headers: bearer(carol) });
    expect(seat.statusCode).toBe(200);

    const a = await tvFor(LAURIERS_A_TENANT);
    const b = await tvFor(LAURIERS_B_TENANT);

    // B reads the feed: the event, its date and "Complet".
    await openFeed(b);
    await b.waitFor('the event in the feed', (s) => s.focused === 'Goûter entre voisins');
    await b.page.evaluate('window.__notReloaded = true');
    await b.screenshot('feed-01-b-feed-before');

    // A writes a help request: kind, audience (my residence by default), a template, then preview and publish.
    await openFeed(a);
    await a.press('Green');
    await a.expectScreen('feed-write');
    await a.expectFocused('Demande d’aide');
    await a.screenshot('feed-02-a-write-kind');
    await a.press('OK');
    await a.expectFocused('Ma résidence');
    await a.screenshot('feed-03-a-write-audience');
    await a.press('OK');
    await a.expectFocused(TEMPLATE);
    await a.screenshot('feed-04-a-write-template');
    await a.press('OK');
    await a.expectFocused('Publier');
    await a.expectMessage(TEMPLATE);
    // The draft is on the server, step by step (a power cut now would lose nothing).
    let draft: unknown = null;
    for (let attempt = 0; attempt < 30 && !(draft as { body?: string } | null)?.body; attempt += 1) {
      const response = await journey.app.inject({
        method: 'GET',
        url: '/api/v1/feed/draft',
        headers: bearer(tokensOf.get(LAURIERS_A_TENANT) as never),
      });
      draft = response.json().content;
      if (!(draft as { body?: string } | null)?.body) await a.page.waitForTimeout(100);
    }
    expect(draft).toMatchObject({
      kind: 'HELP_REQUEST',
      audience: 'RESIDENCE',
      body: 'Je cherche quelqu’un pour m’aider à porter mes courses',
    });
    await a.screenshot('feed-05-a-preview');
    // A completes the template's sentence with a few letters on the on-screen keyboard.
    await a.press('Right');
    await a.expectFocused('✎ Compléter le texte');
    await a.press('OK');
    await a.waitFor('the keyboard with the template', (s) => !!s.keyboard && s.keyboard.text === TEMPLATE);
    await a.typeWithRemote(' samedi');
    await a.waitFor('the completed text', (s) => !!s.keyboard && s.keyboard.text === HELP_REQUEST);
    await a.screenshot('feed-05b-a-keyboard');
    await a.goToKey((label) => label === '[done]', '[done]');
    await a.press('OK');
    await a.expectFocused('Publier');
    await a.expectMessage(HELP_REQUEST);
    await a.press('OK');
    await a.expectMessage('Votre message est publié');
    await a.screenshot('feed-06-a-published');

    // B sees it arrive without reload, with A's first name and building only.
    const arrived = await b.expectMessage(/Nouveau message de /, 15_000);
    expect(arrived.message).not.toMatch(/\d{3,}/);
    expect(await b.page.evaluate('window.__notReloaded')).toBe(true);
    const rowTexts = await b.visibleTexts();
    expect(rowTexts).toContain(HELP_REQUEST);
    await b.screenshot('feed-07-b-post-arrived-live');

    // A goes to the feed and opens the post, to see the answer arrive.
    await a.press('OK');
    await a.expectScreen('feed');
    await a.expectFocused(HELP_REQUEST);
    await a.press('OK');
    await a.expectScreen('feed-post');
    await a.expectFocused('Merci !');

    // B opens it and answers "Avec plaisir".
    await b.press('Up');
    await b.expectFocused(HELP_REQUEST);
    await b.press('OK');
    await b.expectScreen('feed-post');
    // A help request leads with "Je peux aider" (a private conversation, wip/neighbours); the quick replies follow.
    await b.expectFocused('Je peux aider');
    await b.press('Down');
    await b.expectFocused('Merci !');
    await b.screenshot('feed-08-b-post-detail');
    await b.press('Down');
    await b.expectFocused('Avec plaisir');
    await b.press('OK');
    await b.expectMessage('Réponse envoyée.');
    await b.screenshot('feed-09-b-replied');

    await a.waitFor('the reply on A’s screen', (s) => s.route === 'feed-post', 5000);
    await a.page.locator('[data-testid^="reply-"]').first().waitFor({ state: 'attached', timeout: 15_000 });
    expect(await a.visibleTexts()).toContain('Avec plaisir');
    await a.screenshot('feed-10-a-sees-reply');

    // A answers in their own words on the keyboard; B, still on the post, sees it arrive.
    await a.press('Down', 'Right');
    await a.expectFocused('Écrire une réponse…');
    await a.press('OK');
    await a.waitFor('the reply keyboard', (s) => !!s.keyboard && s.keyboard.text === '');
    await a.typeWithRemote('Super');
    await a.screenshot('feed-10b-a-reply-keyboard');
    await a.goToKey((label) => label === '[done]', '[done]');
    await a.press('OK');
    await a.expectMessage('Réponse envoyée.');
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(await b.visibleTexts()).includes('Super')) await b.page.waitForTimeout(100);
    expect(await b.visibleTexts()).toContain('Super');
    await b.screenshot('feed-10c-b-sees-answer');

    // B tries the full event: the TV says it is full.
    await b.press('Back');
    await b.expectScreen('feed');
    await b.press('Down');
    await b.expectFocused('Goûter entre voisins');
    await b.press('OK');
    await b.expectScreen('feed-post');
    await b.expectFocused('Je m’inscris');
    await b.press('OK');
    await b.expectMessage('Cet événement est complet');
    await b.screenshot('feed-11-b-event-full');

    // La Savine: another residence and district, it does not see the help request (here in Arabic, mirrored).
    const savineNeighbour = await activateTv(journey.app, SAVINE_OTHER_TENANT);
    await post(savineNeighbour, { kind: 'LEND_GIVE', title: 'أعير سلمًا', body: 'أعير سلمًا' });
    const savine = await tvFor(SAVINE_TENANT, 'ar');
    await openFeed(savine);
    await savine.waitFor('La Savine’s own post', (s) => s.focused === 'أعير سلمًا');
    const savineTexts = await savine.visibleTexts();
    expect(savineTexts).not.toContain(HELP_REQUEST);
    expect(savineTexts).not.toContain('Goûter entre voisins');
    await savine.screenshot('feed-12-savine-ar-feed');
    await savine.press('OK');
    await savine.expectScreen('feed-post');
    await savine.screenshot('feed-13-savine-ar-post');

    // Back on the feed: a kind with no post shows the empty state; a lost connection shows the error and Retry.
    await savine.press('Back');
    await savine.expectScreen('feed');
    await savine.press('Up');
    await savine.expectFocused('الكل');
    await savine.press('Left');
    await savine.expectFocused('طلب مساعدة');
    await savine.press('OK');
    await savine.byTestId('feed-empty').waitFor({ state: 'visible' });
    expect(await savine.visibleTexts()).toContain('لا توجد رسائل من هذا النوع حاليًا.');
    await savine.screenshot('feed-14-savine-ar-empty-kind');
    await savine.page.route('**/api/v1/feed?**', (route) => route.abort('internetdisconnected'));
    await savine.press('Left', 'OK');
    await savine.byTestId('feed-error').waitFor({ state: 'visible' });
    await savine.expectFocused('إعادة المحاولة');
    await savine.screenshot('feed-15-savine-ar-offline');
    await savine.page.unroute('**/api/v1/feed?**');
    await savine.press('OK');
    await savine.byTestId('feed-empty').waitFor({ state: 'visible' });
  });

  it('keeps an event being written through a power cut, then publishes it with its day, time, place and places', async () => {
    const a = await tvFor(LAURIERS_A_TENANT);
    const tokens = tokensOf.get(LAURIERS_A_TENANT) as { access_token: string };
    await openFeed(a);
    await a.press('Green');
    await a.expectScreen('feed-write');
    await a.expectFocused('Demande d’aide');
    await a.press('Down', 'Down', 'Right');
    await a.expectFocused('Événement');
    await a.press('OK');
    await a.expectFocused('Ma résidence');
    await a.press('OK');
    await a.expectFocused('Goûter entre voisins');
    await a.press('OK');
    await a.expectMessage('Quel jour ?');

    // Power cut: the page starts again from nothing but the server's draft.
    await a.page.reload();
    await a.waitFor('the app to start again', (s) => !!s.route && s.route !== 'boot', 20_000);
    if ((await a.state()).route === 'home') {
      await openFeed(a);
      await a.press('Green');
    }
    await a.expectScreen('feed-write');
    await a.expectFocused('Reprendre mon brouillon');
    await a.expectMessage('Vous aviez commencé un message (Événement)');
    await a.screenshot('feed-16-a-resume-draft');
    await a.press('OK');
    await a.expectMessage('Quel jour ?');
    // Three rows down is a day at least nine days ahead, whatever the hour.
    await a.press('Down', 'Down', 'Down');
    await a.screenshot('feed-17-a-event-day');
    await a.press('OK');
    await a.expectMessage('À quelle heure ?');
    await a.expectFocused('09:00');
    await a.press('Right', 'Right', 'Right', 'Right', 'Right');
    await a.expectFocused('11:30');
    await a.screenshot('feed-18-a-event-time');
    await a.press('OK');
    await a.expectFocused('Salle commune');
    await a.press('OK');
    await a.expectFocused('Sans limite');
    await a.press('Right');
    await a.expectFocused('5 places');
    await a.screenshot('feed-19-a-event-places');
    await a.press('OK');
    await a.expectFocused('Publier');
    await a.expectMessage(/Salle commune · 5 places/);
    await a.screenshot('feed-20-a-event-preview');
    await a.press('OK');
    await a.expectMessage('Votre message est publié');

    const feed = await journey.app.inject({ method: 'GET', url: '/api/v1/feed?kind=EVENT', headers: bearer(tokens as never) });
    const mine = (feed.json().items as FeedPost[]).filter((one) => one.mine);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.event).toMatchObject({ place: 'Salle commune', capacity: 5, taken: 0 });
    expect(new Date(mine[0]!.event!.startsAt).getUTCMinutes()).toBe(30);
    const draft = await journey.app.inject({ method: 'GET', url: '/api/v1/feed/draft', headers: bearer(tokens as never) });
    expect(draft.json().content).toBeNull();
  });

  it('loads older posts page by page as focus nears the end of the feed', async () => {
    const carol = await activateTv(journey.app, LAURIERS_C_TENANT);
    for (let i = 1; i <= 12; i += 1) await post(carol, { kind: 'DISCUSSION', title: `Bonjour n°${i}`, body: `Bonjour n°${i}` });
    // This time in large text, as many tenants set it.
    const b = await tvFor(LAURIERS_B_TENANT, 'fr', 'large');
    await openFeed(b);
    await b.expectFocused('Bonjour n°12');
    expect(await b.visibleTexts()).toContain('Message 1 sur 10+');
    await b.press('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down');
    await b.expectFocused('Bonjour n°4');
    const deadline = Date.now() + 10_000;
    let position = '';
    while (Date.now() < deadline && !/^Message 9 sur 1[1-9]$/.test(position)) {
      position = (await b.visibleTexts()).find((text) => text.startsWith('Message ')) ?? '';
      await b.page.waitForTimeout(100);
    }
    expect(position).toMatch(/^Message 9 sur 1[1-9]$/);
    await b.screenshot('feed-21-b-second-page-large-text');
    await b.press('OK');
    await b.expectScreen('feed-post');
    await b.expectFocused('Merci !');
    await b.screenshot('feed-22-b-post-large-text');
  });
});
