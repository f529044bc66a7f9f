// The TV's side of a call: follows the API's state machine (re-reading the call on every hint), joins and leaves the
// room, and keeps state().call — what the overlay draws — true. The API decides; the TV shows and asks.
import type { CallState, CallToken, StartCallRequest, TenantCall } from '@palier/contracts/src/calls';
import { terminalCallStates } from '@palier/contracts/src/calls';
import type { EventMessage } from '@palier/contracts/src/realtime';
import { api, hasSession } from '../api/session';
import { state, type CallView } from '../store';
import { reportCallEnded } from '../testing';
import { detectCamera, joinCall, mayDoWebRtc, showRemoteVideo, webRtcSupported, type DesignBox, type JoinedCall } from './media';

/** How long the outcome ("Call ended", "Amina did not answer") stays before the tenant is back where they were. */
const OUTCOME_MS = 3500;
/** A safety net under the events: while a call is not over, re-read it this often. */
const RECHECK_MS = 8000;
/** A hand-off code is replaced this long before it expires, so the one on screen always works. */
const PHONE_CODE_MARGIN_MS = 45000;

let call: TenantCall | null = null;
let joined: JoinedCall | null = null;
let joining: string | null = null;
let recheckTimer: ReturnType<typeof setTimeout> | null = null;
let outcomeTimer: ReturnType<typeof setTimeout> | null = null;
let phoneTimer: ReturnType<typeof setTimeout> | null = null;
let reading = 0;

function isTerminal(callState: CallState): boolean {
  return terminalCallStates.indexOf(callState) !== -1;
}

function view(): CallView | null {
  return state().call;
}

/** Replaces the view as a whole, so every reader (overlay, App, tests) sees the change. */
function patch(changes: Partial<CallView>): void {
  const current = view();
  if (!current) return;
  state().call = { ...current, ...changes };
}

function phaseOf(next: TenantCall): CallView['phase'] {
  if (isTerminal(next.state)) return 'ended';
  if (next.state === 'ANSWERED') return 'live';
  return next.direction === 'INCOMING' ? 'incoming' : 'outgoing';
}

function outcomeOf(next: TenantCall): string {
  const outgoing = next.direction === 'OUTGOING';
  switch (next.state) {
    case 'MISSED':
      if (next.endReason === 'call_centre_closed') return 'callCentreClosed';
      return outgoing ? 'missedOut' : 'missedIn';
    case 'DECLINED':
      return outgoing ? 'declinedOut' : 'declinedIn';
    case 'CANCELLED':
      return 'cancelled';
    case 'FAILED':
      return 'failed';
    default:
      return 'ended';
  }
}

function viewOf(next: TenantCall, previous: CallView | null): CallView {
  const same = previous && previous.id === next.id ? previous : null;
  return {
    id: next.id,
    kind: next.kind,
    direction: next.direction,
    state: next.state,
    phase: phaseOf(next),
    peerName: next.peer.kind === 'CALL_CENTRE' ? next.peer.name : next.peer.name,
    peerBuilding: next.peer.building || '',
    fromLandlord: next.peer.kind === 'CALL_CENTRE',
    position: next.queue ? next.queue.position : 0,
    waitSeconds: next.queue ? next.queue.estimatedWaitSeconds : 0,
    media: same ? same.media : 'idle',
    remoteVideo: same ? same.remoteVideo : false,
    muted: same ? same.muted : false,
    hasMicrophone: same ? same.hasMicrophone : false,
    phoneUrl: same ? same.phoneUrl : '',
    phoneCode: same ? same.phoneCode : '',
    confirmingHangUp: same && !isTerminal(next.state) ? same.confirmingHangUp : false,
    outcome: isTerminal(next.state) ? outcomeOf(next) : '',
  };
}

/** Takes the API's word for the call: shows it, joins or leaves the room, and schedules the next check. */
function apply(next: TenantCall): void {
  const previous = view();
  // A replayed or stale hint about a call that is over and was never shown here: nothing to show.
  if (isTerminal(next.state) && (!previous || previous.id !== next.id)) return;
  if (previous && previous.id !== next.id && previous.phase !== 'ended' && !isTerminal(next.state)) {
    // Another live call while one is shown: the API allows one line per tenant, so the newer one wins.
    leaveRoom();
  }
  call = next;
  state().call = viewOf(next, previous);
  if (isTerminal(next.state)) {
    finish(next);
    return;
  }
  const isCaller = next.direction === 'OUTGOING';
  // The caller may join while waiting, so the answer connects at once; the callee joins once they answered.
  if (next.state === 'ANSWERED' || (isCaller && (next.state === 'QUEUED' || next.state === 'RINGING'))) joinRoom(next);
  // A caller's media is usually settled before the answer (joined while waiting): the phone is offered now, then.
  const shown = view();
  if (next.state === 'ANSWERED' && shown && (joined || shown.media === 'unsupported' || shown.media === 'failed')) preparePhone(next.id);
  scheduleRecheck();
}

function finish(ended: TenantCall): void {
  reportCallEnded(ended.id, ended.state, ended.endReason);
  leaveRoom();
  clearTimer('recheck');
  clearTimer('phone');
  state().callsVersion += 1;
  if (ended.state === 'MISSED' && ended.direction === 'INCOMING') refreshMissedCalls();
  clearTimer('outcome');
  outcomeTimer = setTimeout(() => {
    outcomeTimer = null;
    const current = view();
    if (current && current.id === ended.id && current.phase === 'ended') {
      state().call = null;
      call = null;
    }
  }, OUTCOME_MS);
}

function clearTimer(which: 'recheck' | 'outcome' | 'phone'): void {
  if (which === 'recheck' && recheckTimer) clearTimeout(recheckTimer);
  if (which === 'outcome' && outcomeTimer) clearTimeout(outcomeTimer);
  if (which === 'phone' && phoneTimer) clearTimeout(phoneTimer);
  if (which === 'recheck') recheckTimer = null;
  if (which === 'outcome') outcomeTimer = null;
  if (which === 'phone') phoneTimer = null;
}

function scheduleRecheck(): void {
  clearTimer('recheck');
  recheckTimer = setTimeout(() => {
    recheckTimer = null;
    if (call && !isTerminal(call.state)) reread(call.id);
  }, RECHECK_MS);
}

/** Re-reads one call from the API; answers that arrive out of order are dropped (the newest request wins). */
function reread(callId: string): Promise<void> {
  const ticket = ++reading;
  return api.call(callId).then(
    (next) => {
      if (ticket === reading) apply(next);
    },
    () => {
      // The line dropped: keep what is shown and try again soon.
      if (call && call.id === callId) scheduleRecheck();
    },
  );
}

// --- the room ---

function joinRoom(target: TenantCall): void {
  if (joined || joining === target.id) return;
  joining = target.id;
  if (!mayDoWebRtc()) {
    markUnsupported(target.id);
    return;
  }
  patch({ media: 'connecting' });
  webRtcSupported()
    .then((supported) => {
      if (!supported) throw new Error('unsupported');
      return detectCamera();
    })
    .then((camera) => api.callToken(target.id, { participant: 'tv', camera }))
    .then((token: CallToken) =>
      joinCall(token, {
        onRemoteVideo: (present) => {
          if (call && call.id === target.id) patch({ remoteVideo: present });
        },
        onDisconnected: () => {
          joined = null;
          joining = null;
          if (call && call.id === target.id) {
            patch({ media: 'failed', remoteVideo: false });
            reread(target.id);
          }
        },
      }),
    )
    .then(
      (media) => {
        if (!call || call.id !== target.id || isTerminal(call.state)) {
          media.leave().catch(() => undefined);
          return;
        }
        joined = media;
        patch({ media: 'connected', hasMicrophone: media.hasMicrophone });
        const current = view();
        if (current && current.muted) media.setMuted(true).catch(() => undefined);
        if (current && current.phase === 'live') preparePhone(target.id);
      },
      (error: unknown) => {
        joining = null;
        if (!call || call.id !== target.id) return;
        if (error instanceof Error && error.message === 'unsupported') markUnsupported(target.id);
        else {
          patch({ media: 'failed' });
          if (call.state === 'ANSWERED') preparePhone(target.id);
        }
      },
    );
}

function markUnsupported(callId: string): void {
  patch({ media: 'unsupported' });
  const current = view();
  if (current && current.phase === 'live') preparePhone(callId);
}

function leaveRoom(): void {
  joining = null;
  showRemoteVideo(null);
  if (joined) {
    const media = joined;
    joined = null;
    media.leave().catch(() => undefined);
  }
}

/**
 * The phone hand-off: a single-use code (and the QR link carrying it) that binds the tenant's phone, for this call only,
 * to a token as the tenant's second participant (camera and microphone). A fresh code comes before the last expires.
 */
function preparePhone(callId: string): void {
  if (phoneTimer) return;
  const fetchCode = () => {
    api.startHandoff({ purpose: 'call_camera', subjectId: callId }).then(
      (handoff) => {
        if (!call || call.id !== callId || isTerminal(call.state)) return;
        patch({ phoneUrl: handoff.url, phoneCode: handoff.code });
        const lifetime = new Date(handoff.expiresAt).getTime() - Date.now();
        phoneTimer = setTimeout(fetchCode, Math.max(30000, lifetime - PHONE_CODE_MARGIN_MS));
      },
      () => {
        if (call && call.id === callId && !isTerminal(call.state)) phoneTimer = setTimeout(fetchCode, 15000);
      },
    );
  };
  phoneTimer = setTimeout(fetchCode, 0);
}

// --- what the tenant does ---

function idempotencyKey(): string {
  let key = 'tv-';
  for (let i = 0; i < 24; i++) key += Math.floor(Math.random() * 36).toString(36);
  return key;
}

/** Places a call; rejects with the API's problem (closed, busy, not callable) for the calls screen to tell. */
export function startCall(to: StartCallRequest['to']): Promise<void> {
  const key = idempotencyKey();
  return api.startCall(to, key).then((started) => apply(started));
}

function act(action: 'answer' | 'decline' | 'hangUp'): void {
  const current = call;
  if (!current) return;
  const request =
    action === 'answer' ? api.answerCall(current.id) : action === 'decline' ? api.declineCall(current.id) : api.hangUp(current.id);
  request.then(
    (next) => apply(next),
    () => reread(current.id),
  );
}

export function answer(): void {
  act('answer');
}

export function decline(): void {
  act('decline');
}

export function hangUp(): void {
  patch({ confirmingHangUp: false });
  // Leave the room at once: the tenant asked to stop, whatever the network does next.
  leaveRoom();
  act('hangUp');
}

export function askHangUp(asking: boolean): void {
  patch({ confirmingHangUp: asking });
}

export function toggleMute(): void {
  const current = view();
  if (!current) return;
  const muted = !current.muted;
  patch({ muted });
  if (joined) joined.setMuted(muted).catch(() => patch({ muted: !muted }));
}

/** The ended phase: any key takes the tenant back at once rather than after the pause. */
export function dismissOutcome(): void {
  const current = view();
  if (current && current.phase === 'ended') {
    clearTimer('outcome');
    state().call = null;
    call = null;
  }
}

/** Where the overlay wants the remote video, in the design space (null: hidden). */
export function placeRemoteVideo(where: DesignBox | null): void {
  showRemoteVideo(where);
}

// --- hints from the realtime socket, and the start ---

export function handleCallEvent(event: EventMessage): void {
  if (event.name === 'call.incoming') {
    reread(event.data.callId);
  } else if (event.name === 'call.state' || event.name === 'call.position') {
    const current = view();
    // Ours, or a new one we have not seen yet (a call-back ringing, answered elsewhere…): the API says which.
    if (!current || current.id === event.data.callId || current.phase === 'ended') reread(event.data.callId);
    if (event.name === 'call.state' && event.data.state === 'MISSED') refreshMissedCalls();
  }
}

/** On start and after each reconnection: whatever call the API holds for this tenant is the truth. */
export function resumeCurrentCall(): void {
  if (!hasSession()) return;
  api.currentCall().then(
    (current) => {
      if (current.call) apply(current.call);
      else if (call && !isTerminal(call.state)) reread(call.id);
    },
    () => undefined,
  );
  refreshMissedCalls();
}

const MISSED_SEEN_KEY = 'palier.missedCallsSeenAt';

function missedSeenAt(): string {
  try {
    return window.localStorage.getItem(MISSED_SEEN_KEY) || '';
  } catch {
    return '';
  }
}

/** The badge counts missed calls newer than the last time the tenant looked at the calls screen. */
export function refreshMissedCalls(): Promise<void> {
  if (!hasSession()) return Promise.resolve();
  return api.missedCalls({ limit: 20 }).then(
    (page) => {
      const seen = missedSeenAt();
      state().missedCalls = page.items.filter((missed) => missed.createdAt > seen).length;
    },
    () => undefined,
  );
}

export function markMissedCallsSeen(latest: string): void {
  try {
    if (latest > missedSeenAt()) window.localStorage.setItem(MISSED_SEEN_KEY, latest);
  } catch {
    // storage unavailable: the badge comes back after a restart
  }
  state().missedCalls = 0;
}

/** The TV is signed out: drop the call without a word (the API ends it when the room empties). */
export function forgetCalls(): void {
  leaveRoom();
  clearTimer('recheck');
  clearTimer('outcome');
  clearTimer('phone');
  call = null;
  state().call = null;
  state().missedCalls = 0;
}
