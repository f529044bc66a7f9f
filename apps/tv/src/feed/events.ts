// Feed events from the realtime socket (a neighbour posted or replied), passed to whichever feed screen listens: the
// screen re-reads the API, the event being only a hint.
import type { FeedRealtimeEvent } from '@palier/contracts/src/realtime';
import { listenerSet } from '../api/listeners';

const listeners = listenerSet<FeedRealtimeEvent>('feed event');

export const onFeedEvent = listeners.on;
export const handleFeedEvent = listeners.emit;
