// Conversation events from the realtime socket: the home badge re-reads the unread count, and whichever conversation
// screen listens re-reads the API (the event is only a hint).
import type { ConversationRealtimeEvent } from '@palier/contracts/src/realtime';
import { listenerSet } from '../api/listeners';
import { api, hasSession } from '../api/session';
import { state } from '../store';

const listeners = listenerSet<ConversationRealtimeEvent>('conversation event');

export const onConversationEvent = listeners.on;

export function refreshUnreadMessages(): Promise<void> {
  if (!hasSession()) return Promise.resolve();
  return api.unreadConversations().then(
    (unread) => {
      state().unreadMessages = unread.messages;
    },
    () => {
      // The badge keeps its last value.
    },
  );
}

export function handleConversationEvent(event: ConversationRealtimeEvent): void {
  refreshUnreadMessages();
  listeners.emit(event);
}
