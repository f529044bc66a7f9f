// The rules of the "people I help" page that do not need React: what a failed call means for the mandate, the
// answers a helper gives again to a clerk's named questions, the list's merge of keyset pages and its live changes.
import type { EServiceQuestion, HelpedTenant, MandateChangedEvent } from '@palier/contracts';
import { problemOf } from '../../api/problem';

/** The tenant withdrew the right: every route under /api/v1/mandates/:id/… answers 403 mandate_withdrawn from then on. */
export function isMandateWithdrawn(error: unknown): boolean {
  return problemOf(error)?.code === 'mandate_withdrawn';
}

/** Questions a helper can answer again from the console with a plain field; choices stay with the tenant's TV. */
const TYPED_WIDGETS = ['text', 'longText', 'number', 'date'] as const;

export function typedQuestions(questions: readonly EServiceQuestion[], named: readonly string[]): EServiceQuestion[] {
  return questions.filter((question) => named.includes(question.name) && (TYPED_WIDGETS as readonly string[]).includes(question.widget));
}

/** The answers to send: only the fields filled in, numbers as numbers (the API validates against the form's version). */
export function answersFrom(questions: readonly EServiceQuestion[], values: Record<string, string>): Record<string, string | number> {
  const answers: Record<string, string | number> = {};
  for (const question of questions) {
    const value = values[question.name]?.trim();
    if (!value) continue;
    answers[question.name] = question.widget === 'number' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return answers;
}

/** Adds a page to the list, replacing rows already shown (a mandate re-read after its withdrawal moves down). */
export function mergeHelped(shown: readonly HelpedTenant[], page: readonly HelpedTenant[]): HelpedTenant[] {
  const ids = new Set(page.map((item) => item.id));
  return [...shown.filter((item) => !ids.has(item.id)), ...page];
}

/** Marks one mandate withdrawn in the list as soon as an action learns it, without waiting for a reload. */
export function markWithdrawn(shown: readonly HelpedTenant[], mandateId: string, at: string): HelpedTenant[] {
  return shown.map((item) => (item.id === mandateId && item.active ? { ...item, active: false, withdrawnAt: at } : item));
}

/** A mandate the tenant narrowed or withdrew while the list is shown (realtime): that row changes in place. */
export function applyMandateChange(shown: readonly HelpedTenant[], change: MandateChangedEvent['data']): HelpedTenant[] {
  if (change.change === 'withdrawn') return markWithdrawn(shown, change.mandateId, change.at);
  return shown.map((item) => (item.id === change.mandateId && item.active ? { ...item, scopes: change.scopes } : item));
}
