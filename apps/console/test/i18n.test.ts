import { catalogues, fill, homes, languages, pickLanguage, translator } from '../src/i18n/catalogue';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('the console’s catalogues', () => {
  it('have every key in French and in English, none left empty', () => {
    const frKeys = Object.keys(catalogues.fr).sort();
    for (const language of languages) {
      const catalogue = catalogues[language];
      expect(Object.keys(catalogue).sort()).toEqual(frKeys);
      for (const key of frKeys) expect(catalogue[key as keyof typeof catalogue].trim()).not.toBe('');
    }
  });

  it('use the same placeholders in every language', () => {
    for (const key of Object.keys(catalogues.fr) as (keyof typeof catalogues.fr)[]) {
      expect({ key, placeholders: placeholders(catalogues.en[key]) }).toEqual({ key, placeholders: placeholders(catalogues.fr[key]) });
    }
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
    expect(pickLanguage(null, ['ar'])).toBe('fr');
    expect(pickLanguage('fr', ['en-GB'])).toBe('fr');
    expect(pickLanguage('xx', ['en-GB'])).toBe('en');
  });
});
