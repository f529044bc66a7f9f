// The publish form's languages and picture: what a translation must hold and what the request carries.
import { emptyDraft, toPublishRequest, validateDraft, type NoticeDraft } from '../src/pages/notices/noticeDraft';

const valid = (changes: Partial<NoticeDraft> = {}): NoticeDraft => ({
  ...emptyDraft(),
  title: 'Coupure d’eau',
  body: 'Jeudi de 8 h à 12 h.',
  audienceId: 'building-a',
  ...changes,
});
const now = new Date(2026, 10, 26, 12, 0);
const withTexts = (en: { title: string; body: string }, ar = { title: '', body: '' }) => valid({ translations: { en, ar } });

describe('translations and picture of a notice', () => {
  it('leaves translations optional: both empty is fine and sends none', () => {
    expect(validateDraft(valid(), now)).toEqual({});
    expect(toPublishRequest(valid(), 'BUILDING')).not.toHaveProperty('translations');
    expect(toPublishRequest(valid(), 'BUILDING')).not.toHaveProperty('pictureId');
  });

  it('asks for both title and message of a language once one of them is written', () => {
    expect(validateDraft(withTexts({ title: 'Water cut', body: '' }), now)).toEqual({ en: 'validation.translationIncomplete' });
    expect(validateDraft(withTexts({ title: '', body: 'Thursday 8 to 12.' }), now)).toEqual({ en: 'validation.translationIncomplete' });
    expect(validateDraft(withTexts({ title: 'ok', body: 'Thursday 8 to 12.' }), now)).toEqual({ en: 'validation.translationIncomplete' });
    expect(validateDraft(withTexts({ title: '', body: '' }, { title: 'قطع الماء', body: '' }), now)).toEqual({
      ar: 'validation.translationIncomplete',
    });
  });

  it('sends only the languages written, trimmed, and the picture chosen', () => {
    const request = toPublishRequest(
      { ...withTexts({ title: '  Water cut ', body: ' Thursday 8 to 12. ' }), pictureId: 'picture-1' },
      'BUILDING',
    );
    expect(request.translations).toEqual({ en: { title: 'Water cut', body: 'Thursday 8 to 12.' } });
    expect(request.pictureId).toBe('picture-1');
  });
});
