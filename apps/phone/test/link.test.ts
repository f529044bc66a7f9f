import { isExpired, isPhoneIdentity, parsePhoneLink, readTokenClaims } from '../src/link';
import { canRetry, phoneProblemOf } from '../src/problem';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tenant = '6f1c2b9e-3f1a-4c55-9d7e-0a2b3c4d5e6f';
const token = (claims: object) => `${base64url({ alg: 'HS256' })}.${base64url(claims)}.c2lnbmF0dXJl`;

describe('the link from the TV’s QR code', () => {
  it('reads a phone token, the LiveKit address, the mode and the TV’s language', () => {
    const jwt = token({ sub: `tenant-${tenant}-phone` });
    expect(parsePhoneLink(`#token=${jwt}&url=${encodeURIComponent('wss://video.example.org')}&mode=call&lang=ar`)).toEqual({
      kind: 'token',
      token: jwt,
      url: 'wss://video.example.org',
      mode: 'call',
      language: 'ar',
    });
  });

  it('reads a short code, typed loosely, as a camera link by default', () => {
    expect(parsePhoneLink('#code=k7qf-2mxd')).toEqual({ kind: 'code', code: 'K7QF-2MXD', mode: 'camera', language: null });
  });

  it('reads the hand-off code the API puts in the query string of the QR code’s link', () => {
    expect(parsePhoneLink('', '?code=K7QF-2MXD')).toEqual({ kind: 'code', code: 'K7QF-2MXD', mode: 'camera', language: null });
    expect(parsePhoneLink('#mode=call&lang=en', '?code=K7QF-2MXD')).toMatchObject({ kind: 'code', mode: 'call', language: 'en' });
  });

  it('refuses an empty or damaged link rather than trying it', () => {
    expect(parsePhoneLink('')).toEqual({ kind: 'invalid', reason: 'missing' });
    expect(parsePhoneLink('#token=not-a-jwt&url=wss://x')).toEqual({ kind: 'invalid', reason: 'malformed' });
    expect(parsePhoneLink(`#token=${token({})}&url=javascript:alert(1)`)).toEqual({ kind: 'invalid', reason: 'malformed' });
    expect(parsePhoneLink('#code=12')).toEqual({ kind: 'invalid', reason: 'malformed' });
  });

  it('reads the token’s name, identity and expiry without trusting them for anything but words', () => {
    const claims = readTokenClaims(token({ sub: `tenant-${tenant}-phone`, name: 'Amina', exp: 2_000_000_000, video: { room: 'call-x' } }));
    expect(claims).toEqual({ exp: 2_000_000_000, room: 'call-x', identity: `tenant-${tenant}-phone`, name: 'Amina' });
    expect(isExpired(claims, 2_000_000_000_000)).toBe(true);
    expect(isExpired(claims, 1_999_999_999_000)).toBe(false);
    expect(readTokenClaims('a.%%%.c')).toBeNull();
  });

  it('reads a name with accents and Arabic letters', () => {
    expect(readTokenClaims(token({ name: 'Zoé' }))?.name).toBe('Zoé');
    expect(readTokenClaims(token({ name: 'أمينة' }))?.name).toBe('أمينة');
  });

  it('accepts only a tenant’s phone identity, never a TV’s or an agent’s', () => {
    expect(isPhoneIdentity(`tenant-${tenant}-phone`)).toBe(true);
    expect(isPhoneIdentity(`tenant-${tenant}`)).toBe(false);
    expect(isPhoneIdentity(`staff-${tenant}`)).toBe(false);
    expect(isPhoneIdentity(null)).toBe(false);
  });
});

describe('what went wrong on the phone', () => {
  const named = (name: string, message = '') => Object.assign(new Error(message), { name });

  it('tells a refused permission, a missing camera and a busy one apart', () => {
    expect(phoneProblemOf(named('NotAllowedError'))).toBe('permissionDenied');
    expect(phoneProblemOf(named('NotFoundError'))).toBe('noDevice');
    expect(phoneProblemOf(named('NotReadableError'))).toBe('deviceBusy');
  });

  it('tells an expired link from an unreachable server, and only offers to retry what retrying can fix', () => {
    expect(phoneProblemOf(Object.assign(named('ConnectionError', 'not allowed'), { reason: 0 }))).toBe('tokenRefused');
    expect(phoneProblemOf(Object.assign(named('ConnectionError', 'could not establish'), { reason: 1 }))).toBe('unreachable');
    expect(phoneProblemOf(Object.assign(named('LinkRefused'), { status: 404 }))).toBe('linkUnknown');
    expect(phoneProblemOf(new TypeError('Failed to fetch'))).toBe('network');
    expect(canRetry('permissionDenied')).toBe(true);
    expect(canRetry('unreachable')).toBe(true);
    expect(canRetry('tokenRefused')).toBe(false);
    expect(canRetry('linkUnknown')).toBe(false);
  });
});
