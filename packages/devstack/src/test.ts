// `npm test`: finds PostgreSQL and Redis, builds the web apps the end-to-end tests drive, and runs Jest over the repo.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { repoPath, repoRoot, say } from './repo';
import { redactUrl } from './database';
import { resolveServices } from './services';
import { buildStaleWebApps } from './web-apps';

async function main(): Promise<number> {
  const services = await resolveServices('test');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, PALIER_TEST_DATABASE_URL: services.postgres.adminUrl };
    if (services.redis) {
      env.PALIER_TEST_REDIS_URL = services.redis.url;
    } else {
      delete env.PALIER_TEST_REDIS_URL;
      const banner = '!'.repeat(78);
      process.stderr.write(
        `\n${banner}\n!! No Redis: neither REDIS_URL nor a server on 127.0.0.1:6379.\n` +
          `!! The tests that need Redis (fan-out between API instances, shared rate limits) will say they are SKIPPED.\n${banner}\n\n`,
      );
    }
    say(`tests create their databases on ${redactUrl(services.postgres.adminUrl)}`);

    const builds = await buildStaleWebApps({ quiet: true });
    const failed = builds.filter((outcome) => outcome.failure);
    if (failed.length > 0) {
      for (const { app, failure } of failed) {
        process.stderr.write(`\n\`npm run build -w ${app.workspace}\` failed; the end-to-end tests need the ${app.name}:\n${failure}\n`);
      }
      process.stdout.write('0 passed, 1 failed\n');
      return 1;
    }

    const jest = spawn(process.execPath, [repoPath('node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)], {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
    });
    // The terminal's Ctrl-C reaches Jest directly; wait for it to finish before stopping the database under it.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => jest.kill(signal));
    return await new Promise<number>((resolve) => {
      jest.on('error', (error) => {
        say(`could not run Jest: ${error.message}`);
        resolve(1);
      });
      jest.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 1)));
    });
  } finally {
    await services.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`npm test could not run: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
