import { RealtimeConnection, realtimeUrl, reconnectDelay, type RealtimeStatus } from '../src/api/realtime';
import type { EventMessage } from '@palier/contracts';

class FakeSocket {
  sent: unknown[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.onclose?.();
  }
}

function connect() {
  const sockets: FakeSocket[] = [];
  const events: EventMessage[] = [];
  const statuses: RealtimeStatus[] = [];
  const connection = new RealtimeConnection({
    url: 'ws://console.test/api/v1/realtime',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
    random: () => 0.5,
  });
  return { connection, sockets, events, statuses };
}

describe('the console’s realtime socket', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says hello first, then passes events on', () => {
    const { connection, sockets, events, statuses } = connect();
    connection.start();
    sockets[0].open();
    sockets[0].receive({ type: 'ready', replayed: 0 });
    sockets[0].receive({ type: 'event', id: 'e1', name: 'notice.read', data: { noticeId: 'n1', readHomeCount: 3 } });

    expect(sockets[0].sent).toEqual([{ type: 'hello' }]);
    expect(events).toEqual([{ type: 'event', id: 'e1', name: 'notice.read', data: { noticeId: 'n1', readHomeCount: 3 } }]);
    expect(statuses).toEqual(['connecting', 'live']);
    connection.stop();
  });

  it('reconnects after a drop, with backoff, asking for what it missed', () => {
    const { connection, sockets, statuses } = connect();
    connection.start();
    sockets[0].open();
    sockets[0].receive({ type: 'event', id: 'e7', name: 'notice.published', data: { noticeId: 'n', title: 't', urgent: false } });
    sockets[0].drop();

    expect(statuses.at(-1)).toBe('offline');
    jest.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    expect(sockets[1].sent).toEqual([{ type: 'hello', lastEventId: 'e7' }]);
    connection.stop();
  });

  it('waits longer after each failure, up to 30 seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => reconnectDelay(attempt, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(reconnectDelay(0, () => 0)).toBe(800);
    expect(reconnectDelay(0, () => 1)).toBe(1200);
  });

  it('gives up without a session instead of hammering the API', () => {
    const { connection, sockets, statuses } = connect();
    connection.start();
    sockets[0].open();
    sockets[0].receive({ type: 'error', code: 'unauthenticated' });
    sockets[0].drop();
    jest.advanceTimersByTime(60_000);

    expect(statuses.at(-1)).toBe('unauthenticated');
    expect(sockets).toHaveLength(1);
  });

  it('stops for good when the page leaves', () => {
    const { connection, sockets } = connect();
    connection.start();
    connection.stop();
    sockets[0].drop();
    jest.advanceTimersByTime(60_000);

    expect(sockets[0].closed).toBe(true);
    expect(sockets).toHaveLength(1);
  });

  it('uses wss behind https and the same host as the page', () => {
    expect(realtimeUrl({ protocol: 'https:', host: 'palier.example' })).toBe('wss://palier.example/api/v1/realtime');
    expect(realtimeUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/api/v1/realtime');
  });
});
