// Turning what a failed call threw into what the staff member reads. Duck-typed so tests need no runtime contracts.
import type { Problem } from '@palier/contracts';
import type { Translate } from '../i18n/catalogue';

export function problemOf(error: unknown): Problem | undefined {
  if (error && typeof error === 'object' && 'problem' in error) {
    const problem = (error as { problem: unknown }).problem;
    if (problem && typeof problem === 'object' && typeof (problem as Problem).code === 'string') return problem as Problem;
  }
  return undefined;
}

export function isNetworkFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'NetworkFailure';
}

/** 401 from any call means the session is gone (expired, signed out elsewhere): back to the sign-in page. */
export function isSessionLost(error: unknown): boolean {
  const problem = problemOf(error);
  return !!problem && (problem.code === 'unauthenticated' || problem.code === 'invalid_token');
}

/** The API already wrote `detail` in the request's language; we only add what it cannot know (the wait, the network). */
export function problemText(error: unknown, t: Translate): string {
  if (isNetworkFailure(error)) return t('problem.network');
  const problem = problemOf(error);
  if (!problem) return t('problem.generic');
  if (problem.code === 'rate_limited' && typeof problem.retryAfterSeconds === 'number' && problem.retryAfterSeconds > 0) {
    return t('problem.rateLimitedFor', { seconds: problem.retryAfterSeconds });
  }
  // A proxy in front of the API answers with HTML or nothing when the API is down: the client then invents a bare
  // problem without detail, which means "unreachable" rather than "the API failed".
  if (problem.detail) return problem.detail;
  // The API's own problems (a typed `type`, not about:blank) carry their message in `title` when there is no detail.
  if (problem.title && problem.type && problem.type !== 'about:blank') return problem.title;
  if (problem.status >= 500) return t('problem.network');
  return t('problem.generic');
}

/** Field errors of a validation problem, keyed by the form's own field names ("/audience/id" → "audience"). */
export function fieldErrors(error: unknown): Record<string, string> {
  const problem = problemOf(error);
  const result: Record<string, string> = {};
  for (const entry of problem?.errors ?? []) {
    const field = formFieldOf(entry.field);
    if (field && !result[field]) result[field] = entry.message;
  }
  return result;
}

export function formFieldOf(path: string): string {
  const segments = path.split(/[./[\]]+/).filter((segment) => segment !== '');
  if (segments[0] === 'body') segments.shift();
  return segments[0] ?? '';
}
