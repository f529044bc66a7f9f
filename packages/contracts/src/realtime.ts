// The realtime socket's messages. An event is a hint to re-read the API, never the only copy of anything.
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
  data: { noticeId: string; title: string; urgent: boolean };
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

export type FeedRealtimeEvent = FeedPostCreatedEvent | FeedReplyCreatedEvent;

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

/** To the tenant's TV: their phone sent the text of a "text" hand-off; read it at GET /api/v1/handoffs/:id/text. */
export interface HandoffTextReceivedEvent {
  name: 'handoff.text_received';
  data: { handoffId: string };
}

export type RealtimeEventBody =
  | NoticePublishedEvent
  | NoticeReadEvent
  | CallEvent
  | ReportRealtimeEvent
  | FeedRealtimeEvent
  | EServiceRealtimeEvent
  // phone hand-off of a long text
  | HandoffTextReceivedEvent;

export type EventMessage = { type: 'event'; id: string } & RealtimeEventBody;

export interface ErrorMessage {
  type: 'error';
  code: 'unauthenticated' | 'invalid_token' | 'bad_message';
}

export type ServerMessage = ReadyMessage | EventMessage | ErrorMessage;
export type ClientMessage = HelloMessage;
