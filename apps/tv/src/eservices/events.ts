// E-service events from the realtime socket ("your request changed"), passed to the e-services screen when it shows.
import type { EventMessage } from '@palier/contracts/src/realtime';
import { listenerSet } from '../api/listeners';

const listeners = listenerSet<EventMessage>('e-service event');

export const onEServiceEvent = listeners.on;

export function handleEServiceEvent(event: EventMessage): void {
  if (event.name !== 'eservice.updated' && event.name !== 'eservice.forms_changed') return;
  listeners.emit(event);
}
