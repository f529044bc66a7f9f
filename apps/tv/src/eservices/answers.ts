// How the wizard reads a form: the text of a localized label, an answer as the tenant sees it, and what a typed answer
// must be before it is sent. Types only from the contracts: the TV bundle leaves typebox out.
import type { EServiceQuestion } from '@palier/contracts/src/eservices';
import type { EServiceWords } from '../i18n/eservices';

export function localized(text: { fr: string; en?: string; ar?: string } | null | undefined, language: string): string {
  if (!text) return '';
  const value = (text as Record<string, string | undefined>)[language];
  return value || text.fr;
}

/** "26 novembre 2026" from 2026-11-26, with the catalogue's month names (no Intl needed on old TVs). */
export function formatAnswerDate(iso: string, words: EServiceWords): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return Number(match[3]) + ' ' + (words.months.split(',')[Number(match[2]) - 1] || match[2]) + ' ' + match[1];
}

export function answerText(question: EServiceQuestion, value: unknown, words: EServiceWords, language: string): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return words.noAnswer;
  const label = (choice: string) => {
    const found = question.choices.filter((one) => one.value === choice)[0];
    return found ? localized(found.label, language) : choice;
  };
  switch (question.widget) {
    case 'choice':
      return label(String(value));
    case 'multiChoice':
      return (value as string[]).map(label).join(', ');
    case 'yesNo':
      return value === true ? words.answerYes : words.answerNo;
    case 'date':
      return formatAnswerDate(String(value), words);
    default:
      return String(value);
  }
}

/** A typed answer checked as the API will (required, length, number): the reason in words, or the value to keep. */
export function typedAnswer(
  question: EServiceQuestion,
  text: string,
  words: EServiceWords,
): { ok: true; value: string | number | undefined } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!trimmed) return question.required ? { ok: false, reason: words.required } : { ok: true, value: undefined };
  if (question.widget === 'number') {
    const number = Number(trimmed.replace(',', '.'));
    if (isNaN(number)) return { ok: false, reason: words.notANumber };
    return { ok: true, value: number };
  }
  if (question.minLength !== null && Array.from(trimmed).length < question.minLength)
    return { ok: false, reason: words.tooShort.replace('{min}', String(question.minLength)) };
  return { ok: true, value: trimmed };
}
