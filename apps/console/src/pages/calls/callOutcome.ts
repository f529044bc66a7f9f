// What became of a call, in the agent's words: missed or ended, how long it lasted, and the short list of recent calls
// the agent may call back.
import type { CallState, StaffCall } from '@palier/contracts';
import type { MessageKey } from '../../i18n/catalogue';

const terminal: readonly CallState[] = ['ENDED', 'MISSED', 'DECLINED', 'CANCELLED', 'FAILED'];

export function isFinished(call: Pick<StaffCall, 'state'>): boolean {
  return terminal.includes(call.state);
}

/** A tenant who called the call-centre and hung up, or was dropped, before any agent answered. */
export function isMissedByCallCentre(call: Pick<StaffCall, 'kind' | 'state' | 'answeredAt'>): boolean {
  return call.kind === 'CALL_CENTRE' && isFinished(call) && call.answeredAt === null;
}

/** Seconds between answer and end; null for a call that was never answered. */
export function talkSeconds(call: Pick<StaffCall, 'answeredAt' | 'endedAt'>, now = Date.now()): number | null {
  if (!call.answeredAt) return null;
  const end = call.endedAt ? Date.parse(call.endedAt) : now;
  return Math.max(0, Math.floor((end - Date.parse(call.answeredAt)) / 1000));
}

/** The sentence under "call ended": who ended it or why it did not happen. */
export function outcomeMessage(call: Pick<StaffCall, 'kind' | 'state' | 'endReason' | 'answeredAt'>): MessageKey {
  switch (call.state) {
    case 'ENDED':
      if (call.endReason === 'agent_hung_up') return 'outcome.agentHungUp';
      if (call.endReason === 'participants_left' || call.endReason === 'room_finished') return 'outcome.everyoneLeft';
      return 'outcome.tenantHungUp';
    case 'MISSED':
      return call.kind === 'CALL_BACK' ? 'outcome.callBackMissed' : 'outcome.missed';
    case 'DECLINED':
      return 'outcome.declined';
    case 'CANCELLED':
      if (call.kind === 'CALL_BACK') return 'outcome.callBackCancelled';
      return 'outcome.tenantGaveUp';
    case 'FAILED':
      return 'outcome.failed';
    default:
      return 'outcome.inProgress';
  }
}

/** Newest first, each call once (a later read of the same call replaces the older one), at most `max`. */
export function addRecent(list: readonly StaffCall[], call: StaffCall, max = 20): StaffCall[] {
  return [call, ...list.filter((known) => known.id !== call.id)].slice(0, max);
}
