import { catalogues, direction, languages, pickLanguage, translator } from '../src/i18n';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('the phone page’s catalogues', () => {
  it('have every key in French, English and Arabic, none left empty', () => {
    const frKeys = Object.keys(catalogues.fr).sort();
    for (const language of languages) {
      const catalogue = catalogues[language];
      expect(Object.keys(catalogue).sort()).toEqual(frKeys);
      for (const key of frKeys)
        expect({ language, key, empty: catalogue[key as keyof typeof catalogue].trim() === '' }).toEqual({ language, key, empty: false });
    }
  });

  it('use the same placeholders in every language', () => {
    for (const language of languages) {
      for (const key of Object.keys(catalogues.fr) as (keyof typeof catalogues.fr)[]) {
        expect({ language, key, placeholders: placeholders(catalogues[language][key]) }).toEqual({
          language,
          key,
          placeholders: placeholders(catalogues.fr[key]),
        });
      }
    }
  });

  it('are really translated: an English or Arabic sentence is not the French one', () => {
    const same = (Object.keys(catalogues.fr) as (keyof typeof catalogues.fr)[]).filter(
      (key) => key !== 'app.name' && (catalogues.en[key] === catalogues.fr[key] || catalogues.ar[key] === catalogues.fr[key]),
    );
    expect(same).toEqual([]);
  });

  it('write Arabic right to left, the others left to right', () => {
    expect(languages.map(direction)).toEqual(['ltr', 'ltr', 'rtl']);
  });

  it('follow a choice made on the phone, then the TV’s language, then the phone’s, French by default', () => {
    expect(pickLanguage(null, null, [])).toBe('fr');
    expect(pickLanguage(null, null, ['ar-MA', 'fr-FR'])).toBe('ar');
    expect(pickLanguage('en', null, ['ar'])).toBe('en');
    expect(pickLanguage('en', 'ar', [])).toBe('ar');
    expect(pickLanguage(null, 'xx', ['de', 'en-GB'])).toBe('en');
  });

  it('greets by first name', () => {
    expect(translator('fr')('intro.greeting', { name: 'Amina' })).toBe('Bonjour Amina,');
    expect(translator('ar')('intro.greeting', { name: 'أمينة' })).toBe('مرحبًا أمينة،');
  });
});
