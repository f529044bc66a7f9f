// Report events from the realtime socket, passed to whichever screen listens (the procedures screen re-reads the API).
import type { EventMessage } from '@palier/contracts/src/realtime';
import { listenerSet } from '../api/listeners';

const listeners = listenerSet<EventMessage>('report event');

export const onReportEvent = listeners.on;

export function handleReportEvent(event: EventMessage): void {
  if (event.name !== 'report.updated' && event.name !== 'report.photo_added') return;
  listeners.emit(event);
}
