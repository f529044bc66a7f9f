// Keeps the home's unread count, the urgent banner and the call in progress true: re-reads the API on start and whenever
// an event hints at change.
import type { EventMessage } from '@palier/contracts/src/realtime';
import { RealtimeConnection } from './realtime';
import { api, hasSession } from './session';
import { state } from '../store';
import { handleReportEvent } from '../reports/events';
import { handleCallEvent, resumeCurrentCall } from '../calls/controller';
// appointments
import { handleAppointmentEvent } from '../appointments/events';
import { handleHandoffEvent } from '../handoffs/events';
import { handleEServiceEvent } from '../eservices/events';
import { handleFeedEvent } from '../feed/events';
import { handleConversationEvent, refreshUnreadMessages } from '../conversations/events';
import { handleHelpingEvent } from '../helping/events';

let connection: RealtimeConnection | null = null;

export function refreshUnread(): Promise<void> {
  if (!hasSession()) return Promise.resolve();
  return api.unreadNotices().then(
    (unread) => {
      state().unread = unread.unread;
      state().urgentUnread = unread.urgentUnread;
      const latest = unread.latestUrgent;
      const strip = state().urgentStrip;
      // Written only when it changes, so the home's watcher does not redraw (or speak) for nothing.
      if (!latest) {
        if (strip) state().urgentStrip = null;
      } else if (!strip || strip.noticeId !== latest.id || strip.title !== latest.title) {
        state().urgentStrip = { noticeId: latest.id, title: latest.title };
      }
    },
    () => {
      // The badge keeps its last value; the notices screen shows the failure when the tenant opens it.
    },
  );
}

function handleEvent(event: EventMessage): void {
  if (event.name === 'notice.published') {
    // The banner first: it is what the tenant must see, whatever a screen's own reaction does.
    if (event.data.urgent) {
      const titles = (event.data.titles || {}) as Record<string, string | undefined>;
      state().banner = { noticeId: event.data.noticeId, title: titles[state().language] || event.data.title, kind: 'urgent' };
    }
    refreshUnread();
    try {
      state().noticesVersion += 1;
    } catch (error) {
      console.error('notices refresh failed', error);
    }
  } else if (event.name === 'notice.read') {
    refreshUnread();
  } else if (event.name === 'notice.reminded') {
    remindIfUnread(event.data.noticeId);
  } else if (event.name === 'report.updated' || event.name === 'report.photo_added') {
    handleReportEvent(event);
  } else if (event.name === 'call.incoming' || event.name === 'call.state' || event.name === 'call.position') {
    handleCallEvent(event);
  } else if (event.name === 'appointment.updated') {
    handleAppointmentEvent(event);
  } else if (event.name === 'handoff.text_received') {
    // phone hand-off of a long text
    handleHandoffEvent(event);
  } else if (event.name === 'eservice.updated' || event.name === 'eservice.forms_changed') {
    // town-hall e-services
    handleEServiceEvent(event);
  } else if (
    event.name === 'feed.post_created' ||
    event.name === 'feed.reply_created' ||
    event.name === 'feed.content_moderated' ||
    event.name === 'feed.draft_photos'
  ) {
    // neighbours' feed (draft_photos: the phone sent a photo for the post being written)
    handleFeedEvent(event);
  } else if (event.name === 'conversation.message' || event.name === 'conversation.read' || event.name === 'conversation.closed') {
    // private conversations (wip/neighbours)
    handleConversationEvent(event);
  } else if (event.name === 'mandate.report_updated' || event.name === 'mandate.eservice_updated' || event.name === 'mandate.changed') {
    // the people this tenant helps (Helping)
    handleHelpingEvent(event);
  }
}

/** A reminder goes to every home of a building: only a TV whose tenant has not read the notice shows it again. */
function remindIfUnread(noticeId: string): void {
  api.notice(noticeId).then(
    (notice) => {
      if (notice.readAt) return;
      state().banner = { noticeId: notice.id, title: notice.title, kind: notice.urgent ? 'urgent' : 'reminder' };
      refreshUnread();
    },
    () => {
      // Not visible to this tenant any more (expired), or offline: nothing to remind.
    },
  );
}

export function startLiveUpdates(): void {
  if (connection) return;
  // After a reconnection, anything missed was replayed, but the count may also have changed by other means: re-read.
  connection = new RealtimeConnection(handleEvent, () => {
    refreshUnread();
    refreshUnreadMessages();
    resumeCurrentCall();
  });
  connection.start();
}

export function stopLiveUpdates(): void {
  if (connection) connection.stop();
  connection = null;
}
