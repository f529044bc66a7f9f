import {
  catalogues,
  direction,
  fill,
  formatDateTime,
  formatNumber,
  formatTime,
  homes,
  languages,
  pickLanguage,
  translator,
} from '../src/i18n/catalogue';
import { agendaCatalogues, dayHeading } from '../src/pages/agenda/messages';
import { eserviceCatalogues } from '../src/pages/eservices/messages';
import { helpingCatalogues } from '../src/pages/helping/messages';
import { moderationCatalogues } from '../src/pages/moderation/messages';
import { reportCatalogues } from '../src/pages/reports/messages';
import { floorLabel } from '../src/pages/calls/callQueue';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

/** The shell's catalogue and every page's own one: each must speak French, English and Arabic. */
const everyCatalogue: Record<string, Record<string, Record<string, string>>> = {
  shell: catalogues,
  agenda: agendaCatalogues,
  eservices: eserviceCatalogues,
  helping: helpingCatalogues,
  moderation: moderationCatalogues,
  reports: reportCatalogues,
};
const arabicLetter = /[\u0600-\u06FF]/;

describe('the console’s catalogues', () => {
  it('speak French, English and Arabic', () => {
    expect(languages).toEqual(['fr', 'en', 'ar']);
  });

  it.each(Object.keys(everyCatalogue))('%s: every key in every language, none left empty', (name) => {
    const byLanguage = everyCatalogue[name]!;
    const frKeys = Object.keys(byLanguage.fr!).sort();
    for (const language of languages) {
      const catalogue = byLanguage[language]!;
      expect({ language, keys: Object.keys(catalogue).sort() }).toEqual({ language, keys: frKeys });
      for (const key of frKeys) expect({ language, key, text: catalogue[key]!.trim() }).not.toEqual({ language, key, text: '' });
    }
  });

  it.each(Object.keys(everyCatalogue))('%s: the same placeholders in every language', (name) => {
    const byLanguage = everyCatalogue[name]!;
    for (const key of Object.keys(byLanguage.fr!)) {
      for (const language of languages) {
        expect({ language, key, placeholders: placeholders(byLanguage[language]![key]!) }).toEqual({
          language,
          key,
          placeholders: placeholders(byLanguage.fr![key]!),
        });
      }
    }
  });

  it.each(Object.keys(everyCatalogue))('%s: Arabic is written in Arabic, not left in French or English', (name) => {
    const { fr, en, ar } = everyCatalogue[name]!;
    // Names the same in every language ("Palier", "Français") and texts without words ("{name}", "—") stay as they are.
    const words = (text: string) => /[A-Za-zÀ-ÿ]{3}/.test(text.replace(/\{\w+\}/g, ''));
    const sameEverywhere = (key: string) => ar![key] === fr![key] && ar![key] === en![key];
    const untranslated = Object.keys(fr!).filter((key) => !arabicLetter.test(ar![key]!) && words(ar![key]!) && !sameEverywhere(key));
    expect(untranslated).toEqual([]);
  });

  it('name every notice category, place kind and staff role', () => {
    const t = translator('fr');
    expect(['WORKS', 'OUTAGE', 'SAFETY', 'EVENT', 'INFORMATION'].map((c) => t(`category.${c}` as never))).toEqual([
      'Travaux',
      'Coupure',
      'Sécurité',
      'Événement',
      'Information',
    ]);
  });

  it('fills placeholders and leaves a missing one visible', () => {
    expect(fill('{read} / {target} foyers ont lu', { read: 3, target: 12 })).toBe('3 / 12 foyers ont lu');
    expect(fill('Réessayez dans {seconds} s.')).toBe('Réessayez dans {seconds} s.');
  });

  it('counts homes in words', () => {
    const t = translator('fr');
    expect([0, 1, 2].map((count) => homes(t, count))).toEqual(['aucun foyer', '1 foyer', '2 foyers']);
    expect(homes(translator('en'), 1200)).toBe('1,200 homes');
  });

  it('speaks French unless told otherwise', () => {
    expect(pickLanguage(null, [])).toBe('fr');
    expect(pickLanguage(null, ['de-DE', 'en-US', 'fr-FR'])).toBe('en');
    expect(pickLanguage(null, ['ar-MA', 'fr-FR'])).toBe('ar');
    expect(pickLanguage('ar', ['fr-FR'])).toBe('ar');
    expect(pickLanguage(null, ['de-DE'])).toBe('fr');
    expect(pickLanguage('fr', ['en-GB'])).toBe('fr');
    expect(pickLanguage('xx', ['en-GB'])).toBe('en');
  });
});

describe('the console in Arabic', () => {
  it('turns the page right to left, and back', () => {
    expect(languages.map(direction)).toEqual(['ltr', 'ltr', 'rtl']);
  });

  it('writes dates, times and numbers with Western digits, as staff in France read them', () => {
    const at = '2026-03-05T13:07:00Z';
    for (const text of [formatDateTime(at, 'ar'), formatTime(at, 'ar'), formatNumber(1200, 'ar'), dayHeading('2026-03-05', 'ar')]) {
      expect(text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
      expect(text).toMatch(/[0-9]/);
    }
    expect(formatDateTime(at, 'ar')).toMatch(arabicLetter);
    expect(dayHeading('2026-03-05', 'ar')).toMatch(/الخميس/);
    expect(homes(translator('ar'), 12)).toBe('12 مسكن');
  });

  it('names floors without a French or English ordinal', () => {
    const t = translator('ar');
    expect([0, 1, 3, -1].map((floor) => floorLabel(floor, t))).toEqual(['الطابق الأرضي', 'الطابق الأول', 'الطابق 3', 'الطابق السفلي 1']);
  });
});
