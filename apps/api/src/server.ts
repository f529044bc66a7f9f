// The process entry: reads the environment, builds the app, listens, and shuts down gracefully on signals.
import path from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { StorageUnavailableError } from './plugins/storage';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const repoRoot = path.resolve(__dirname, '../../..');
  config.tvDist ??= path.join(repoRoot, 'apps/tv/dist');
  config.consoleDist ??= path.join(repoRoot, 'apps/console/dist');
  config.phoneDist ??= path.join(repoRoot, 'apps/phone/dist');
  const app = await buildApp(config);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal} received: finishing requests in flight, then stopping`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error) => {
  // The storage plugin has already logged what is wrong with the bucket, in words: no stack trace on top.
  if (!(error instanceof StorageUnavailableError)) console.error(error);
  process.exit(1);
});
