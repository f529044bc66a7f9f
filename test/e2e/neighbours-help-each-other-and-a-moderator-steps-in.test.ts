// The neighbours' network end to end, as issue 3 tells it: two neighbours of Les Lauriers on their TVs and a moderator
// in the console. A asks for help with the remote; B sees it arrive live and answers "Je peux aider", which opens a
// private conversation; A sees the unread badge, reads and replies; B reports an abusive post a third tenant (C) wrote;
// at the threshold (two more neighbours report it through the API) it disappears from every feed, live; the moderator
// deletes it with a reason; C is told on their TV by a personal notice. Screenshots at each step (journey-neighbours-*).
import type { TokenResponse } from '@palier/contracts';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { openConsole, type ConsolePage } from './support/console';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer, postAs, reportAs } from '../support/journeys';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';

jest.setTimeout(300_000);

const AUTHOR_TENANT = 'HMP-LAU-C-0102';
const OTHER_REPORTERS = ['HMP-LAU-B-0102', 'HMP-LAU-A-0101'];
const HELP_REQUEST = 'Je cherche quelqu’un pour m’aider à porter mes courses';
const ABUSIVE = 'Ceux du bâtiment B sont des parasites';
const OFFER = 'Bonjour, je peux vous aider !';
const DELETE_REASON = 'Propos injurieux envers les voisins : interdit par la charte.';
const SHOT = 'journey-neighbours-';

describe('neighbours help each other, and a moderator steps in', () => {
  const journey = useJourney();
  let moderator: ConsolePage | undefined;

  async function tvOf(tokens: TokenResponse): Promise<Tv> {
    const tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    return tv;
  }

  it('goes from a help request to a private conversation, and from an abusive post to a told author', async () => {
    // C, a tenant of building C, already wrote something abusive; A and B are at home in front of their TVs.
    const [aTokens, bTokens, cTokens] = await Promise.all(
      [LAURIERS_A_TENANT, LAURIERS_B_TENANT, AUTHOR_TENANT].map((reference) => activateTv(journey.app, reference)),
    );
    const abusiveId = await postAs(journey.app, cTokens, { kind: 'DISCUSSION', title: ABUSIVE, body: ABUSIVE });
    const a = await tvOf(aTokens);
    const b = await tvOf(bTokens);

    // B reads the feed: C's post is there.
    await b.openFeed();
    await b.expectFocused(ABUSIVE);
    await b.page.evaluate('window.__notReloaded = true');
    await b.screenshot(SHOT + '01-b-feed');

    // A asks for help with the remote: kind, audience, template, publish.
    await a.openFeed();
    await a.press('Green');
    await a.expectScreen('feed-write');
    await a.expectFocused('Demande d’aide');
    await a.press('OK');
    await a.expectFocused('Ma résidence');
    await a.press('OK');
    await a.expectFocused(HELP_REQUEST);
    await a.screenshot(SHOT + '02-a-picks-a-template');
    await a.press('OK');
    await a.expectFocused('Publier');
    await a.expectMessage(HELP_REQUEST);
    await a.screenshot(SHOT + '03-a-preview');
    await a.press('OK');
    await a.expectMessage('Votre message est publié');
    await a.screenshot(SHOT + '04-a-published');
    // A goes back home and waits.
    await a.press('OK');
    await a.expectScreen('feed');
    await a.press('Back');
    await a.expectScreen('home');

    // B sees it arrive without reload, opens it and answers "Je peux aider": a private conversation opens.
    await b.expectMessage(/Nouveau message de /, 20_000);
    await b.expectText(HELP_REQUEST);
    expect(await b.page.evaluate('window.__notReloaded')).toBe(true);
    await b.screenshot(SHOT + '05-b-sees-it-live');
    await b.openPost(HELP_REQUEST, { direction: 'Up' });
    await b.expectFocused('Je peux aider');
    await b.screenshot(SHOT + '06-b-post-detail');
    await b.press('OK');
    await b.expectScreen('conversation');
    await b.expectConversationMessage(OFFER);
    await b.expectFocused('Merci');
    await b.screenshot(SHOT + '07-b-conversation-opened');

    // A's home shows the unread message on the neighbours tile, live; the green key opens "Mes messages".
    await a.expectText('1 message', 20_000);
    await a.screenshot(SHOT + '08-a-home-unread-badge');
    await a.press('Green');
    await a.expectScreen('conversations');
    await a.expectFocused(new RegExp(HELP_REQUEST));
    await a.screenshot(SHOT + '09-a-conversations');
    await a.press('OK');
    await a.expectScreen('conversation');
    await a.expectConversationMessage(OFFER);
    await a.expectFocused('Merci');
    await a.press('OK');
    await a.expectMessage('Message envoyé.');
    await a.expectConversationMessage('Merci');
    await a.screenshot(SHOT + '10-a-replied');
    const unread = await journey.app.inject({ method: 'GET', url: '/api/v1/conversations/unread', headers: bearer(aTokens) });
    expect(unread.json()).toEqual({ messages: 0, conversations: 0 });

    // B, still in the conversation, sees A's answer arrive.
    await b.expectConversationMessage('Merci', 20_000);
    await b.screenshot(SHOT + '11-b-sees-the-answer');
    // A goes to the feed, where C's post still is.
    await a.press('Back');
    await a.expectScreen('conversations');
    await a.press('Back');
    await a.expectScreen('home');
    await a.openFeed();
    await a.expectText(ABUSIVE);

    // B goes back to the feed and reports C's post with the remote; a neighbour had already reported it.
    await reportAs(journey.app, await activateTv(journey.app, OTHER_REPORTERS[0]!), { kind: 'POST', id: abusiveId });
    await b.press('Back');
    await b.expectScreen('feed-post');
    await b.press('Back');
    await b.expectScreen('feed');
    await b.openPost(ABUSIVE, { direction: 'Down' });
    await b.expectFocused('Merci !'); // never "Signaler" first: one OK too many must not report a neighbour
    await b.press('Up');
    await b.expectFocused('⚑ Signaler');
    await b.screenshot(SHOT + '12-b-report-button');
    await b.reportFocusedPost();
    await b.screenshot(SHOT + '13-b-report-sent');
    await b.press('OK');
    await b.expectScreen('feed-post');
    await b.press('Back');
    await b.expectScreen('feed');
    // Two reports of three: still there for everyone.
    expect(await a.visibleTexts()).toContain(ABUSIVE);
    expect(await b.visibleTexts()).toContain(ABUSIVE);

    // The moderator is at the console; the case is in the queue, not yet hidden.
    moderator = await openConsole(journey.browser, journey.baseUrl, { viewport: { width: 1440, height: 1000 } });
    await moderator.signIn(DEMO_STAFF.moderator, DEMO_STAFF_PASSWORD);
    await moderator.openModeration();
    expect(await moderator.waitForModerationCase(ABUSIVE)).toMatch(/2 voisin\(s\)/);

    // A third neighbour reports it: hidden for everyone at once, on both TVs and in the console's queue.
    await reportAs(journey.app, await activateTv(journey.app, OTHER_REPORTERS[1]!), { kind: 'POST', id: abusiveId }, 'DISCRIMINATION');
    await Promise.all([a.expectNoText(ABUSIVE, 20_000), b.expectNoText(ABUSIVE, 20_000)]);
    expect((await a.state()).route).toBe('feed');
    await a.screenshot(SHOT + '14-a-feed-without-it');
    await b.screenshot(SHOT + '15-b-feed-without-it');
    const hiddenRow = await moderator.page
      .getByTestId('moderation-row')
      .filter({ hasText: ABUSIVE })
      .filter({ hasText: /3 voisin\(s\)[\s\S]*Masqué/ })
      .first();
    await hiddenRow.waitFor({ state: 'visible', timeout: 15_000 });
    for (const tokens of [aTokens, bTokens]) {
      const feed = await journey.app.inject({ method: 'GET', url: '/api/v1/feed?limit=50', headers: bearer(tokens) });
      expect(feed.json().items.map((post: { id: string }) => post.id)).not.toContain(abusiveId);
    }

    // C is at home when the moderator decides.
    const c = await tvOf(cTokens);
    const unreadBefore = (await c.state()).unread;

    // The moderator reads the case and deletes the post with a reason.
    await moderator.openModerationCase(ABUSIVE);
    expect(await moderator.page.getByTestId('moderation-author').innerText()).toMatch(/Bâtiment C — Les Lauriers/);
    await moderator.screenshot(SHOT + '16-moderator-case');
    await moderator.decide('DELETE', DELETE_REASON, 'Supprimé');
    await moderator.screenshot(SHOT + '17-moderator-deleted');
    expect(await journey.app.db.post.findUnique({ where: { id: abusiveId } })).toBeNull();

    // C is told on the TV: the notices' badge goes up live, the notice says what and why.
    await c.waitFor('a new notice for C', (s) => s.unread > unreadBefore, 20_000);
    await c.screenshot(SHOT + '18-c-home-badge');
    await c.press('OK');
    await c.expectScreen('notices');
    await c.expectFocused(/Un de vos messages a été supprimé/);
    await c.screenshot(SHOT + '19-c-notices');
    await c.press('OK');
    await c.expectScreen('notice');
    await c.expectText('Un de vos messages a été supprimé');
    const texts = (await c.visibleTexts()).join('\n');
    expect(texts).toContain(DELETE_REASON);
    expect(texts).toContain(ABUSIVE);
    await c.screenshot(SHOT + '20-c-notice-why');
  });
});
