// A form's answers as the console handles them, for the clerk's request view and the helper's form alike: the choices
// a question offers, the text of an answer, the answers as the API takes them, and why one is refused, in our words.
import { localized, type EServiceAnswers, type EServiceQuestion } from '@palier/contracts';
import { problemOf } from '../../api/problem';
import { localeOf, type Language } from '../../i18n/catalogue';
import type { EServiceTranslate } from './messages';

/** What a choice, multi-choice or yes/no question offers, labelled in `language` (yes/no in the console's words). */
export function choicesOf(question: EServiceQuestion, e: EServiceTranslate, language: Language): { value: string; label: string }[] {
  if (question.widget === 'yesNo')
    return [
      { value: 'true', label: e('yes') },
      { value: 'false', label: e('no') },
    ];
  return question.choices.map((choice) => ({ value: choice.value, label: localized(choice.label, language) }));
}

export function isAnswered(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    !(typeof value === 'string' && value.trim() === '') &&
    !(Array.isArray(value) && value.length === 0)
  );
}

/** An answer as a person reads it: the choice's label, Oui/Non, a date in words, "—" when there is none. */
export function answerText(question: EServiceQuestion, value: unknown, e: EServiceTranslate, language: Language): string {
  if (!isAnswered(value)) return e('noAnswer');
  const label = (one: unknown) => {
    const choice = question.choices.find((candidate) => candidate.value === one);
    return choice ? localized(choice.label, language) : String(one);
  };
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'boolean') return value ? e('yes') : e('no');
  if (question.widget === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T12:00:00`).toLocaleDateString(localeOf(language), { dateStyle: 'long' });
  return label(value);
}

/** The value an input gives, as the answer to keep while the person types: nothing for an empty field. */
export function answerFromInput(input: string | string[] | boolean | undefined): unknown {
  if (input === undefined || (typeof input === 'string' && input.trim() === '') || (Array.isArray(input) && input.length === 0))
    return undefined;
  return input;
}

/** A number typed with a comma or a dot; the text itself when it is no number (the API's refusal then shows). */
function typedNumber(value: string): number | string {
  const number = Number(value.trim().replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(number) ? number : value.trim();
}

/** The answers to send: texts trimmed, numbers as numbers, empty ones left out, only this version's questions. */
export function answersToSend(questions: readonly EServiceQuestion[], answers: EServiceAnswers): EServiceAnswers {
  const sent: EServiceAnswers = {};
  for (const question of questions) {
    const value = answers[question.name];
    if (!isAnswered(value)) continue;
    if (typeof value !== 'string') sent[question.name] = value;
    else sent[question.name] = question.widget === 'number' ? typedNumber(value) : value.trim();
  }
  return sent;
}

/**
 * Where a draft resumes on the tenant's TV: the first question not answered yet, the last one when all are (the summary,
 * `questions.length`, is reached only by going on to it).
 */
export function resumeStep(questions: readonly EServiceQuestion[], answers: EServiceAnswers): number {
  const first = questions.findIndex((question) => !isAnswered(answers[question.name]));
  return first >= 0 ? first : Math.max(questions.length - 1, 0);
}

/** The required questions left without an answer, each with the reason to show next to it. */
export function missingAnswers(
  questions: readonly EServiceQuestion[],
  answers: EServiceAnswers,
  e: EServiceTranslate,
): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const question of questions)
    if (question.required && !isAnswered(answers[question.name])) missing[question.name] = e('answerRequired');
  return missing;
}

/**
 * Why the API refused an answer, in the console's words when the question's own limits explain it (the API's checks are
 * JSON Schema's, worded in English); else its message as given.
 */
export function refusalText(question: EServiceQuestion, value: unknown, apiMessage: string, e: EServiceTranslate): string {
  if (!isAnswered(value)) return question.required ? e('answerRequired') : e('answerRefused', { reason: apiMessage });
  if (question.widget === 'number') {
    const number = typeof value === 'string' ? typedNumber(value) : value;
    if (typeof number !== 'number') return e('answerNotANumber');
    if (question.minimum !== null && number < question.minimum) return e('answerBelow', { min: question.minimum });
    if (question.maximum !== null && number > question.maximum) return e('answerAbove', { max: question.maximum });
    return e('answerRefused', { reason: apiMessage });
  }
  if (typeof value === 'string') {
    const length = Array.from(value.trim()).length;
    if (question.minLength !== null && length < question.minLength) return e('answerTooShort', { min: question.minLength });
    if (question.maxLength !== null && length > question.maxLength) return e('answerTooLong', { max: question.maxLength });
    if (question.widget === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return e('answerNotADate');
  }
  return e('answerRefused', { reason: apiMessage });
}

/**
 * The answers an `eservice_answers_invalid` problem names (`errors[].field` = `/answers/<question>`), each with the
 * reason to show next to its question; empty for any other failure.
 */
export function refusedAnswers(
  error: unknown,
  questions: readonly EServiceQuestion[],
  answers: EServiceAnswers,
  e: EServiceTranslate,
): Record<string, string> {
  const problem = problemOf(error);
  const refused: Record<string, string> = {};
  if (problem?.code !== 'eservice_answers_invalid') return refused;
  for (const entry of problem.errors ?? []) {
    const name = /^\/answers\/([^/]+)/.exec(entry.field)?.[1];
    const question = questions.find((candidate) => candidate.name === name);
    if (question && !refused[question.name]) refused[question.name] = refusalText(question, answers[question.name], entry.message, e);
  }
  return refused;
}
