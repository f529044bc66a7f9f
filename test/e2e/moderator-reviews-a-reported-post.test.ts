// Three neighbours report an abusive post, which disappears from the feed; the moderator of Les Lauriers finds it in the
// console's queue with its context, deletes it with a reason and suspends its author; the author is told on the TV
// (personal notice); the log shows it; the moderator forbids a new word. Screenshots at each step.
import type { TokenResponse } from '@palier/contracts';
import { useJourney } from './support/journey';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, requestAs, type TenantRequest } from '../support/journeys';

jest.setTimeout(120_000);

describe('a moderator reviews a reported post', () => {
  const journey = useJourney();
  let console_: ConsolePage;

  const call = (tokens: TokenResponse, ...request: TenantRequest) => requestAs(journey.app, tokens, ...request);

  it('goes from three reports to a deleted post, a suspended author who is told, and a logged decision', async () => {
    const author = await activateTv(journey.app, LAURIERS_B_TENANT);
    const neighbours = await Promise.all(
      [LAURIERS_A_TENANT, 'HMP-LAU-B-0102', 'HMP-LAU-A-0101'].map((ref) => activateTv(journey.app, ref)),
    );
    const question = await call(neighbours[0]!, 'POST', '/api/v1/feed/posts', {
      kind: 'HELP_REQUEST',
      title: 'Qui a vu mon chat ?',
      body: 'Un chat roux, il s’appelle Caramel.',
    });
    const reply = await call(author, 'POST', `/api/v1/feed/posts/${question.json().id}/replies`, {
      body: 'Ton chat pue, et toi aussi. Ne remets plus les pieds dans le hall.',
    });
    expect(reply.statusCode).toBe(201);
    const comments = ['Menace contre une voisine', undefined, 'Il recommence'];
    for (const [i, who] of [neighbours[0]!, neighbours[1]!, neighbours[2]!].entries()) {
      const reported = await call(who, 'POST', '/api/v1/moderation/reports', {
        target: { kind: 'REPLY', id: reply.json().id },
        reason: i === 1 ? 'DANGEROUS' : 'ABUSE',
        ...(comments[i] ? { comment: comments[i] } : {}),
      });
      expect(reported.statusCode).toBe(201);
    }
    const replies = await call(neighbours[1]!, 'GET', `/api/v1/feed/posts/${question.json().id}/replies`);
    expect(replies.json().items).toHaveLength(0); // hidden for everyone

    console_ = await openConsole(journey.browser, journey.baseUrl, { viewport: { width: 1440, height: 1000 } });
    await console_.signIn(DEMO_STAFF.moderator, DEMO_STAFF_PASSWORD);
    const page = console_.page;
    await page.getByTestId('moderation-page').waitFor();
    const row = page.getByTestId('moderation-row').first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Réponse[\s\S]*3 voisin\(s\)[\s\S]*Masqué[\s\S]*Insulte ou harcèlement[\s\S]*Contenu dangereux/);
    await console_.screenshot('moderation-01-queue');

    await row.click();
    await page.getByTestId('moderation-content').waitFor();
    expect(await page.getByTestId('moderation-content').innerText()).toContain('Ton chat pue');
    expect(await page.getByTestId('moderation-detail').innerText()).toContain('Qui a vu mon chat ?'); // the post it answers
    expect(await page.getByTestId('moderation-author').innerText()).toMatch(/Bâtiment B — Les Lauriers/);
    expect(await page.getByTestId('moderation-reports').innerText()).toContain('« Menace contre une voisine »');
    expect(await page.getByTestId('moderation-case-actions').innerText()).toMatch(/Masqué automatiquement/);
    await console_.screenshot('moderation-02-detail');

    // No reason, no decision.
    await page.getByTestId('moderation-decide-DELETE').click();
    await page.getByText('Écrivez le motif de votre décision').waitFor();
    await console_.screenshot('moderation-03-reason-required');
    await page.getByTestId('moderation-reason').fill('Menaces envers une voisine : interdit par la charte.');
    await page.getByTestId('moderation-decide-DELETE').click();
    await page.getByTestId('moderation-detail-status').getByText('Supprimé').waitFor();
    await page.getByTestId('moderation-reason').fill('Menaces répétées : une semaine sans publier.');
    await page.getByTestId('moderation-decide-SUSPEND').click();
    await page
      .getByTestId('moderation-author')
      .getByText(/Publications suspendues jusqu’au/)
      .waitFor();
    expect(await page.getByTestId('moderation-author-history').innerText()).toMatch(/Suspendu jusqu’au[\s\S]*Supprimé/);
    await console_.screenshot('moderation-04-deleted-and-suspended');
    expect(await page.getByTestId('moderation-queue').innerText()).toBe(''); // out of the open queue

    // The author reads why on the TV, and cannot post meanwhile.
    const notices = (await call(author, 'GET', '/api/v1/notices?limit=50')).json();
    const titles = notices.items.map((notice: { title: string }) => notice.title);
    expect(titles).toEqual(expect.arrayContaining(['Un de vos messages a été supprimé', 'Vos publications sont suspendues']));
    const refused = await call(author, 'POST', '/api/v1/feed/posts', { kind: 'DISCUSSION', title: 'Bonjour', body: 'Coucou' });
    expect(refused.json().code).toBe('posting_suspended');

    await page.getByTestId('moderation-tab-log').click();
    await page.getByTestId('moderation-log').waitFor();
    const log = await page.getByTestId('moderation-log').innerText();
    expect(log).toMatch(/Suspendu jusqu’au[\s\S]*Julien Fabre[\s\S]*Menaces répétées/);
    expect(log).toMatch(/Masqué automatiquement[\s\S]*Palier \(seuil de signalements\)/);
    await console_.screenshot('moderation-05-log');

    await page.getByTestId('moderation-tab-words').click();
    await page.getByTestId('moderation-word-list').getByText('connard').waitFor();
    await page.getByTestId('moderation-word-input').fill('Pue');
    await page.getByTestId('moderation-word-add').click();
    await page.getByText('« Pue » est interdit.').waitFor();
    // The list is re-read after the confirmation shows: wait for it rather than race it.
    const newest = page.getByTestId('moderation-word-list').locator('li').first();
    await newest.filter({ hasText: /^Pue/ }).waitFor({ timeout: 10_000 });
    expect(await newest.innerText()).toMatch(/^Pue/);
    await console_.screenshot('moderation-06-forbidden-words');
    const blocked = await call(neighbours[1]!, 'POST', `/api/v1/feed/posts/${question.json().id}/replies`, { body: 'Ça PUE ici' });
    expect(blocked.json()).toMatchObject({ code: 'forbidden_word', word: 'Pue' });
  });
});
