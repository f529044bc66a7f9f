// What the agent's call view makes of the room: who is who, which video to show, and what went wrong in words.
// No livekit-client here (plain data in, plain data out), so the rules are tested without a browser.
import type { MessageKey } from '../../i18n/catalogue';

/** The API names participants `tenant-<id>` (TV), `tenant-<id>-phone` (the tenant's phone) and `staff-<id>`. */
export type ParticipantKind = 'tenant-tv' | 'tenant-phone' | 'staff' | 'other';

export function participantKind(identity: string): ParticipantKind {
  if (/^tenant-[0-9a-f-]{36}-phone$/.test(identity)) return 'tenant-phone';
  if (/^tenant-[0-9a-f-]{36}$/.test(identity)) return 'tenant-tv';
  if (/^staff-[0-9a-f-]{36}$/.test(identity)) return 'staff';
  return 'other';
}

export interface RemoteVideo {
  identity: string;
  trackSid: string;
  muted: boolean;
}

/**
 * The tenant's camera to show: the phone's (the tenant holds it facing them) before a TV camera, a live track before a
 * muted one. Another agent's video (a supervisor listening in, later) never takes the tenant's place.
 */
export function pickTenantVideo<T extends RemoteVideo>(videos: readonly T[]): T | undefined {
  const rank = (video: T) => {
    const kind = participantKind(video.identity);
    const base = kind === 'tenant-phone' ? 0 : kind === 'tenant-tv' ? 1 : 2;
    return (video.muted ? 10 : 0) + base;
  };
  return [...videos].filter((video) => participantKind(video.identity) !== 'staff').sort((a, b) => rank(a) - rank(b))[0];
}

export type MediaProblem = 'permissionDenied' | 'noDevice' | 'deviceBusy' | 'unreachable' | 'tokenRefused' | 'unsupported' | 'other';

/**
 * Sorts an error from getUserMedia or from livekit-client's connect into what the agent can do about it. Duck-typed on
 * the error's name and message: the browser's DOMExceptions and livekit-client's ConnectionError carry them.
 */
export function mediaProblemOf(error: unknown): MediaProblem {
  const name = error && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : '';
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const reason = error && typeof error === 'object' && 'reason' in error ? (error as { reason: unknown }).reason : undefined;
  if (name === 'NotAllowedError' || name === 'SecurityError' || /permission (denied|dismissed)/i.test(message)) return 'permissionDenied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || /requested device not found/i.test(message)) return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError' || /could not start (video|audio) source/i.test(message)) return 'deviceBusy';
  if (name === 'DeviceUnsupportedError' || /webrtc|not supported/i.test(message)) return 'unsupported';
  // livekit-client's ConnectionError: reason 0 = NotAllowed (token refused), 1 = ServerUnreachable.
  if (name === 'ConnectionError' && (reason === 0 || /not allowed|invalid token|unauthori[sz]ed/i.test(message))) return 'tokenRefused';
  if (name === 'ConnectionError' || /could not (establish|connect)|websocket|timed out|failed to fetch|network/i.test(message))
    return 'unreachable';
  return 'other';
}

export const mediaProblemMessage: Record<MediaProblem, MessageKey> = {
  permissionDenied: 'media.permissionDenied',
  noDevice: 'media.noDevice',
  deviceBusy: 'media.deviceBusy',
  unreachable: 'media.unreachable',
  tokenRefused: 'media.tokenRefused',
  unsupported: 'media.unsupported',
  other: 'media.other',
};

export type Quality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

/** The worse of two qualities: the call is only as good as its weakest side. */
export function worseQuality(a: Quality, b: Quality): Quality {
  const order: Quality[] = ['lost', 'poor', 'good', 'excellent', 'unknown'];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}
