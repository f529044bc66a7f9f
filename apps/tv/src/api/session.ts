// The TV's session with the API: tokens kept in localStorage, one refresh at a time on invalid_token, sign-out when it fails.
import { ApiProblem, NetworkFailure, PalierClient } from '@palier/contracts/src/client';
import type { TokenResponse } from '@palier/contracts/src/auth';
import { apiBaseUrl } from './config';
import { listenerSet } from './listeners';
import { state } from '../store';

const TOKENS_KEY = 'palier.tokens';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

let tokens: StoredTokens | null = readTokens();
let refreshing: Promise<boolean> | null = null;
const signedOutListeners = listenerSet<void>('sign-out');

function readTokens(): StoredTokens | null {
  try {
    const raw = window.localStorage.getItem(TOKENS_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredTokens;
    return parsed && parsed.accessToken && parsed.refreshToken ? parsed : null;
  } catch {
    return null;
  }
}

function writeTokens(next: StoredTokens | null): void {
  tokens = next;
  try {
    if (next) window.localStorage.setItem(TOKENS_KEY, JSON.stringify(next));
    else window.localStorage.removeItem(TOKENS_KEY);
  } catch {
    // kept in memory for this run
  }
}

export const api = new PalierClient({
  baseUrl: apiBaseUrl(),
  language: () => state().language,
  accessToken: () => (tokens ? tokens.accessToken : undefined),
  onInvalidToken: () => refreshSession(),
});

export function hasSession(): boolean {
  return tokens !== null;
}

export function accessToken(): string | undefined {
  return tokens ? tokens.accessToken : undefined;
}

export function storeTokens(response: TokenResponse): void {
  writeTokens({
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: Date.now() + response.expires_in * 1000,
  });
}

export const onSignedOut = signedOutListeners.on;

/** Forgets the tokens and tells the app to show the activation screen again. */
export function signOut(): void {
  writeTokens(null);
  signedOutListeners.emit();
}

/**
 * Refreshes the tokens once, however many requests asked at the same time. Resolves true when new tokens are stored;
 * a refused refresh signs the TV out; a network failure is thrown so the caller shows "connection lost", not "signed out".
 */
export function refreshSession(): Promise<boolean> {
  if (refreshing) return refreshing;
  const current = tokens;
  if (!current) return Promise.resolve(false);
  refreshing = api
    .refreshTokens(current.refreshToken)
    .then((result) => {
      if (result.ok) {
        storeTokens(result.tokens);
        return true;
      }
      signOut();
      return false;
    })
    .then(
      (ok) => {
        refreshing = null;
        return ok;
      },
      (error: unknown) => {
        refreshing = null;
        if (error instanceof ApiProblem && error.status < 500) signOut();
        throw error;
      },
    );
  return refreshing;
}

/** A failed request that means the session is gone for good (refresh already tried by the client). */
export function isSessionLost(error: unknown): boolean {
  return error instanceof ApiProblem && (error.code === 'invalid_token' || error.code === 'unauthenticated');
}

export { ApiProblem, NetworkFailure };
