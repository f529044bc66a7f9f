import type { EServiceQuestion, Problem } from '@palier/contracts';
import { answerText, answersToSend, choicesOf, missingAnswers, refusedAnswers, resumeStep } from '../src/pages/eservices/answers';
import { eserviceTranslator } from '../src/pages/eservices/messages';

// Shaped like the contracts' ApiProblem.
class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

const question = (name: string, widget: EServiceQuestion['widget'], extra: Partial<EServiceQuestion> = {}): EServiceQuestion => ({
  name,
  widget,
  required: true,
  title: { fr: name },
  help: null,
  choices: [],
  minLength: null,
  maxLength: null,
  minimum: null,
  maximum: null,
  ...extra,
});

// The road-problem form's shape, with a number.
const kind = question('kind', 'choice', {
  choices: [
    { value: 'pothole', label: { fr: 'Nid-de-poule', en: 'Pothole' } },
    { value: 'lighting', label: { fr: 'Éclairage public en panne', en: 'Street light out' } },
  ],
});
const where = question('where', 'text', { minLength: 1, maxLength: 200 });
const noticedOn = question('noticedOn', 'date');
const dangerous = question('dangerous', 'yesNo');
const description = question('description', 'longText', { minLength: 10, maxLength: 2000 });
const copies = question('copies', 'number', { required: false, minimum: 1, maximum: 5 });
const questions = [kind, where, noticedOn, dangerous, description, copies];

const fr = eserviceTranslator('fr');
const en = eserviceTranslator('en');

const invalid = (...errors: { field: string; message: string }[]) =>
  new ApiProblem({
    type: 'https://palier.example/problems/eservice_answers_invalid',
    title: 'x',
    status: 422,
    code: 'eservice_answers_invalid',
    errors,
  } as Problem);

describe('a form’s answers in the console', () => {
  it('sends texts trimmed, numbers as numbers, and leaves empty answers out', () => {
    expect(
      answersToSend(questions, {
        kind: 'lighting',
        where: '  Rue des Lilas ',
        description: '',
        dangerous: false,
        copies: '2,5',
        extra: 'x',
      }),
    ).toEqual({ kind: 'lighting', where: 'Rue des Lilas', dangerous: false, copies: 2.5 });
    // Not a number: sent as typed, so the API's refusal names it rather than the answer vanishing.
    expect(answersToSend([copies], { copies: 'deux' })).toEqual({ copies: 'deux' });
  });

  it('resumes the tenant’s TV at the first question without an answer, the last one when all are answered', () => {
    expect(resumeStep(questions, {})).toBe(0);
    expect(resumeStep(questions, { kind: 'pothole', where: 'Ici', dangerous: false })).toBe(2);
    expect(
      resumeStep(questions, { kind: 'pothole', where: 'Ici', noticedOn: '2026-11-24', dangerous: true, description: 'x', copies: 1 }),
    ).toBe(5);
  });

  it('names the required questions left empty, not the optional ones', () => {
    expect(missingAnswers(questions, { kind: 'pothole', where: '   ', dangerous: false }, fr)).toEqual({
      where: 'Réponse obligatoire.',
      noticedOn: 'Réponse obligatoire.',
      description: 'Réponse obligatoire.',
    });
  });

  it('puts each answer the API refuses next to its question, in the console’s words when the limits explain it', () => {
    const refusal = invalid(
      { field: '/answers/description', message: 'must NOT have fewer than 10 characters' },
      { field: '/answers/copies', message: 'must be <= 5' },
      { field: '/answers/noticedOn', message: 'is required' },
      { field: '/answers/kind', message: 'must be equal to one of the allowed values' },
    );
    const answers = { kind: 'flood', description: 'Abîmé', copies: '9' };
    expect(refusedAnswers(refusal, questions, answers, fr)).toEqual({
      description: '10 caractères au moins.',
      copies: '5 au plus.',
      noticedOn: 'Réponse obligatoire.',
      kind: 'Réponse refusée (must be equal to one of the allowed values).',
    });
    expect(refusedAnswers(refusal, questions, answers, en).description).toBe('At least 10 characters.');
    // Any other failure is not about an answer.
    expect(
      refusedAnswers(new ApiProblem({ type: 'x', title: 'x', status: 403, code: 'forbidden' } as Problem), questions, answers, fr),
    ).toEqual({});
    expect(refusedAnswers(new Error('offline'), questions, answers, fr)).toEqual({});
  });

  it('offers a question’s choices, yes and no in the console’s words, and reads an answer back', () => {
    expect(choicesOf(kind, en, 'en')).toEqual([
      { value: 'pothole', label: 'Pothole' },
      { value: 'lighting', label: 'Street light out' },
    ]);
    expect(choicesOf(dangerous, fr, 'fr').map((choice) => choice.label)).toEqual(['Oui', 'Non']);
    expect(answerText(kind, 'lighting', fr, 'fr')).toBe('Éclairage public en panne');
    expect(answerText(dangerous, false, fr, 'fr')).toBe('Non');
    expect(answerText(noticedOn, '2026-11-24', fr, 'fr')).toBe('24 novembre 2026');
    expect(answerText(where, '', fr, 'fr')).toBe('—');
  });
});
