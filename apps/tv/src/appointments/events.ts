// Appointment events from the realtime socket (a move, a cancellation by the service), passed to the appointments
// screen when it is open; it re-reads the API.
import type { EventMessage } from '@palier/contracts/src/realtime';

type Listener = (event: EventMessage) => void;
let listener: Listener | null = null;

export function onAppointmentEvent(next: Listener): () => void {
  listener = next;
  return () => {
    if (listener === next) listener = null;
  };
}

export function handleAppointmentEvent(event: EventMessage): void {
  if (event.name !== 'appointment.updated' || !listener) return;
  try {
    listener(event);
  } catch (error) {
    console.error('appointment event listener failed', error);
  }
}
