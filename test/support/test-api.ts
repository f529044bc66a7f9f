// Builds the real API for a test file: its own database cloned from the template, its own Redis key prefix.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createClient } from 'redis';
import { buildApp } from '../../apps/api/src/app';
import { loadConfig, type Config } from '../../apps/api/src/config';
import { createTestDatabase, type TestDatabase } from './test-database';

export function testRedisUrl(): string | null {
  return process.env.PALIER_TEST_REDIS_URL ?? process.env.REDIS_URL ?? null;
}

export interface TestApi {
  app: FastifyInstance;
  config: Config;
  database: TestDatabase;
  /** Another API instance on the same database and Redis: what a second server behind the load balancer sees. */
  buildInstance(overrides?: Partial<Config>): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export async function startTestApi(overrides: Partial<Config> & { withRedis?: boolean } = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const { withRedis = true, ...configOverrides } = overrides;
  const redisUrl = withRedis ? testRedisUrl() : null;
  const redisPrefix = `palier-test:${randomBytes(6).toString('hex')}:`;
  const config: Config = {
    ...loadConfig({
      DATABASE_URL: database.url,
      NODE_ENV: 'test',
      PUBLIC_URL: 'http://palier.test',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    }),
    redisPrefix,
    tokenSecret: randomBytes(32).toString('hex'),
    // Uploaded files go to a folder of this test file's own, removed at close.
    storageDir: mkdtempSync(path.join(tmpdir(), 'palier-test-storage-')),
    ...configOverrides,
  };
  const instances: FastifyInstance[] = [];
  const buildInstance = async (more: Partial<Config> = {}) => {
    const instance = await buildApp({ ...config, ...more });
    await instance.ready();
    instances.push(instance);
    return instance;
  };
  const app = await buildInstance();
  return {
    app,
    config,
    database,
    buildInstance,
    async close() {
      await Promise.all(instances.map((instance) => instance.close()));
      await database.drop();
      rmSync(config.storageDir, { recursive: true, force: true });
      if (redisUrl) await deleteKeys(redisUrl, `${redisPrefix}*`);
    },
  };
}

async function deleteKeys(url: string, pattern: string) {
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 500 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    await client.close();
  }
}
