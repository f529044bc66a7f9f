// Feed events from the realtime socket (a neighbour posted or replied), passed to whichever feed screen listens: the
// screen re-reads the API, the event being only a hint.
import type { FeedRealtimeEvent } from '@palier/contracts/src/realtime';

type Listener = (event: FeedRealtimeEvent) => void;
const listeners: Listener[] = [];

export function onFeedEvent(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

export function handleFeedEvent(event: FeedRealtimeEvent): void {
  listeners.slice().forEach((listener) => {
    try {
      listener(event);
    } catch (error) {
      console.error('feed event listener failed', error);
    }
  });
}
