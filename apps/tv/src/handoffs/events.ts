// "Your phone sent the text" events from the realtime socket, passed to the screen waiting for that hand-off.
import type { EventMessage } from '@palier/contracts/src/realtime';

type Listener = (handoffId: string) => void;
const listeners: Listener[] = [];

export function onHandoffText(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

export function handleHandoffEvent(event: EventMessage): void {
  if (event.name !== 'handoff.text_received') return;
  listeners.slice().forEach((listener) => {
    try {
      listener(event.data.handoffId);
    } catch (error) {
      console.error('hand-off listener failed', error);
    }
  });
}
