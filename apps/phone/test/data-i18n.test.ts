// The data page's words: every key in the three languages, the same placeholders, and the language picked as the TV asks.
import { dataLanguage, dataText, type DataLanguage, type DataMessage } from '../src/data/i18n';

const languages: DataLanguage[] = ['fr', 'en', 'ar'];
const keys: DataMessage[] = ['title', 'help', 'download', 'downloaded', 'section.posts', 'failed', 'refused', 'controller'];

describe('the data page’s words', () => {
  it('are translated in every language with the same placeholders', () => {
    for (const key of keys) {
      const texts = languages.map((language) => dataText(language, key));
      expect(new Set(texts).size).toBe(3);
      const placeholders = texts.map((text) => (text.match(/\{\w+\}/g) ?? []).sort().join());
      expect(new Set(placeholders).size).toBe(1);
    }
  });

  it('fills values and follows the TV’s language, then the phone’s', () => {
    expect(dataText('fr', 'section.posts', { count: 3 })).toBe('Annonces publiées : 3');
    expect(dataLanguage('ar', ['fr-FR'])).toBe('ar');
    expect(dataLanguage(null, ['en-GB', 'fr'])).toBe('en');
    expect(dataLanguage(null, ['de-DE'])).toBe('fr');
  });
});
