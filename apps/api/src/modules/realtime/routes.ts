// The realtime socket: TVs authenticate with their access token in the first message, staff with their session cookie.
import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { REALTIME_PATH, type ClientMessage, type ServerMessage } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { missedEvents, pruneEvents, tenantAudiences, type Audience } from './service';

const HELLO_TIMEOUT_MS = 10_000;
const HEARTBEAT_MS = 30_000;

function send(socket: WebSocket, message: ServerMessage) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

export const realtimeRoutes: FastifyPluginAsync = async (app) => {
  const socketsByAudience = new Map<string, Set<WebSocket>>();

  const unsubscribe = app.eventBus.subscribe((event) => {
    const sockets = socketsByAudience.get(event.audience);
    if (!sockets) return;
    const { audience: _audience, ...body } = event;
    const message = JSON.stringify({ type: 'event', ...body });
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(message);
  });

  const prune = setInterval(() => {
    pruneEvents(app.db).catch((error) => app.log.warn({ err: error }, 'could not prune realtime events'));
  }, 3_600_000);
  prune.unref();

  app.addHook('onClose', async () => {
    unsubscribe();
    clearInterval(prune);
    for (const sockets of socketsByAudience.values()) for (const socket of sockets) socket.close(1001, 'server shutting down');
  });

  app.get(REALTIME_PATH, { websocket: true, schema: { hide: true } }, (socket, request) => {
    let audiences: Audience[] = [];
    let alive = true;
    const staffPromise = request.cookies.palier_staff ? app.authenticateStaffCookie(request).catch(() => null) : Promise.resolve(null);

    const helloTimer = setTimeout(() => {
      send(socket, { type: 'error', code: 'unauthenticated' });
      socket.close(4401, 'unauthenticated');
    }, HELLO_TIMEOUT_MS);

    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, HEARTBEAT_MS);
    socket.on('pong', () => {
      alive = true;
    });

    socket.once('message', async (raw) => {
      clearTimeout(helloTimer);
      let hello: ClientMessage;
      try {
        hello = JSON.parse(raw.toString()) as ClientMessage;
        if (hello.type !== 'hello') throw new Error('not a hello');
      } catch {
        send(socket, { type: 'error', code: 'bad_message' });
        return socket.close(4400, 'bad message');
      }
      try {
        const staff = await staffPromise;
        if (hello.accessToken) {
          const device = await app.authenticateDevice(hello.accessToken);
          audiences = tenantAudiences(device.place);
        } else if (staff) {
          audiences = [`ORGANISATION:${staff.organisation.id}`, `STAFF:${staff.id}`];
        } else {
          throw new DomainError('unauthenticated');
        }
      } catch (error) {
        const code = error instanceof DomainError && error.code === 'invalid_token' ? 'invalid_token' : 'unauthenticated';
        send(socket, { type: 'error', code });
        return socket.close(4401, code);
      }
      for (const audience of audiences) {
        let sockets = socketsByAudience.get(audience);
        if (!sockets) socketsByAudience.set(audience, (sockets = new Set()));
        sockets.add(socket);
      }
      const replay = hello.lastEventId ? await missedEvents(app.db, audiences, hello.lastEventId) : [];
      for (const event of replay) send(socket, event);
      send(socket, { type: 'ready', replayed: replay.length });
    });

    socket.on('close', () => {
      clearTimeout(helloTimer);
      clearInterval(heartbeat);
      for (const audience of audiences) {
        const sockets = socketsByAudience.get(audience);
        sockets?.delete(socket);
        if (sockets?.size === 0) socketsByAudience.delete(audience);
      }
    });
  });
};
