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

export type RealtimeEventBody = NoticePublishedEvent | NoticeReadEvent;

export type EventMessage = { type: 'event'; id: string } & RealtimeEventBody;

export interface ErrorMessage {
  type: 'error';
  code: 'unauthenticated' | 'invalid_token' | 'bad_message';
}

export type ServerMessage = ReadyMessage | EventMessage | ErrorMessage;
export type ClientMessage = HelloMessage;
