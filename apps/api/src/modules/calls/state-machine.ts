// The call state machine: which action may move a call of which kind from which state, and to where. Pure, no I/O.
//
//   REQUESTED ──route──▶ QUEUED (call-centre) ──claim──▶ ANSWERED ──hang_up──▶ ENDED
//       │     └─route──▶ RINGING (neighbour, call-back) ──answer──▶ ANSWERED
//       │                    ├─decline──▶ DECLINED
//       │                    └─time_out─▶ MISSED          (QUEUED ─time_out─▶ MISSED too: the call-centre closed)
//       └── cancel (REQUESTED, QUEUED, RINGING) ──▶ CANCELLED;  fail (any live state) ──▶ FAILED
import type { CallKind, CallState, ProblemCode } from '@palier/contracts';

export type CallAction = 'route' | 'claim' | 'answer' | 'decline' | 'cancel' | 'hang_up' | 'time_out' | 'fail';

export const callActions: readonly CallAction[] = ['route', 'claim', 'answer', 'decline', 'cancel', 'hang_up', 'time_out', 'fail'];

export const TERMINAL_STATES: readonly CallState[] = ['ENDED', 'MISSED', 'DECLINED', 'CANCELLED', 'FAILED'];
export const LIVE_STATES: readonly CallState[] = ['REQUESTED', 'QUEUED', 'RINGING', 'ANSWERED'];

export type TransitionResult = { ok: true; from: CallState; to: CallState } | { ok: false; code: ProblemCode };

export function isTerminal(state: CallState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** A call-centre call waits in the queue; a call to a person rings. A call never visits the other kind's state. */
export function waitingState(kind: CallKind): CallState {
  return kind === 'CALL_CENTRE' ? 'QUEUED' : 'RINGING';
}

/** Where an action takes a call of this kind in this state; null when the action does not apply. */
function target(kind: CallKind, state: CallState, action: CallAction): CallState | null {
  const waiting = state === waitingState(kind);
  switch (action) {
    case 'route':
      if (state !== 'REQUESTED') return null;
      return kind === 'CALL_CENTRE' ? 'QUEUED' : 'RINGING';
    case 'claim':
      return kind === 'CALL_CENTRE' && state === 'QUEUED' ? 'ANSWERED' : null;
    case 'answer':
      return kind !== 'CALL_CENTRE' && state === 'RINGING' ? 'ANSWERED' : null;
    case 'decline':
      return kind !== 'CALL_CENTRE' && state === 'RINGING' ? 'DECLINED' : null;
    case 'cancel':
      return state === 'REQUESTED' || waiting ? 'CANCELLED' : null;
    case 'hang_up':
      return state === 'ANSWERED' ? 'ENDED' : null;
    case 'time_out':
      return waiting ? 'MISSED' : null;
    case 'fail':
      return state === 'REQUESTED' || waiting || state === 'ANSWERED' ? 'FAILED' : null;
  }
}

/** The transition an action makes, or the problem code that refuses it. */
export function transition(kind: CallKind, state: CallState, action: CallAction): TransitionResult {
  const to = target(kind, state, action);
  if (to) return { ok: true, from: state, to };
  // Someone else's claim got there first: the agent is told so, not just "refused".
  if (action === 'claim' && kind === 'CALL_CENTRE' && state !== 'REQUESTED') return { ok: false, code: 'call_already_claimed' };
  return { ok: false, code: 'call_transition_refused' };
}
