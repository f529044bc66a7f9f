// A neighbour of Les Lauriers reports an insulting post and then a reply with the remote ("Signaler": a reason, then
// nothing or a word on the on-screen keyboard); two more neighbours report the post and it is gone for everyone. The
// report screen in Arabic is mirrored. Screenshots at each step.
import type { TokenResponse } from '@palier/contracts';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, requestAs, type TenantRequest } from '../support/journeys';

jest.setTimeout(180_000);

const TITLE = 'Les gens du 2e sont des idiots';

describe('a neighbour reports a post from the TV', () => {
  const journey = useJourney();

  const call = (tokens: TokenResponse, ...request: TenantRequest) => requestAs(journey.app, tokens, ...request);

  async function tvFor(tokens: TokenResponse, language: 'fr' | 'ar' = 'fr'): Promise<Tv> {
    const tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language });
    return tv;
  }

  async function openPost(tv: Tv, title: string): Promise<void> {
    await tv.press((await tv.state()).dir === 'rtl' ? 'Left' : 'Right', 'OK');
    await tv.expectScreen('feed');
    await tv.waitFor('the post in the feed', (s) => s.focused === title);
    await tv.press('OK');
    await tv.expectScreen('feed-post');
  }

  it('reports a post and a reply with the remote; at the threshold the post is gone for everyone', async () => {
    const author = await activateTv(journey.app, 'HMP-LAU-C-0102');
    const reporter = await activateTv(journey.app, LAURIERS_B_TENANT);
    const posted = await call(author, 'POST', '/api/v1/feed/posts', { kind: 'DISCUSSION', title: TITLE, body: TITLE });
    const postId = posted.json().id as string;
    const replied = await call(author, 'POST', `/api/v1/feed/posts/${postId}/replies`, { body: 'Et je le répète' });
    expect(replied.statusCode).toBe(201);

    const tv = await tvFor(reporter);
    await openPost(tv, TITLE);
    await tv.expectFocused('Merci !'); // the screen never opens on "Signaler"
    await tv.press('Up');
    await tv.expectFocused('⚑ Signaler');
    await tv.screenshot('report-01-post-with-report-button');
    await tv.press('OK');
    await tv.expectScreen('feed-report');
    await tv.expectFocused('Insulte ou harcèlement');
    await tv.screenshot('report-02-reasons');
    await tv.press('Down');
    await tv.expectFocused('Spam ou publicité');
    await tv.press('Up');
    await tv.expectFocused('Insulte ou harcèlement');
    await tv.press('OK');
    await tv.expectFocused('Envoyer sans commentaire');
    await tv.expectMessage(/Insulte ou harcèlement — Voulez-vous ajouter un mot/);
    await tv.screenshot('report-03-comment-question');
    await tv.press('OK');
    await tv.expectMessage('Merci. Votre signalement a été transmis aux modérateurs.');
    await tv.screenshot('report-04-thanks');
    const reports = await journey.app.db.contentReport.findMany({ include: { case: true } });
    expect(reports.map((r) => [r.case.targetKind, r.case.targetId, r.reason, r.comment])).toEqual([['POST', postId, 'ABUSE', null]]);

    // Back on the post, the neighbour's reply in focus: OK reports it, with a word typed on the keyboard.
    await tv.press('OK');
    await tv.expectScreen('feed-post');
    await tv.expectFocused('Merci !');
    await tv.waitFor('the reply loaded', (s) => s.route === 'feed-post');
    for (let i = 0; i < 50 && !(await tv.visibleTexts()).includes('Et je le répète'); i += 1) await tv.page.waitForTimeout(100);
    await tv.press('Right', 'Right'); // across the quick replies, then to the replies
    await tv.waitFor('the reply in focus', (s) => s.focused === 'Et je le répète');
    await tv.press('OK');
    await tv.expectScreen('feed-report');
    await tv.press('Right');
    await tv.expectFocused('Discrimination');
    await tv.press('OK');
    await tv.expectFocused('Envoyer sans commentaire');
    await tv.press('Down');
    await tv.expectFocused('Écrire un commentaire');
    await tv.press('OK');
    await tv.waitFor('the comment keyboard', (s) => !!s.keyboard && s.keyboard.text === '');
    await tv.typeWithRemote('encore');
    await tv.screenshot('report-05-comment-keyboard');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    await tv.expectMessage('Merci. Votre signalement a été transmis aux modérateurs.');
    const replyReport = await journey.app.db.contentReport.findFirstOrThrow({ where: { case: { targetKind: 'REPLY' } } });
    expect(replyReport).toMatchObject({ reason: 'DISCRIMINATION', comment: 'encore' });

    // Reporting the same post again is harmless and says so.
    await tv.press('Back');
    await tv.expectScreen('feed-post');
    await tv.expectFocused('Merci !');
    await tv.press('Up');
    await tv.expectFocused('⚑ Signaler');
    await tv.press('OK');
    await tv.expectScreen('feed-report');
    await tv.expectFocused('Insulte ou harcèlement');
    await tv.press('OK');
    await tv.expectFocused('Envoyer sans commentaire');
    await tv.press('OK');
    await tv.expectMessage('Vous aviez déjà signalé ce message. Merci, c’est bien noté.');

    // Two more neighbours report it: it is gone from every feed, this TV's included.
    for (const reference of [LAURIERS_A_TENANT, 'HMP-LAU-A-0101']) {
      const tokens = await activateTv(journey.app, reference);
      expect(
        (await call(tokens, 'POST', '/api/v1/moderation/reports', { target: { kind: 'POST', id: postId }, reason: 'ABUSE' })).statusCode,
      ).toBe(201);
    }
    await tv.press('Back');
    await tv.expectScreen('feed-post');
    await tv.expectMessage('Ce message n’existe plus.'); // the open post heard it was removed
    await tv.screenshot('report-06a-post-removed-live');
    await tv.press('Back');
    await tv.expectScreen('feed');
    await tv.waitFor('the feed without the post', (s) => s.focused !== TITLE);
    expect(await tv.visibleTexts()).not.toContain(TITLE);
    await tv.screenshot('report-06b-feed-without-the-post');

    // In Arabic the report screen is mirrored and in Arabic.
    const other = await activateTv(journey.app, 'HMP-LAU-B-0102');
    const second = await call(author, 'POST', '/api/v1/feed/posts', {
      kind: 'DISCUSSION',
      title: 'Vente de contrefaçons',
      body: 'Pas cher',
    });
    expect(second.statusCode).toBe(201);
    const arabic = await tvFor(other, 'ar');
    await openPost(arabic, 'Vente de contrefaçons');
    await arabic.expectFocused('شكرًا');
    await arabic.press('Up');
    await arabic.expectFocused('⚑ إبلاغ');
    await arabic.press('OK');
    await arabic.expectScreen('feed-report');
    await arabic.expectFocused('شتم أو تحرش');
    await arabic.screenshot('report-07-reasons-arabic');
  });
});
