// The realtime socket's messages. An event is a hint to re-read the API, never the only copy of anything.
import type { MandateScope } from './mandates';

export const REALTIME_PATH = '/api/v1/realtime';

/** First message a TV sends; staff sockets are authenticated by their session cookie and send it without a token. */
export interface HelloMessage {
  type: 'hello';
  accessToken?: string;
  /** The id of the last event this client handled; the server replays what came after. */
  lastEventId?: string;
}

export interface ReadyMessage {
  type: 'ready';
  replayed: number;
}

export interface NoticePublishedEvent {
  name: 'notice.published';
  /** titles: the title's translations (notices), so a TV shows the banner in its tenant's language at once. */
  data: { noticeId: string; title: string; urgent: boolean; titles?: { en?: string; ar?: string } };
}

export interface NoticeReadEvent {
  name: 'notice.read';
  data: { noticeId: string; readHomeCount: number };
}

/** To the callee tenant's TV: show the full-screen incoming call (OK answers, Back declines) until ringDeadline. */
export interface CallIncomingEvent {
  name: 'call.incoming';
  data: { callId: string; kind: 'NEIGHBOUR' | 'CALL_BACK'; from: { name: string; building: string | null }; ringDeadline: string };
}

/** To both tenants and the agent of a call, on every transition. Re-read the call for the details. */
export interface CallStateEvent {
  name: 'call.state';
  data: {
    callId: string;
    state: 'REQUESTED' | 'QUEUED' | 'RINGING' | 'ANSWERED' | 'ENDED' | 'MISSED' | 'DECLINED' | 'CANCELLED' | 'FAILED';
    reason: string | null;
  };
}

/** To the landlord's consoles (ORGANISATION audience) whenever the call-centre queue changes: re-read the queue. */
export interface CallQueueEvent {
  name: 'call.queue';
  data: { waiting: number; changedCallId: string };
}

/** To a waiting tenant when their place in the queue changes. */
export interface CallPositionEvent {
  name: 'call.position';
  data: { callId: string; position: number; estimatedWaitSeconds: number };
}

export type CallEvent = CallIncomingEvent | CallStateEvent | CallQueueEvent | CallPositionEvent;

/**
 * To the reporting tenant and the landlord's consoles (ORGANISATION) on every change of a report: re-read it. It names
 * nothing but the id, so a console scoped to another residence learns nothing from it (the API answers it 404).
 */
export interface ReportUpdatedEvent {
  name: 'report.updated';
  data: {
    reportId: string;
    status: string;
    change: 'created' | 'status' | 'message' | 'assigned' | 'slots' | 'photo' | 'rated' | 'me_too';
  };
}

/** To the tenant's TV when their phone sent a photo, for the report being written (reportId null) or an existing one. */
export interface ReportPhotoAddedEvent {
  name: 'report.photo_added';
  data: { photoId: string; reportId: string | null };
}

export type ReportRealtimeEvent = ReportUpdatedEvent | ReportPhotoAddedEvent;

/** To the post's audience (BUILDING, RESIDENCE or DISTRICT): a neighbour posted; re-read the feed. */
export interface FeedPostCreatedEvent {
  name: 'feed.post_created';
  data: { postId: string; kind: string };
}

/** To the post's audience, and to its author (TENANT): someone replied; re-read the replies. */
export interface FeedReplyCreatedEvent {
  name: 'feed.reply_created';
  data: { postId: string; replyId: string; replyCount: number };
}

/**
 * To the writing tenant's TV (TENANT) when their phone sent a photo for the post draft, or one was removed: re-read
 * the draft. Only the author's own screens hear of it.
 */
export interface FeedDraftPhotosEvent {
  name: 'feed.draft_photos';
  data: { draftId: string; photoId: string; change: 'added' | 'removed' };
}

export type FeedRealtimeEvent = FeedPostCreatedEvent | FeedReplyCreatedEvent | FeedContentModeratedEvent | FeedDraftPhotosEvent;

// moderation
/**
 * To the post's audience when moderation hides or deletes a post or a reply, or restores it: re-read the feed (and the
 * replies). To the landlord's consoles (ORGANISATION) when the moderation queue changes, with no content.
 */
export interface FeedContentModeratedEvent {
  name: 'feed.content_moderated';
  data: { postId: string; replyId: string | null; visible: boolean };
}
export interface ModerationQueueEvent {
  name: 'moderation.queue';
  data: { caseId: string };
}
export type ModerationRealtimeEvent = ModerationQueueEvent; // FeedContentModeratedEvent is one of the feed's events

// notices: staff reminded the homes of a building that had not read a notice; a TV re-reads it and nudges if unread.
export interface NoticeRemindedEvent {
  name: 'notice.reminded';
  data: { noticeId: string; urgent: boolean };
}

// --- town-hall e-services ---
/**
 * To the tenant (TENANT) and the form's organisation consoles (ORGANISATION) on every change of a request: re-read it.
 * `info_requested` means the clerk waits for the tenant's answer.
 */
export interface EServiceUpdatedEvent {
  name: 'eservice.updated';
  data: {
    requestId: string;
    status: 'SUBMITTED' | 'IN_REVIEW' | 'INFO_REQUESTED' | 'ACCEPTED' | 'REJECTED';
    change: 'submitted' | 'taken' | 'info_requested' | 'info_provided' | 'accepted' | 'rejected';
  };
}

/** To the form's place (DISTRICT or CITY) when a form is published or retired: re-read the list of forms. */
export interface EServiceFormsChangedEvent {
  name: 'eservice.forms_changed';
  data: { formId: string; change: 'published' | 'retired' };
}

export type EServiceRealtimeEvent = EServiceUpdatedEvent | EServiceFormsChangedEvent;

// appointments
/** To the tenant (TENANT) when their appointment changes: re-read it. Staff consoles hear of it as agenda.changed. */
export interface AppointmentUpdatedEvent {
  name: 'appointment.updated';
  data: { appointmentId: string; status: 'BOOKED' | 'CANCELLED'; change: 'booked' | 'moved' | 'cancelled' };
}

/**
 * To the organisation's consoles (ORGANISATION) whenever its agenda changes, from any console or any TV: a subject
 * created or retired, slots published, a slot edited or cancelled, an appointment booked, moved or cancelled. Re-read
 * the agenda (and the subjects when `change` starts with `service_`). Ids only: it tells another organisation nothing.
 */
export interface AgendaChangedEvent {
  name: 'agenda.changed';
  data: {
    serviceId: string;
    /** The slot that changed (a move: the slot it went to); null for a subject or a series. */
    slotId: string | null;
    change:
      'service_created' | 'service_retired' | 'series_published' | 'slot_edited' | 'slot_cancelled' | 'booked' | 'moved' | 'cancelled';
  };
}

/** To the tenant's TV: their phone sent the text of a "text" hand-off; read it at GET /api/v1/handoffs/:id/text. */
export interface HandoffTextReceivedEvent {
  name: 'handoff.text_received';
  data: { handoffId: string };
}

// private conversations (wip/neighbours): sent to both participants (TENANT audiences); re-read the conversation.
/** A message was posted in one of the tenant's conversations (also the first one, when a neighbour opens it). */
export interface ConversationMessageEvent {
  name: 'conversation.message';
  data: { conversationId: string; messageId: string };
}

/** One side read the conversation: unread badges and "seen" marks change. */
export interface ConversationReadEvent {
  name: 'conversation.read';
  data: { conversationId: string };
}

/** One side closed (or blocked): nobody can write in it any more. */
export interface ConversationClosedEvent {
  name: 'conversation.closed';
  data: { conversationId: string };
}

export type ConversationRealtimeEvent = ConversationMessageEvent | ConversationReadEvent | ConversationClosedEvent;

// --- helpers acting under a mandate ---
/**
 * To each ACTIVE helper of the tenant (TENANT:<helper tenant> or STAFF:<staff member>) whose mandate covers reports,
 * whenever `report.updated` goes to the tenant: re-read it through /api/v1/mandates/:mandateId/reports/:reportId. It
 * carries what the helper routes show anyway (id, status), nothing about the tenant.
 */
export interface MandateReportUpdatedEvent {
  name: 'mandate.report_updated';
  data: ReportUpdatedEvent['data'] & { mandateId: string };
}

/** The same for e-service requests, to helpers whose mandate covers e-services (…/mandates/:mandateId/eservices/requests/:requestId). */
export interface MandateEServiceUpdatedEvent {
  name: 'mandate.eservice_updated';
  data: EServiceUpdatedEvent['data'] & { mandateId: string };
}

/**
 * To the helper when the tenant gives them a mandate, changes its scopes or withdraws it: the helper's page shows
 * "X a retiré son accord" at once, or what the mandate covers now. `at` is when it happened.
 */
export interface MandateChangedEvent {
  name: 'mandate.changed';
  data: { mandateId: string; change: 'granted' | 'scopes' | 'withdrawn'; scopes: MandateScope[]; active: boolean; at: string };
}

export type MandateRealtimeEvent = MandateReportUpdatedEvent | MandateEServiceUpdatedEvent | MandateChangedEvent;

export type RealtimeEventBody =
  | NoticePublishedEvent
  | NoticeReadEvent
  | NoticeRemindedEvent
  | CallEvent
  | ReportRealtimeEvent
  | FeedRealtimeEvent
  | EServiceRealtimeEvent
  | AppointmentUpdatedEvent
  | AgendaChangedEvent
  | HandoffTextReceivedEvent
  | ModerationRealtimeEvent
  | ConversationRealtimeEvent
  | MandateRealtimeEvent;

export type EventMessage = { type: 'event'; id: string } & RealtimeEventBody;

export interface ErrorMessage {
  type: 'error';
  code: 'unauthenticated' | 'invalid_token' | 'bad_message';
}

export type ServerMessage = ReadyMessage | EventMessage | ErrorMessage;
export type ClientMessage = HelloMessage;
