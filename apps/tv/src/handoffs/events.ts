// "Your phone sent the text" events from the realtime socket, passed to the screen waiting for that hand-off.
import type { EventMessage } from '@palier/contracts/src/realtime';
import { listenerSet } from '../api/listeners';

const listeners = listenerSet<string>('hand-off');

/** The listener gets the id of the hand-off whose text arrived; it re-reads that hand-off if it is the one it shows. */
export const onHandoffText = listeners.on;

export function handleHandoffEvent(event: EventMessage): void {
  if (event.name !== 'handoff.text_received') return;
  listeners.emit(event.data.handoffId);
}
