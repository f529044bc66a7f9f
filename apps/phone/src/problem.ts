// What went wrong, sorted by what the tenant can do about it. Duck-typed on the error's name, message and reason, as
// thrown by getUserMedia (DOMException), livekit-client (ConnectionError) and fetch.
import type { MessageKey } from './i18n';

export type PhoneProblem =
  | 'permissionDenied'
  | 'noDevice'
  | 'deviceBusy'
  | 'unreachable'
  | 'tokenRefused'
  | 'unsupported'
  | 'network'
  | 'linkUnknown'
  | 'callOver'
  | 'tooManyTries'
  | 'other';

export function phoneProblemOf(error: unknown): PhoneProblem {
  const name = error && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : '';
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const reason = error && typeof error === 'object' && 'reason' in error ? (error as { reason: unknown }).reason : undefined;
  const status = error && typeof error === 'object' && 'status' in error ? (error as { status: unknown }).status : undefined;
  const code = error && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (name === 'LinkRefused' && code === 'call_not_joinable') return 'callOver';
  if (name === 'LinkRefused' && status === 429) return 'tooManyTries';
  if (name === 'LinkRefused' && typeof status === 'number' && status >= 500) return 'network';
  if (name === 'LinkRefused' || status === 404 || status === 410) return 'linkUnknown';
  if (name === 'NotAllowedError' || name === 'SecurityError' || /permission (denied|dismissed)/i.test(message)) return 'permissionDenied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError' || /could not start (video|audio) source/i.test(message)) return 'deviceBusy';
  if (name === 'DeviceUnsupportedError' || /webrtc|not supported/i.test(message)) return 'unsupported';
  // livekit-client's ConnectionError: reason 0 = NotAllowed (token refused or expired), 1 = ServerUnreachable.
  if (name === 'ConnectionError' && (reason === 0 || /not allowed|invalid token|unauthori[sz]ed|expired/i.test(message)))
    return 'tokenRefused';
  if (name === 'ConnectionError') return 'unreachable';
  if (name === 'TypeError' && /fetch|network|load failed/i.test(message)) return 'network';
  return 'other';
}

export const problemMessage: Record<PhoneProblem, MessageKey> = {
  permissionDenied: 'error.permissionDenied',
  noDevice: 'error.noDevice',
  deviceBusy: 'error.deviceBusy',
  unreachable: 'error.unreachable',
  tokenRefused: 'error.tokenRefused',
  unsupported: 'error.unsupported',
  network: 'error.network',
  linkUnknown: 'error.linkUnknown',
  callOver: 'state.ended',
  tooManyTries: 'error.tooManyTries',
  other: 'error.other',
};

/** Problems that trying again on this page can fix; the others need a new QR code scan. */
export function canRetry(problem: PhoneProblem): boolean {
  return !['tokenRefused', 'linkUnknown', 'callOver', 'unsupported', 'noDevice'].includes(problem);
}
