// Report events from the realtime socket, passed to whichever screen listens (the procedures screen re-reads the API).
import type { EventMessage } from '@palier/contracts/src/realtime';

type Listener = (event: EventMessage) => void;
const listeners: Listener[] = [];

export function onReportEvent(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

export function handleReportEvent(event: EventMessage): void {
  if (event.name !== 'report.updated' && event.name !== 'report.photo_added') return;
  listeners.slice().forEach((listener) => {
    try {
      listener(event);
    } catch (error) {
      console.error('report event listener failed', error);
    }
  });
}
