// The realtime socket: hello with the token and the last event seen, events as hints, reconnect with backoff.
import type { EventMessage, HelloMessage, ServerMessage } from '@palier/contracts/src/realtime';
import { REALTIME_PATH } from '@palier/contracts/src/realtime';
import { accessToken, api, refreshSession, signOut } from './session';

const LAST_EVENT_KEY = 'palier.lastEventId';

export type EventHandler = (event: EventMessage) => void;

function readLastEventId(): string | undefined {
  try {
    return window.localStorage.getItem(LAST_EVENT_KEY) || undefined;
  } catch {
    return undefined;
  }
}

function writeLastEventId(id: string): void {
  try {
    window.localStorage.setItem(LAST_EVENT_KEY, id);
  } catch {
    // kept in memory
  }
}

export class RealtimeConnection {
  private socket: WebSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = true;
  private lastEventId: string | undefined = readLastEventId();
  /** true between the server's "ready" and the socket closing. */
  connected = false;

  constructor(
    private readonly onEvent: EventHandler,
    private readonly onReady: () => void = () => undefined,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.socket) {
      const socket = this.socket;
      this.socket = null;
      try {
        socket.close();
      } catch {
        // already closed
      }
    }
    this.connected = false;
  }

  private url(): string {
    return api.baseUrl.replace(/^http/, 'ws') + REALTIME_PATH;
  }

  private open(): void {
    if (this.stopped || typeof WebSocket === 'undefined') return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const hello: HelloMessage = { type: 'hello', accessToken: accessToken(), lastEventId: this.lastEventId };
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
      this.socket = null;
      this.connected = false;
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // onclose follows and schedules the reconnection
    };
  }

  private handle(message: ServerMessage): void {
    if (message.type === 'ready') {
      this.attempt = 0;
      this.connected = true;
      this.onReady();
    } else if (message.type === 'event') {
      this.lastEventId = message.id;
      writeLastEventId(message.id);
      try {
        this.onEvent(message);
      } catch {
        // a handler bug must not kill the socket
      }
    } else if (message.type === 'error') {
      if (message.code === 'invalid_token' || message.code === 'unauthenticated') this.renewAndReconnect();
    }
  }

  private renewAndReconnect(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      try {
        socket.close();
      } catch {
        // ignore
      }
    }
    refreshSession().then(
      (ok) => {
        if (ok) {
          this.attempt = 0;
          this.open();
        } else signOut();
      },
      () => this.scheduleReconnect(),
    );
  }

  /** 1 s, 2 s, 4 s … up to 60 s, with jitter so a building's TVs do not all come back at the same instant. */
  private scheduleReconnect(): void {
    if (this.stopped) return;
    const base = Math.min(60000, 1000 * Math.pow(2, this.attempt));
    this.attempt += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }
}
