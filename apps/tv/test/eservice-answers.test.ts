// How the TV wizard shows answers and checks typed ones before sending them (the API checks them again).
import type { EServiceQuestion } from '@palier/contracts/src/eservices';
import { answerText, typedAnswer } from '../src/eservices/answers';
import { eserviceWords } from '../src/i18n/eservices';

const words = eserviceWords('fr');
const question = (overrides: Partial<EServiceQuestion>): EServiceQuestion => ({
  name: 'q',
  widget: 'text',
  required: true,
  title: { fr: 'Question' },
  help: null,
  choices: [],
  minLength: null,
  maxLength: null,
  minimum: null,
  maximum: null,
  ...overrides,
});

describe('the wizard’s answers', () => {
  it('shows choices by their label in the TV’s language, dates in words, yes/no and missing answers', () => {
    const kind = question({ widget: 'choice', choices: [{ value: 'lighting', label: { fr: 'Éclairage', ar: 'إنارة' } }] });
    expect(answerText(kind, 'lighting', words, 'fr')).toBe('Éclairage');
    expect(answerText(kind, 'lighting', eserviceWords('ar'), 'ar')).toBe('إنارة');
    expect(answerText(question({ widget: 'date' }), '2026-11-25', words, 'fr')).toBe('25 novembre 2026');
    expect(answerText(question({ widget: 'yesNo' }), false, words, 'fr')).toBe('Non');
    expect(answerText(question({ widget: 'multiChoice', choices: kind.choices }), [], words, 'fr')).toBe('(pas de réponse)');
  });

  it('refuses an empty required answer, a too short one and a number that is not one; skips an empty optional one', () => {
    expect(typedAnswer(question({}), '  ', words)).toEqual({ ok: false, reason: words.required });
    expect(typedAnswer(question({ minLength: 10 }), 'Un peu', words)).toEqual({ ok: false, reason: 'Écrivez au moins 10 caractères.' });
    expect(typedAnswer(question({ widget: 'number' }), '12a', words)).toEqual({ ok: false, reason: words.notANumber });
    expect(typedAnswer(question({ widget: 'number' }), '3,5', words)).toEqual({ ok: true, value: 3.5 });
    expect(typedAnswer(question({ required: false }), '', words)).toEqual({ ok: true, value: undefined });
    expect(typedAnswer(question({}), ' Devant le 12 ', words)).toEqual({ ok: true, value: 'Devant le 12' });
  });
});
