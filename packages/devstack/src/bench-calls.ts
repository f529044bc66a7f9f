// Call-centre latency for `npm run bench`: from a tenant pressing "call" (POST /api/v1/calls) to the agent's console
// showing the call (the queue hint on its socket, then the queue re-read), against a bare baseline measured in the
// same run: an HTTP POST on a plain Fastify server pushed to a plain WebSocket.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import WebSocket from 'ws';

export interface LatencySummary {
  scenario: string;
  samples: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(scenario: string, samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { scenario, samples: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Resolves with the first message that matches, or rejects after a timeout. */
function nextMessage(socket: WebSocket, matches: (message: Record<string, unknown>) => boolean, timeoutMs = 10_000) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', listener);
      reject(new Error('no matching message in time'));
    }, timeoutMs);
    const listener = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!matches(message)) return;
      clearTimeout(timer);
      socket.off('message', listener);
      resolve(message);
    };
    socket.on('message', listener);
  });
}

async function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

/** The floor: one HTTP request that makes a server push one WebSocket message, with nothing else in between. */
export async function measureBaselinePush(iterations: number): Promise<LatencySummary> {
  const server: FastifyInstance = Fastify({ logger: false });
  await server.register(websocket);
  const sockets = new Set<WebSocket>();
  server.get('/socket', { websocket: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.post('/ping', async () => {
    for (const socket of sockets) socket.send(JSON.stringify({ type: 'event', name: 'ping' }));
    return { ok: true };
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const port = (server.server.address() as AddressInfo).port;
  const socket = await openSocket(`ws://127.0.0.1:${port}/socket`);
  const samples: number[] = [];
  try {
    for (let i = 0; i < iterations; i += 1) {
      const started = performance.now();
      const pushed = nextMessage(socket, (message) => message.name === 'ping');
      await fetch(`http://127.0.0.1:${port}/ping`, { method: 'POST' });
      await pushed;
      samples.push(performance.now() - started);
    }
  } finally {
    socket.close();
    await server.close();
  }
  return summarise('(c) bare Fastify: POST pushed to a WebSocket', samples);
}

/**
 * The real path: the tenant's POST /api/v1/calls, the call.queue event through the event bus to the agent's socket,
 * and the console's re-read of the queue that shows the caller. Each call is then cancelled by the tenant.
 */
export async function measureCallToQueue(
  apiUrl: string,
  tenantAccessToken: string,
  staffCookie: string,
  iterations: number,
): Promise<LatencySummary> {
  const socket = await openSocket(`${apiUrl.replace(/^http/, 'ws')}/api/v1/realtime`, { cookie: staffCookie });
  socket.send(JSON.stringify({ type: 'hello' }));
  await nextMessage(socket, (message) => message.type === 'ready');
  const tenant = { authorization: `Bearer ${tenantAccessToken}`, 'content-type': 'application/json' };
  const samples: number[] = [];
  try {
    for (let i = 0; i < iterations; i += 1) {
      const started = performance.now();
      const hinted = nextMessage(socket, (message) => message.type === 'event' && message.name === 'call.queue');
      const response = await fetch(`${apiUrl}/api/v1/calls`, {
        method: 'POST',
        headers: { ...tenant, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ to: { kind: 'CALL_CENTRE' } }),
      });
      if (response.status !== 201) throw new Error(`starting a call answered ${response.status}: ${await response.text()}`);
      const { id } = (await response.json()) as { id: string };
      await hinted;
      const queue = (await (await fetch(`${apiUrl}/api/v1/staff/calls/queue`, { headers: { cookie: staffCookie } })).json()) as {
        items: { callId: string }[];
      };
      if (!queue.items.some((entry) => entry.callId === id)) throw new Error('the call is not in the queue the agent reads');
      samples.push(performance.now() - started);
      const cancelled = await fetch(`${apiUrl}/api/v1/calls/${id}/cancel`, {
        method: 'POST',
        headers: { authorization: tenant.authorization },
      });
      if (!cancelled.ok) throw new Error(`cancelling answered ${cancelled.status}`);
    }
  } finally {
    socket.close();
  }
  return summarise('(d) API: tenant presses call → agent’s queue shows it', samples);
}
