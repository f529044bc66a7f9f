// A tenant describes a fault in their own words with the on-screen keyboard: "Bonjour à tous" with the remote in
// French (capital first, an accent, spaces), an Arabic word in Arabic (right to left), digits from the remote's digit
// keys, a computer's keyboard, erase, the character limit's counter. Screenshots in test-output/screenshots.
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { LAURIERS_A_TENANT, activateTv } from '../support/journeys';

jest.setTimeout(180_000);

describe('a tenant types with the on-screen keyboard', () => {
  const journey = useJourney();

  /** Home → Démarches → Signaler un problème → first category, place and urgency → "write it myself". */
  async function openTheKeyboard(language: 'fr' | 'ar', writeOwn: string): Promise<Tv> {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language });
    await tv.press(language === 'ar' ? 'Left' : 'Right', language === 'ar' ? 'Left' : 'Right', 'OK');
    await tv.expectScreen('procedures');
    await tv.press('OK', 'OK', 'OK', 'OK');
    // The ready-made sentences come first; writing is the last choice.
    for (let i = 0; i < 8 && (await tv.state()).focused !== writeOwn; i += 1) await tv.press('Down');
    await tv.expectFocused(writeOwn);
    await tv.press('OK');
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    return tv;
  }

  it('types "Bonjour à tous" with the remote in French, then digits, a computer keyboard and erase', async () => {
    const tv = await openTheKeyboard('fr', 'Écrire moi-même');
    const opened = await tv.state();
    expect(opened.keyboard!.layout).toBe('latin');
    expect(opened.focused).toBe('A'); // a capital for the first letter, the focus on the first letter
    await tv.screenshot('keyboard-01-fr-open');

    await tv.typeWithRemote('Bonjour à tous');
    let state = await tv.state();
    expect(state.keyboard!.text).toBe('Bonjour à tous');
    expect(state.keyboard!.capitals).toBe(false); // small letters after the first one, without asking
    await tv.screenshot('keyboard-02-fr-bonjour-a-tous');

    // Digit keys of the remote type digits where the focus is; a computer's keyboard types too; Backspace erases.
    await tv.press('1', '2');
    await tv.page.keyboard.type(' Rue Victor-Hugo!');
    await tv.press('Backspace');
    state = await tv.state();
    expect(state.keyboard!.text).toBe('Bonjour à tous12 Rue Victor-Hugo');
    expect(await tv.byTestId('report-keyboard-counter').getAttribute('data-testid')).toBe('report-keyboard-counter');

    // "Terminé" takes the text as the description: on to the photos.
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.expectFocused('Terminé');
    await tv.press('OK');
    await tv.expectMessage(/tapez le code/);
    await tv.close();
  });

  it('types an Arabic word with the remote in Arabic, right to left', async () => {
    const tv = await openTheKeyboard('ar', 'أكتب بنفسي');
    const opened = await tv.state();
    expect(opened.keyboard!.layout).toBe('arabic');
    expect(opened.dir).toBe('rtl');
    await tv.typeWithRemote('مرحبا');
    const state = await tv.state();
    expect(state.keyboard!.text).toBe('مرحبا');
    await tv.screenshot('keyboard-03-ar-marhaba');

    // The layout key switches to Latin letters and back.
    await tv.goToKey((label) => label === '[layout]', '[layout]');
    await tv.press('OK');
    await tv.waitFor('the Latin layout', (s) => s.keyboard!.layout === 'latin');
    await tv.screenshot('keyboard-04-ar-latin-layout');
    await tv.press('OK');
    await tv.waitFor('the Arabic layout', (s) => s.keyboard!.layout === 'arabic');
    // Back leaves the keyboard for the ready-made sentences.
    await tv.press('Back');
    await tv.waitFor('the sentences', (s) => s.focused !== '' && !/\[/.test(s.focused) && s.message.indexOf('صف المشكلة') === 0);
    await tv.close();
  });
});
