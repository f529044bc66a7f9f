// A neighbour of Les Lauriers answers a help request and gets an abusive private message back: on the TV they move to
// that message, see "⚑ Signaler ce message" in the key hints, and report it with the remote (a reason, no comment),
// then come back to the conversation. The moderator finds the message in the console's queue with what the
// conversation is about, reads the conversation only after giving a reason, and sees that reading in the case's
// history and in the log. Screenshots at each step.
import type { TokenResponse } from '@palier/contracts';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, requestAs, type TenantRequest } from '../support/journeys';

jest.setTimeout(180_000);

const RUDE = 'Tu es vraiment lourd, ne m’écris plus jamais, sinon gare à toi';

describe('a neighbour reports a private message from the TV', () => {
  const journey = useJourney();
  let tv: Tv | undefined;
  let console_: ConsolePage | undefined;

  const call = (tokens: TokenResponse, ...request: TenantRequest) => requestAs(journey.app, tokens, ...request);

  it('reports the other neighbour’s message with the remote; the moderator reads it in context, and the reading is logged', async () => {
    const author = await activateTv(journey.app, LAURIERS_A_TENANT);
    const helper = await activateTv(journey.app, LAURIERS_B_TENANT);
    const post = await call(author, 'POST', '/api/v1/feed/posts', {
      kind: 'HELP_REQUEST',
      title: 'Monter un meuble samedi',
      body: 'Qui peut m’aider à monter une armoire ?',
    });
    const opened = await call(helper, 'POST', '/api/v1/conversations', {
      postId: post.json().id,
      intent: 'HELP',
      message: 'Bonjour, je peux vous aider samedi matin.',
    });
    expect(opened.statusCode).toBe(201);
    const conversationId = opened.json().id as string;
    const rude = await call(author, 'POST', `/api/v1/conversations/${conversationId}/messages`, { body: RUDE });
    expect(rude.statusCode).toBe(201);

    tv = await openTvAtHome(journey.browser, journey.baseUrl, helper, { language: 'fr' });
    await tv.page.evaluate(`location.hash = '#/conversations/${conversationId}'`);
    await tv.expectScreen('conversation');
    await tv.expectConversationMessage(RUDE);
    await tv.expectFocused('Merci');
    // Across the quick replies to the messages: the newest, the neighbour's, takes the focus.
    await tv.press('Right', 'Right');
    await tv.expectFocused(RUDE);
    await tv.expectText('⚑ Signaler ce message'); // the key hints: OK reports it
    await tv.screenshot('private-report-01-message-in-focus');
    // One's own message cannot be reported: OK there does nothing, and the hint says "Choisir".
    await tv.press('Down');
    await tv.expectFocused('Bonjour, je peux vous aider samedi matin.');
    await tv.expectNoText('⚑ Signaler ce message');
    await tv.press('OK');
    await tv.page.waitForTimeout(300);
    expect((await tv.state()).route).toBe('conversation');
    await tv.press('Up');
    await tv.expectFocused(RUDE);

    await tv.press('OK');
    await tv.expectScreen('feed-report');
    await tv.expectFocused('Insulte ou harcèlement');
    expect(await tv.visibleTexts()).toContain('Signaler ce message privé');
    await tv.expectMessage(/pourront lire cette conversation pour comprendre, et c’est noté/);
    await tv.screenshot('private-report-02-reasons');
    await tv.press('OK');
    await tv.expectFocused('Envoyer sans commentaire');
    await tv.press('OK');
    await tv.expectMessage('Merci. Votre signalement a été transmis aux modérateurs.');
    await tv.expectFocused('Revenir à la conversation');
    await tv.screenshot('private-report-03-thanks');
    const reports = await journey.app.db.contentReport.findMany({ include: { case: true } });
    expect(reports.map((r) => [r.case.targetKind, r.case.targetId, r.reason, r.comment])).toEqual([
      ['MESSAGE', rude.json().id, 'ABUSE', null],
    ]);
    await tv.press('OK');
    await tv.expectScreen('conversation');
    await tv.expectConversationMessage(RUDE);

    // The moderator of the landlord finds it in the queue.
    console_ = await openConsole(journey.browser, journey.baseUrl, { viewport: { width: 1440, height: 1100 } });
    await console_.signIn(DEMO_STAFF.moderator, DEMO_STAFF_PASSWORD);
    const page = console_.page;
    await page.getByTestId('moderation-page').waitFor();
    const row = page.getByTestId('moderation-row').first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Message privé[\s\S]*1 voisin\(s\)[\s\S]*Insulte ou harcèlement/);
    await row.click();
    await page.getByTestId('moderation-content').waitFor();
    expect(await page.getByTestId('moderation-content').innerText()).toContain(RUDE);
    const detail = page.getByTestId('moderation-detail');
    expect(await detail.innerText()).toMatch(/Conversation au sujet de[\s\S]*Monter un meuble samedi/);
    // The rest of the conversation stays private until the moderator says why they read it.
    expect(await detail.innerText()).not.toContain('je peux vous aider samedi matin');
    await console_.screenshot('private-report-04-console-case');

    await page.getByTestId('moderation-conversation-reason').fill('Comprendre la menace signalée');
    await page.getByTestId('moderation-conversation-read').click();
    const conversation = page.getByTestId('moderation-conversation');
    await conversation.waitFor();
    expect(await conversation.innerText()).toMatch(/Bonjour, je peux vous aider samedi matin\.[\s\S]*Tu es vraiment lourd/);
    expect(await conversation.locator('.moderation-reported').innerText()).toContain(RUDE);
    await page.getByTestId('moderation-conversation-logged').waitFor();
    await page.getByTestId('moderation-case-actions').getByText('Comprendre la menace signalée').waitFor();
    expect(await page.getByTestId('moderation-case-actions').innerText()).toMatch(/Conversation lue[\s\S]*Comprendre la menace signalée/);
    await console_.screenshot('private-report-05-console-conversation-read');
    const reads = await journey.app.db.moderationAction.findMany({ where: { kind: 'READ_CONVERSATION' } });
    expect(reads.map((read) => [read.reason, read.staffName])).toEqual([['Comprendre la menace signalée', expect.any(String)]]);

    await page.getByTestId('moderation-tab-log').click();
    await page.getByTestId('moderation-log').getByText('Comprendre la menace signalée').waitFor();
    await console_.screenshot('private-report-06-console-log');
  });
});
