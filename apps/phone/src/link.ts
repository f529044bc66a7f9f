// What the TV's QR code put in this page's address, read from the fragment (#…, never sent to a server) or the query.
//
// Two shapes:
//   ?code=K7QF-2MXD  (or #code=…)         the phone hand-off: a short single-use code from POST /api/v1/handoffs
//                                          (purpose call_camera), claimed by this page for a token good for one call;
//                                          optional &mode=call&lang=ar
//   #token=<LiveKit JWT>&url=wss://…&mode=call&lang=ar
//                                          a phone CallToken handed over directly (POST /api/v1/calls/:id/token with
//                                          participant "phone"), valid 5 minutes: for tests and tools, not for QR codes
import { isLanguage, type Language } from './i18n';

/** camera: the phone adds its camera and microphone to a call the TV holds; call: the whole call is on the phone. */
export type PhoneMode = 'camera' | 'call';

export type PhoneLink =
  | { kind: 'token'; token: string; url: string; mode: PhoneMode; language: Language | null }
  | { kind: 'code'; code: string; mode: PhoneMode; language: Language | null }
  | { kind: 'invalid'; reason: 'missing' | 'malformed' };

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const CODE = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/;

export function parsePhoneLink(hash: string, search = ''): PhoneLink {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) params.set(key, value);
  const mode: PhoneMode = params.get('mode') === 'call' ? 'call' : 'camera';
  const lang = params.get('lang');
  const language = lang && isLanguage(lang) ? lang : null;
  const token = params.get('token');
  const code = params.get('code');
  if (token !== null) {
    const url = params.get('url') ?? '';
    if (!JWT.test(token) || !/^(wss?|https?):\/\/[^\s]+$/.test(url)) return { kind: 'invalid', reason: 'malformed' };
    return { kind: 'token', token, url, mode, language };
  }
  if (code !== null) {
    const normalised = code.trim().toUpperCase().replace(/\s+/g, '');
    if (!CODE.test(normalised)) return { kind: 'invalid', reason: 'malformed' };
    return { kind: 'code', code: normalised, mode, language };
  }
  return { kind: 'invalid', reason: 'missing' };
}

export interface TokenClaims {
  /** Seconds since the epoch */
  exp: number | null;
  room: string | null;
  identity: string | null;
  /** The participant's display name: the tenant's first name */
  name: string | null;
}

/** Reads a LiveKit token's claims without checking its signature (the server does): enough to greet and to see expiry. */
export function readTokenClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as {
      exp?: number;
      sub?: string;
      name?: string;
      video?: { room?: string };
    };
    return {
      exp: typeof claims.exp === 'number' ? claims.exp : null,
      room: claims.video?.room ?? null,
      identity: claims.sub ?? null,
      name: claims.name ?? null,
    };
  } catch {
    return null;
  }
}

export function isExpired(claims: TokenClaims | null, nowMs: number): boolean {
  return !!claims?.exp && claims.exp * 1000 <= nowMs;
}

/** Only a phone identity of a tenant may be used here: a TV's or an agent's token pasted in would impersonate them. */
export function isPhoneIdentity(identity: string | null): boolean {
  return !!identity && /^tenant-[0-9a-f-]{36}-phone$/.test(identity);
}
