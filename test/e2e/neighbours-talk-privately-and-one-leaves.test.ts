// Two neighbours of Les Lauriers on their TVs: B presses "Je peux aider" on A's help request, which opens a private
// conversation; A sees the badge on home, opens "Mes messages" with the green key and answers "Merci" with one press;
// B sees it arrive, then blocks A after the confirmation dialog, and A's thread reads as ended. Then A opens "Mes
// données" (QR code for the phone) and leaves Palier: after the dialog that says what is erased, the TV is back to
// activation and nothing of A remains. Screenshots at each step.
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import type { FeedPost } from '@palier/contracts';
import { useJourney } from './support/journey';
import { SCREENSHOT_DIR, openTvAtHome, type Tv } from './support/tv';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer } from '../support/journeys';

jest.setTimeout(180_000);

describe('neighbours talk privately, and one leaves Palier', () => {
  const journey = useJourney();

  async function tvFor(
    reference: string,
    language: 'fr' | 'ar' = 'fr',
  ): Promise<{ tv: Tv; tokens: { access_token: string; refresh_token: string } }> {
    const tokens = await activateTv(journey.app, reference);
    const tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language });
    return { tv, tokens };
  }

  async function sees(tv: Tv, text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let texts: string[] = [];
    while (Date.now() < deadline) {
      texts = await tv.visibleTexts();
      if (texts.some((shown) => (typeof text === 'string' ? shown.indexOf(text) !== -1 : text.test(shown)))) return;
      await tv.page.waitForTimeout(150);
    }
    throw new Error(`TV: expected to see "${text}"; saw ${JSON.stringify(texts)}`);
  }

  it('B offers help, A answers from home, B blocks A; A downloads their data and leaves', async () => {
    const { tv: a, tokens: aTokens } = await tvFor(LAURIERS_A_TENANT);
    const { tv: b } = await tvFor(LAURIERS_B_TENANT);
    const response = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/feed/posts',
      headers: bearer(aTokens as never),
      payload: { kind: 'HELP_REQUEST', title: 'Porter mes courses samedi', body: 'Porter mes courses samedi au 3e étage' },
    });
    const help: FeedPost = response.json();

    // B opens A's help request: "Je peux aider" leads the post's buttons.
    await b.page.evaluate(`location.hash = '#/feed/posts/${help.id}'`);
    await b.expectScreen('feed-post');
    await b.expectFocused('Je peux aider');
    await b.screenshot('conversations-01-b-post-can-help');
    await b.press('OK');
    await b.expectScreen('conversation');
    await sees(b, 'Bonjour, je peux vous aider !');
    await b.expectFocused('Merci');
    await b.screenshot('conversations-02-b-thread-opened');

    // A's home shows the message on the neighbours tile, live; the green key opens "Mes messages".
    await sees(a, '1 message');
    await a.screenshot('conversations-03-a-home-badge');
    await a.press('Green');
    await a.expectScreen('conversations');
    await a.expectFocused(/Porter mes courses samedi/);
    await a.screenshot('conversations-04-a-list');
    await a.press('OK');
    await a.expectScreen('conversation');
    await a.expectFocused('Merci');
    await sees(a, 'Bonjour, je peux vous aider !');
    expect(
      await journey.app
        .inject({ method: 'GET', url: '/api/v1/conversations/unread', headers: bearer(aTokens as never) })
        .then((r) => r.json()),
    ).toEqual({
      messages: 0,
      conversations: 0,
    });
    await a.press('OK'); // "Merci", in one press
    await a.expectMessage('Message envoyé.');
    await a.screenshot('conversations-05-a-replied');
    // Then one of their own words on the keyboard: "Terminé" on an empty text is refused, the text then goes.
    await a.press('Down', 'Down');
    await a.expectFocused(/^Écrire un message/);
    await a.press('OK');
    await a.waitFor('the message keyboard', (s) => !!s.keyboard);
    await a.goToKey((label) => label === '[done]', '[done]');
    await a.press('OK');
    await a.expectMessage('Le message est vide.');
    await a.typeWithRemote('A samedi');
    await a.screenshot('conversations-05b-a-writes');
    await a.goToKey((label) => label === '[done]', '[done]');
    await a.press('OK');
    await sees(a, 'A samedi');

    // B sees it arrive without reload, then blocks A after the dialog.
    await sees(b, 'Merci');
    await sees(b, 'A samedi');
    // Merci | D'accord / Je passe à quelle heure ? / Écrire un message | Terminer / Bloquer …
    await b.press('Down', 'Down', 'Down');
    await b.expectFocused(/^Bloquer /);
    await b.press('OK');
    await b.waitFor('the block dialog', (s) => /^Bloquer .* \?$/.test(s.dialog));
    await b.screenshot('conversations-06-b-block-dialog');
    await b.press('Left', 'OK');
    await b.expectMessage('Vous avez bloqué ce voisin.');
    await b.screenshot('conversations-07-b-blocked');

    // A's thread reads as ended (the block itself is never revealed), with no button left to write.
    await sees(a, 'Cette conversation est terminée.');
    await a.screenshot('conversations-08-a-ended');

    // Settings has "Mes données"; its screen shows the QR code for the phone.
    await a.page.evaluate(`location.hash = '#/settings'`);
    await a.expectScreen('settings');
    await sees(a, 'Mes données');
    await a.screenshot('data-01-a-settings');
    await a.page.evaluate(`location.hash = '#/my-data'`);
    await a.expectScreen('my-data');
    await a.expectMessage(/Scannez ce code/);
    await a.expectFocused('Quitter Palier et effacer mes données');
    await a.screenshot('data-02-a-my-data');
    // The phone scans the QR code: the page says what the file holds and saves it.
    const qr = await a.page.locator('[data-testid="screen-my-data"]').getAttribute('data-qr');
    expect(qr).toContain('/phone/data.html#code=');
    const phoneContext = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    try {
      const phone = await phoneContext.newPage();
      await phone.goto(qr as string);
      const logs: string[] = [];
      phone.on('console', (message) => logs.push(message.text()));
      phone.on('pageerror', (error) => logs.push(String(error)));
      await phone
        .locator('#ready')
        .waitFor({ state: 'visible', timeout: 15_000 })
        .catch(async (error: unknown) => {
          throw new Error(`phone page not ready: ${await phone.content()} ${logs.join(' | ')} (${String(error)})`);
        });
      expect(await phone.locator('#summary').innerText()).toContain('Annonces publiées : 1');
      const [download] = await Promise.all([phone.waitForEvent('download'), phone.locator('#download').click()]);
      const saved = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
      expect(saved.profile.reference).toBe(LAURIERS_A_TENANT);
      expect(saved.conversations[0].messages.map((m: { body: string }) => m.body)).toEqual([
        'Bonjour, je peux vous aider !',
        'Merci',
        'A samedi',
      ]);
      await phone.locator('#done').filter({ hasText: 'enregistré' }).waitFor();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await phone.screenshot({ path: join(SCREENSHOT_DIR, 'data-02b-phone-data-page.png'), fullPage: true });
    } finally {
      await phoneContext.close();
    }
    await a.press('OK');
    await a.waitFor('the erase dialog', (s) => s.dialog === 'Tout effacer ?');
    await a.screenshot('data-03-a-erase-dialog');
    await a.press('Left', 'OK');
    await a.expectScreen('activation', 20_000);
    await a.screenshot('data-04-a-erased-back-to-activation');
    expect(await journey.app.db.tenant.count({ where: { reference: LAURIERS_A_TENANT } })).toBe(0);
    expect(await journey.app.db.post.count({ where: { id: help.id } })).toBe(0);
  });

  it('in Arabic, "I am interested" on a lending post opens the thread, mirrored', async () => {
    const { tokens: lender } = await tvFor('HMP-LAU-C-0102');
    const { tv: reader } = await tvFor('HMP-LAU-B-0102', 'ar');
    const response = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/feed/posts',
      headers: bearer(lender as never),
      payload: { kind: 'LEND_GIVE', title: 'Je prête une perceuse', body: 'Je prête une perceuse ce week-end' },
    });
    const lending: FeedPost = response.json();
    await reader.page.evaluate(`location.hash = '#/feed/posts/${lending.id}'`);
    await reader.expectScreen('feed-post');
    await reader.expectFocused('يهمني هذا');
    await reader.press('OK');
    await reader.expectScreen('conversation');
    await sees(reader, 'مرحبًا، منشورك يهمني!');
    await reader.expectFocused('شكرًا');
    await reader.screenshot('conversations-09-ar-thread');
    await reader.press('Back');
    await reader.expectScreen('feed-post');
    await reader.page.evaluate(`location.hash = '#/conversations'`);
    await reader.expectScreen('conversations');
    await reader.screenshot('conversations-10-ar-list');
  });
});
