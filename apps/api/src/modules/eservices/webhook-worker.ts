// The webhook worker: every API instance polls PostgreSQL for due deliveries and sends what it claimed. Claims skip
// rows another instance holds, so adding instances adds throughput and never a second send.
import fp from 'fastify-plugin';
import { attemptDelivery, claimDueDeliveries, type WebhookSettings } from './webhooks';
import type { WebhookTargetPolicy } from './webhook-target';

export interface WebhookWorkerOptions extends WebhookSettings, WebhookTargetPolicy {
  enabled: boolean;
  pollIntervalMs: number;
  /** Deliveries claimed per poll, sent in parallel. */
  batchSize: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    eserviceWebhooks: {
      /** One poll: claims due deliveries and attempts each; resolves with how many were attempted. */
      runOnce(): Promise<number>;
    };
  }
}

export default fp<WebhookWorkerOptions>(
  async (app, options) => {
    // A lease outlives the slowest possible attempt, so no other instance picks it up while it is in flight.
    const leaseMs = options.timeoutMs + 30_000;
    const runOnce = async () => {
      const claimed = await claimDueDeliveries(app.db, options.batchSize, leaseMs);
      await Promise.all(
        claimed.map((delivery) =>
          attemptDelivery(app.db, options, delivery).catch((error) =>
            app.log.warn({ err: error, deliveryId: delivery.id }, 'could not record a webhook attempt'),
          ),
        ),
      );
      return claimed.length;
    };
    app.decorate('eserviceWebhooks', { runOnce });
    if (!options.enabled) return;

    let running: Promise<unknown> | null = null;
    const timer = setInterval(() => {
      if (running) return;
      running = runOnce()
        .catch((error) => app.log.warn({ err: error }, 'webhook poll failed'))
        .finally(() => {
          running = null;
        });
    }, options.pollIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'eservice-webhooks', dependencies: ['database'] },
);
