// `npm start`: runs Palier on this machine with its demo residence, from a fresh clone, in one command.
import { spawn, type ChildProcess } from 'node:child_process';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../../prisma/demo-residence';
import { ensureDatabase, migrateDatabase, seedDemoResidence } from './database';
import { findDemoLetter } from './demo-tenant';
import { repoPath, repoRoot, say } from './repo';
import { appDatabaseUrl, resolveServices, type Services } from './services';
import { buildStaleWebApps } from './web-apps';
import { ensureLivekitBinary, startLivekit, type LivekitServer } from './livekit';

const READY_TIMEOUT_MS = 60_000;

function tail(text: string, lines: number): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join('\n');
}

async function waitUntilReady(baseUrl: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null || api.signalCode !== null) throw new Error('the API stopped before it was ready');
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not answer ${baseUrl}/health/ready within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Video: LIVEKIT_URL's server, else a local LiveKit server when one can be had, else none (and why). */
async function resolveLivekit(port: string): Promise<{ server: LivekitServer | null; line: string }> {
  if (process.env.LIVEKIT_URL) return { server: null, line: `from LIVEKIT_URL (${process.env.LIVEKIT_URL})` };
  const binary = await ensureLivekitBinary(say);
  if (!binary.ok) {
    say(`WARNING: video calls have no media server: ${binary.reason}. Install Go 1.26 or set LIVEKIT_URL.`);
    return { server: null, line: 'none: video calls cannot connect (see the warning above)' };
  }
  const server = await startLivekit({
    binary: binary.binary,
    apiKey: 'palier-dev',
    webhookUrls: [`http://127.0.0.1:${port}/api/v1/livekit/webhook`],
  });
  return { server, line: `${server.url}   (local dev server, started in ${server.startupMs} ms)` };
}

async function printBanner(publicUrl: string, databaseUrl: string, services: Services, missingApps: string[], livekitLine: string) {
  const letter = await findDemoLetter(databaseUrl).catch(() => null);
  const lines = [
    '',
    '  Palier is running with the demo residence.',
    '',
    `  TV app        ${publicUrl}/tv/${missingApps.includes('TV app') ? '   (not built: see the warning above)' : ''}`,
    `  Console       ${publicUrl}/console/${missingApps.includes('console') ? '   (not built: see the warning above)' : ''}`,
    `                sign in as ${DEMO_STAFF.landlordAdmin} / ${DEMO_STAFF_PASSWORD} (caretaker: ${DEMO_STAFF.caretakerLauriers}, same password)`,
    `  Activation    ${publicUrl}/activate`,
  ];
  if (letter) {
    lines.push(
      `                the letter of ${letter.tenant} (${letter.home}):`,
      `                reference ${letter.reference}   activation code ${letter.activationCode}`,
      '                more letters: npm run letters -- --building "Bâtiment B"',
    );
  }
  lines.push(
    `  OpenAPI       ${publicUrl}/openapi.json`,
    '',
    `  PostgreSQL    ${services.postgres.source === 'embedded' ? 'embedded, data in .data/postgres' : 'from DATABASE_URL'}`,
    `  Redis         ${services.redis ? 'from REDIS_URL' : 'none: single instance with an in-process event bus'}`,
    `  LiveKit       ${livekitLine}`,
    '',
    '  Ctrl-C stops it.',
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  const services = await resolveServices('app');
  let api: ChildProcess | null = null;
  let livekit: LivekitServer | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    await livekit?.stop();
    await services.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!api || api.exitCode !== null) {
        void shutdown(130);
        return;
      }
      // The terminal's Ctrl-C reaches the API too; a second one means "now".
      api.kill(stopping ? 'SIGKILL' : signal);
      stopping = true;
    });
  }

  try {
    const databaseUrl = appDatabaseUrl(services);
    await ensureDatabase(databaseUrl);
    say('applying migrations');
    await migrateDatabase(databaseUrl, { quiet: true });
    await seedDemoResidence(databaseUrl);

    const builds = await buildStaleWebApps({ quiet: true });
    const missingApps: string[] = [];
    for (const { app, failure } of builds.filter((outcome) => outcome.failure)) {
      missingApps.push(app.name);
      say(`WARNING: the ${app.name} did not build, so ${app.mountPath} serves its last successful build, if any; the API runs anyway.`);
      say(`  \`npm run build -w ${app.workspace}\` said:\n${tail(failure!, 25)}`);
    }

    const port = process.env.PORT || '3000';
    const publicUrl = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, PUBLIC_URL: publicUrl, DATABASE_URL: databaseUrl };
    if (services.redis) env.REDIS_URL = services.redis.url;
    else delete env.REDIS_URL;
    const video = await resolveLivekit(port);
    livekit = video.server;
    if (livekit) Object.assign(env, { LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret });
    api = spawn(process.execPath, ['--import', 'tsx', repoPath('apps', 'api', 'src', 'server.ts')], {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
    });
    api.on('exit', (code, signal) => {
      if (!stopping) say(`the API stopped (${signal ?? `exit code ${code}`})`);
      void shutdown(stopping ? 0 : (code ?? 1));
    });

    await waitUntilReady(`http://127.0.0.1:${port}`, api);
    await printBanner(publicUrl, databaseUrl, services, missingApps, video.line);
  } catch (error) {
    say(`could not start: ${(error as Error).message}`);
    const output = (error as { output?: string }).output;
    if (output) process.stderr.write(`${tail(output, 40)}\n`);
    api?.kill('SIGTERM');
    await shutdown(1);
  }
}

void main();
