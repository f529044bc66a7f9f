// Turns any API failure into a message from the catalogue the tenant can understand, and what to offer next.
import { ApiProblem, NetworkFailure } from '@palier/contracts/src/client';
import type { Catalogue } from '../i18n';

export type FailureKind = 'network' | 'session' | 'notFound' | 'rateLimited' | 'unavailable' | 'forbidden' | 'generic';

export function failureKind(error: unknown): FailureKind {
  if (error instanceof NetworkFailure) return 'network';
  if (error instanceof ApiProblem) {
    switch (error.code) {
      case 'invalid_token':
      case 'unauthenticated':
        return 'session';
      case 'not_found':
        return 'notFound';
      case 'rate_limited':
        return 'rateLimited';
      case 'unavailable':
        return 'unavailable';
      case 'forbidden':
      case 'out_of_scope':
        return 'forbidden';
      default:
        return error.status >= 500 ? 'unavailable' : 'generic';
    }
  }
  return 'generic';
}

export function failureMessage(error: unknown, t: Catalogue): string {
  switch (failureKind(error)) {
    case 'network':
      return t.errors.network;
    case 'session':
      return t.errors.sessionExpired;
    case 'notFound':
      return t.errors.notFound;
    case 'rateLimited':
      return t.errors.rateLimited;
    case 'unavailable':
      return t.errors.unavailable;
    case 'forbidden':
      return t.errors.forbidden;
    default:
      return t.errors.generic;
  }
}
