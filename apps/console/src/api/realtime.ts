// The console's realtime socket: same origin, authenticated by the session cookie, reconnecting with backoff.
// An event is only a hint: whoever listens re-reads the API when in doubt.
import type { EventMessage, HelloMessage, ServerMessage } from '@palier/contracts';

// Typed against the contracts' constant rather than imported: the contracts' index loads typebox (ESM only) at run
// time, which the unit tests of this module would then have to transform.
const REALTIME_PATH: typeof import('@palier/contracts').REALTIME_PATH = '/api/v1/realtime';

export type RealtimeStatus = 'connecting' | 'live' | 'offline' | 'unauthenticated';

export interface RealtimeOptions {
  onEvent: (event: EventMessage) => void;
  /** `live` once the server said `ready`; listeners re-read their first page then, since events may have been missed. */
  onStatus?: (status: RealtimeStatus) => void;
  url?: string;
  createSocket?: (url: string) => WebSocket;
  random?: () => number;
}

/** Exponential backoff from 1 s to 30 s with ±20 % jitter, so that a restarted API is not hit by every console at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + REALTIME_PATH;
}

export class RealtimeConnection {
  private socket: WebSocket | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopped = true;
  private lastEventId: string | undefined;

  constructor(private readonly options: RealtimeOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000);
  }

  /** Reconnect now rather than at the end of the backoff (the tab became visible, the network came back). */
  nudge(): void {
    if (this.stopped || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.attempt = 0;
    this.connect();
  }

  private connect(): void {
    this.options.onStatus?.('connecting');
    const url = this.options.url ?? realtimeUrl(window.location);
    let socket: WebSocket;
    try {
      socket = this.options.createSocket ? this.options.createSocket(url) : new WebSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const hello: HelloMessage = { type: 'hello', lastEventId: this.lastEventId };
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (message) => {
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
    // onerror is always followed by onclose, where the reconnect happens.
  }

  private handle(message: ServerMessage): void {
    if (message.type === 'ready') {
      this.attempt = 0;
      this.options.onStatus?.('live');
    } else if (message.type === 'event') {
      this.lastEventId = message.id;
      this.options.onEvent(message);
    } else if (message.type === 'error' && (message.code === 'unauthenticated' || message.code === 'invalid_token')) {
      // Retrying cannot help a socket without a session: stop and let the page find out through its next API call.
      this.stopped = true;
      this.options.onStatus?.('unauthenticated');
      this.socket?.close(1000);
      this.socket = undefined;
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.options.onStatus?.('offline');
    const delay = reconnectDelay(this.attempt++, this.options.random);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) this.connect();
    }, delay);
  }
}
