// Keeps the home's unread count, the urgent banner and the call in progress true: re-reads the API on start and whenever
// an event hints at change.
import type { EventMessage } from '@palier/contracts/src/realtime';
import { RealtimeConnection } from './realtime';
import { api, hasSession } from './session';
import { state } from '../store';
import { handleReportEvent } from '../reports/events';
import { handleCallEvent, resumeCurrentCall } from '../calls/controller';
import { handleHandoffEvent } from '../handoffs/events';

let connection: RealtimeConnection | null = null;

export function refreshUnread(): Promise<void> {
  if (!hasSession()) return Promise.resolve();
  return api.unreadNotices().then(
    (unread) => {
      state().unread = unread.unread;
      state().urgentUnread = unread.urgentUnread;
    },
    () => {
      // The badge keeps its last value; the notices screen shows the failure when the tenant opens it.
    },
  );
}

function handleEvent(event: EventMessage): void {
  if (event.name === 'notice.published') {
    // The banner first: it is what the tenant must see, whatever a screen's own reaction does.
    if (event.data.urgent) state().banner = { noticeId: event.data.noticeId, title: event.data.title };
    refreshUnread();
    try {
      state().noticesVersion += 1;
    } catch (error) {
      console.error('notices refresh failed', error);
    }
  } else if (event.name === 'notice.read') {
    refreshUnread();
  } else if (event.name === 'report.updated' || event.name === 'report.photo_added') {
    handleReportEvent(event);
  } else if (event.name === 'call.incoming' || event.name === 'call.state' || event.name === 'call.position') {
    handleCallEvent(event);
  } else if (event.name === 'handoff.text_received') {
    // phone hand-off of a long text
    handleHandoffEvent(event);
  }
}

export function startLiveUpdates(): void {
  if (connection) return;
  // After a reconnection, anything missed was replayed, but the count may also have changed by other means: re-read.
  connection = new RealtimeConnection(handleEvent, () => {
    refreshUnread();
    resumeCurrentCall();
  });
  connection.start();
}

export function stopLiveUpdates(): void {
  if (connection) connection.stop();
  connection = null;
}
