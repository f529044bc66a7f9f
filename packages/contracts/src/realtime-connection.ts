// The realtime socket as every client holds it (TV, console): hello first, events as hints, the last event id kept so
// the server replays what was missed, and reconnection with jittered backoff. Framework-free and old-engine safe (the
// TV bundle is ES5); each app passes what differs: where to connect, how to say hello, what to do without a session.
import { REALTIME_PATH, type EventMessage, type HelloMessage, type ServerMessage } from './realtime';

export type RealtimeStatus = 'connecting' | 'live' | 'offline' | 'unauthenticated';

export interface RealtimeOptions {
  /** The socket's address, read at each connection (a TV may learn its API address late); the page's origin by default. */
  url?: string | (() => string);
  onEvent: (event: EventMessage) => void;
  /** `live` once the server said `ready`; listeners re-read their first page then, since events may have been missed. */
  onStatus?: (status: RealtimeStatus) => void;
  /** What the hello carries besides the last event id (a TV's access token). */
  hello?: () => Omit<HelloMessage, 'type' | 'lastEventId'>;
  /** Where the last event id survives a reload (a TV's localStorage); kept in memory without it. */
  lastEventStore?: { load(): string | undefined; save(id: string): void };
  /**
   * The server refused the session. Resolve true once it is renewed to reconnect at once; without this option, or on
   * false, the socket stops for good (retrying cannot help) and says `unauthenticated`.
   */
  renewSession?: () => Promise<boolean>;
  /** Longest wait between attempts; 30 s by default. */
  maxDelayMs?: number;
  createSocket?: (url: string) => WebSocket;
  random?: () => number;
}

/** Exponential backoff from 1 s up to the maximum with ±20 % jitter, so that a restarted API is not hit by every client at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random, maxDelayMs = 30000): number {
  const base = Math.min(maxDelayMs, 1000 * Math.pow(2, Math.max(0, attempt)));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** ws(s)://host/api/v1/realtime for an API served at this http(s) origin. */
export function realtimeUrlFor(apiOrigin: string): string {
  return apiOrigin.replace(/^http/, 'ws').replace(/\/$/, '') + REALTIME_PATH;
}

export class RealtimeConnection {
  private socket: WebSocket | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopped = true;
  private lastEventId: string | undefined;

  constructor(private readonly options: RealtimeOptions) {
    this.lastEventId = options.lastEventStore ? options.lastEventStore.load() : undefined;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dropSocket();
  }

  /** Reconnect now rather than at the end of the backoff (the tab became visible, the network came back). */
  nudge(): void {
    if (this.stopped || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.attempt = 0;
    this.connect();
  }

  private status(status: RealtimeStatus): void {
    if (this.options.onStatus) this.options.onStatus(status);
  }

  private connect(): void {
    if (this.stopped || (typeof WebSocket === 'undefined' && !this.options.createSocket)) return;
    this.status('connecting');
    const option = this.options.url;
    const url = typeof option === 'function' ? option() : option || realtimeUrlFor(window.location.origin);
    let socket: WebSocket;
    try {
      socket = this.options.createSocket ? this.options.createSocket(url) : new WebSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const extra = this.options.hello ? this.options.hello() : {};
      const hello: HelloMessage = { ...extra, type: 'hello', lastEventId: this.lastEventId };
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (message: MessageEvent) => {
      let parsed: ServerMessage;
      try {
        parsed = JSON.parse(String(message.data)) as ServerMessage;
      } catch {
        return;
      }
      this.handle(parsed);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.scheduleReconnect();
    };
    // onerror is always followed by onclose, where the reconnection happens.
  }

  private handle(message: ServerMessage): void {
    if (message.type === 'ready') {
      this.attempt = 0;
      this.status('live');
    } else if (message.type === 'event') {
      this.lastEventId = message.id;
      if (this.options.lastEventStore) this.options.lastEventStore.save(message.id);
      try {
        this.options.onEvent(message);
      } catch (error) {
        // A listener's bug must not kill the socket.
        console.error('realtime event handler failed', error);
      }
    } else if (message.type === 'error' && (message.code === 'unauthenticated' || message.code === 'invalid_token')) {
      this.sessionRefused();
    }
  }

  private sessionRefused(): void {
    this.dropSocket();
    const giveUp = () => {
      this.stopped = true;
      this.status('unauthenticated');
    };
    if (!this.options.renewSession) return giveUp();
    this.options.renewSession().then(
      (renewed) => {
        if (this.stopped) return;
        if (!renewed) return giveUp();
        this.attempt = 0;
        this.connect();
      },
      () => this.scheduleReconnect(),
    );
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    try {
      socket.close(1000);
    } catch {
      // already closed
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.status('offline');
    const delay = reconnectDelay(this.attempt++, this.options.random, this.options.maxDelayMs);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) this.connect();
    }, delay);
  }
}
