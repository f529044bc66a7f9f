// Fan-out of realtime events between API instances: Redis pub/sub, or an in-process emitter for a single instance.
import { EventEmitter } from 'node:events';
import fp from 'fastify-plugin';
import type { RealtimeEventBody } from '@palier/contracts';

/** An event as it travels between instances: stored id, the one audience it is for, and its body. */
export type BusEvent = { id: string; audience: string } & RealtimeEventBody;

export interface EventBus {
  publish(event: BusEvent): Promise<void>;
  subscribe(listener: (event: BusEvent) => void): () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    eventBus: EventBus;
  }
}

class InProcessBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  async publish(event: BusEvent) {
    this.emitter.emit('event', event);
  }
  subscribe(listener: (event: BusEvent) => void) {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}

export default fp(
  async (app) => {
    if (!app.redis) {
      app.decorate('eventBus', new InProcessBus());
      return;
    }
    const channel = app.redisKey('events');
    const publisher = app.redis;
    const subscriber = publisher.duplicate();
    subscriber.on('error', (error) => app.log.error({ err: error }, 'redis subscriber error'));
    await subscriber.connect();
    const local = new InProcessBus();
    await subscriber.subscribe(channel, (message) => {
      try {
        void local.publish(JSON.parse(message) as BusEvent);
      } catch (error) {
        app.log.warn({ err: error }, 'dropped an unreadable bus message');
      }
    });
    app.decorate('eventBus', {
      publish: async (event: BusEvent) => {
        await publisher.publish(channel, JSON.stringify(event));
      },
      subscribe: (listener: (event: BusEvent) => void) => local.subscribe(listener),
    });
    app.addHook('onClose', async () => {
      await subscriber.close();
    });
  },
  { name: 'event-bus', dependencies: ['redis'] },
);
