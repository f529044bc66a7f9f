// E-service events from the realtime socket ("your request changed"), passed to the e-services screen when it shows.
import type { EventMessage } from '@palier/contracts/src/realtime';

type Listener = (event: EventMessage) => void;
const listeners: Listener[] = [];

export function onEServiceEvent(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

export function handleEServiceEvent(event: EventMessage): void {
  if (event.name !== 'eservice.updated' && event.name !== 'eservice.forms_changed') return;
  listeners.slice().forEach((listener) => {
    try {
      listener(event);
    } catch (error) {
      console.error('e-service event listener failed', error);
    }
  });
}
