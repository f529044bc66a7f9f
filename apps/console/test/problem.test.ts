import { fieldErrors, formFieldOf, isSessionLost, problemText } from '../src/api/problem';
import { translator } from '../src/i18n/catalogue';
import type { Problem } from '@palier/contracts';

// Shaped like the contracts' ApiProblem and NetworkFailure, which load typebox (ESM only) at run time.
class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}
class NetworkFailure extends Error {
  override name = 'NetworkFailure';
}
const problem = (fields: Partial<Problem>): ApiProblem =>
  new ApiProblem({ type: 'about:blank', title: 'x', status: 400, code: 'internal', ...fields });
const t = translator('fr');

describe('what a staff member reads when a call fails', () => {
  it('shows the API’s own message, already in their language', () => {
    const wrong = problem({ status: 401, code: 'invalid_credentials', detail: 'Adresse e-mail ou mot de passe incorrect.' });
    expect(problemText(wrong, t)).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('falls back on the title of the API’s problem when it has no detail', () => {
    const wrong = problem({
      type: 'https://palier.fr/problems/invalid_credentials',
      title: 'Adresse e-mail ou mot de passe incorrect.',
      status: 401,
      code: 'invalid_credentials',
    });
    expect(problemText(wrong, t)).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('says how long to wait when rate limited', () => {
    const limited = problem({ status: 429, code: 'rate_limited', detail: 'Trop d’essais.', retryAfterSeconds: 42 });
    expect(problemText(limited, t)).toBe('Trop d’essais. Réessayez dans 42 s.');
  });

  it('says the service is unreachable when the network or a proxy fails', () => {
    expect(problemText(new NetworkFailure('network_failure'), t)).toMatch(/ne répond pas/);
    expect(problemText(problem({ status: 502, title: 'Bad Gateway' }), t)).toMatch(/ne répond pas/);
    expect(problemText(new Error('boom'), t)).toBe('Une erreur inattendue est survenue. Réessayez plus tard.');
  });

  it('knows a lost session from a refused action', () => {
    expect(isSessionLost(problem({ status: 401, code: 'unauthenticated' }))).toBe(true);
    expect(isSessionLost(problem({ status: 401, code: 'invalid_token' }))).toBe(true);
    expect(isSessionLost(problem({ status: 403, code: 'forbidden' }))).toBe(false);
    expect(isSessionLost(new NetworkFailure())).toBe(false);
  });

  it('puts each validation error under the form field it belongs to', () => {
    const invalid = problem({
      code: 'validation_failed',
      errors: [
        { field: '/validUntil', message: 'doit être après le début' },
        { field: 'body.title', message: 'trop court' },
        { field: '/audience/id', message: 'lieu inconnu' },
      ],
    });

    expect(fieldErrors(invalid)).toEqual({ validUntil: 'doit être après le début', title: 'trop court', audience: 'lieu inconnu' });
    expect(formFieldOf('title')).toBe('title');
    expect(fieldErrors(new NetworkFailure())).toEqual({});
  });
});
