// Appointment events from the realtime socket (a move, a cancellation by the service), passed to the appointments
// screen when it is open; it re-reads the API.
import type { EventMessage } from '@palier/contracts/src/realtime';
import { listenerSet } from '../api/listeners';

const listeners = listenerSet<EventMessage>('appointment event');

export const onAppointmentEvent = listeners.on;

export function handleAppointmentEvent(event: EventMessage): void {
  if (event.name !== 'appointment.updated') return;
  listeners.emit(event);
}
