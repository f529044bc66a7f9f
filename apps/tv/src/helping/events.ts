// A helper's realtime events (a report or request of a person they help changed, a mandate was given, narrowed or
// withdrawn), passed to the "Les personnes que j'aide" screen while it is open, with what its open view must re-read.
import type { MandateRealtimeEvent } from '@palier/contracts/src/realtime';
import { listenerSet } from '../api/listeners';

const listeners = listenerSet<MandateRealtimeEvent>('helping event');

export const onHelpingEvent = listeners.on;
export const handleHelpingEvent = listeners.emit;

/** What the screen shows: its step, and the person (mandate), report or request open, if any. */
export interface HelpingView {
  step: string;
  mandateId: string | null;
  reportId: string | null;
  requestId: string | null;
}

/**
 * What the open view does about an event: `list` / `rows` re-read the people or the person's list in place (the focus
 * kept), `detail` re-reads the open report or request (kept aside while the helper types), `withdrawn` brings back the
 * list saying so, `scopes` follows what the mandate covers now, `none` ignores it.
 */
export type HelpingRefresh = 'none' | 'list' | 'rows' | 'detail' | 'withdrawn' | 'scopes';

export function helpingRefresh(event: MandateRealtimeEvent, view: HelpingView): HelpingRefresh {
  const mine = event.data.mandateId === view.mandateId && view.step !== 'list';
  if (event.name === 'mandate.changed') {
    if (event.data.change === 'withdrawn' && (mine || view.step === 'list')) return 'withdrawn';
    if (mine) return 'scopes';
    return view.step === 'list' ? 'list' : 'none';
  }
  if (!mine) return 'none';
  if (view.step === 'person') return 'rows';
  const open = event.name === 'mandate.report_updated' ? view.reportId === event.data.reportId : view.requestId === event.data.requestId;
  return open && (view.step === 'detail' || view.step === 'write') ? 'detail' : 'none';
}

/** What a report or request shows that an event may change: its status and the steps of its timeline. */
interface Steps {
  status: string;
  timeline: { id: string }[];
}

/**
 * Whether a re-read shows what is already on screen: the helper's own action comes back as an event too, and its
 * "C'est envoyé" must not be redrawn away.
 */
export function sameSteps(shown: Steps, fresh: Steps): boolean {
  const ids = (steps: Steps) => steps.timeline.map((step) => step.id).join(',');
  return shown.status === fresh.status && ids(shown) === ids(fresh);
}
