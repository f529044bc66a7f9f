// Conversation events from the realtime socket: the home badge re-reads the unread count, and whichever conversation
// screen listens re-reads the API (the event is only a hint).
import type { ConversationRealtimeEvent } from '@palier/contracts/src/realtime';
import { api, hasSession } from '../api/session';
import { state } from '../store';

type Listener = (event: ConversationRealtimeEvent) => void;
const listeners: Listener[] = [];

export function onConversationEvent(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

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
  listeners.slice().forEach((listener) => {
    try {
      listener(event);
    } catch (error) {
      console.error('conversation event listener failed', error);
    }
  });
}
