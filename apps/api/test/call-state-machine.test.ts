// The call state machine, exhaustively: every action from every state of every kind is either the one legal
// transition listed here or refused with a problem code.
import { callKinds, callStates, type CallKind, type CallState } from '@palier/contracts';
import { callActions, isTerminal, transition, type CallAction } from '../src/modules/calls/state-machine';

const LEGAL: Record<string, CallState> = {
  // kind:state:action → to
  'CALL_CENTRE:REQUESTED:route': 'QUEUED',
  'NEIGHBOUR:REQUESTED:route': 'RINGING',
  'CALL_BACK:REQUESTED:route': 'RINGING',
  'CALL_CENTRE:QUEUED:claim': 'ANSWERED',
  'NEIGHBOUR:RINGING:answer': 'ANSWERED',
  'CALL_BACK:RINGING:answer': 'ANSWERED',
  'NEIGHBOUR:RINGING:decline': 'DECLINED',
  'CALL_BACK:RINGING:decline': 'DECLINED',
  'CALL_CENTRE:QUEUED:time_out': 'MISSED',
  'NEIGHBOUR:RINGING:time_out': 'MISSED',
  'CALL_BACK:RINGING:time_out': 'MISSED',
};
for (const kind of callKinds) {
  const waiting = kind === 'CALL_CENTRE' ? 'QUEUED' : 'RINGING';
  for (const state of ['REQUESTED', waiting]) LEGAL[`${kind}:${state}:cancel`] = 'CANCELLED';
  for (const state of ['REQUESTED', waiting, 'ANSWERED']) LEGAL[`${kind}:${state}:fail`] = 'FAILED';
  LEGAL[`${kind}:ANSWERED:hang_up`] = 'ENDED';
}

const cases: [CallKind, CallState, CallAction][] = callKinds.flatMap((kind) =>
  callStates.flatMap((state) => callActions.map((action) => [kind, state, action] as [CallKind, CallState, CallAction])),
);

describe('call state machine', () => {
  it.each(cases)('%s call in %s, action %s', (kind, state, action) => {
    const expected = LEGAL[`${kind}:${state}:${action}`];
    const result = transition(kind, state, action);
    if (expected) {
      expect(result).toEqual({ ok: true, from: state, to: expected });
    } else {
      expect(result.ok).toBe(false);
      const code = !result.ok && result.code;
      expect(code).toBe(
        action === 'claim' && kind === 'CALL_CENTRE' && state !== 'REQUESTED' ? 'call_already_claimed' : 'call_transition_refused',
      );
    }
  });

  it('leaves no way out of a terminal state', () => {
    for (const kind of callKinds)
      for (const state of callStates.filter(isTerminal))
        for (const action of callActions) expect(transition(kind, state, action).ok).toBe(false);
  });

  it('only answers a call-centre call by a claim, and only rings people', () => {
    expect(transition('CALL_CENTRE', 'QUEUED', 'answer').ok).toBe(false);
    expect(transition('NEIGHBOUR', 'RINGING', 'claim')).toEqual({ ok: false, code: 'call_transition_refused' });
    expect(transition('CALL_CENTRE', 'ANSWERED', 'claim')).toEqual({ ok: false, code: 'call_already_claimed' });
  });

  it('lists exactly the legal transitions the diagram shows', () => {
    const legal = cases.filter(([kind, state, action]) => transition(kind, state, action).ok).length;
    expect(legal).toBe(Object.keys(LEGAL).length);
  });
});
