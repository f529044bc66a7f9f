// `npm run bench`: requests per second and latency of a tenant's notices page on the real API, against a bare
// Fastify hello route measured in the same run on the same machine, so the ratio means something anywhere.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../../apps/api/src/app';
import { loadConfig } from '../../../apps/api/src/config';
import { createDatabase, dropDatabase, migrateDatabase, seedDemoResidence } from './database';
import { activateDemoTv } from './device-flow';
import { say } from './repo';
import { resolveServices } from './services';
import { measureBaselinePush, measureCallToQueue, type LatencySummary } from './bench-calls';
import { measureFirstFrames } from './bench-first-frame';
import { measureFeedScale } from './bench-feed';
import { startLivekit, ensureLivekitBinary, LIVEKIT_VERSION, type LivekitServer } from './livekit';

const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BENCH_TENANT = 'HMP-LAU-B-0101'; // Les Lauriers, Bâtiment B: building, residence, district and city notices
const CALL_ITERATIONS = Number(process.env.BENCH_CALL_ITERATIONS ?? 100);
const FRAME_ITERATIONS = Number(process.env.BENCH_FRAME_ITERATIONS ?? 10);
const FRAME_TENANT = 'HMP-LAU-A-0203'; // a TV of its own for the video calls, apart from the notices one
const AGENT_EMAIL = 'accueil@hmp.demo';
const DEMO_PASSWORD = 'palier-demo';

/**
 * `npm run bench -- --only notices` measures (a) and (b) alone, in about half a minute after the seed: what to repeat,
 * alternating between two checkouts, when comparing commits on a machine others share. Without it, everything runs.
 */
const SCENARIO_GROUPS = ['notices'] as const;
function onlyGroup(argv: string[]): (typeof SCENARIO_GROUPS)[number] | null {
  const at = argv.indexOf('--only');
  if (at < 0) return null;
  const group = argv[at + 1];
  if (!(SCENARIO_GROUPS as readonly string[]).includes(group ?? '')) {
    throw new Error(`--only takes one of: ${SCENARIO_GROUPS.join(', ')} (got ${group ?? 'nothing'})`);
  }
  return group as (typeof SCENARIO_GROUPS)[number];
}

/** The machine's load average over 1, 5 and 15 minutes, to tell a quiet run from a busy one. */
function machineLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

interface Scenario {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

interface Measure {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

function load(scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: scenario.url,
    headers: scenario.headers,
    connections: CONNECTIONS,
    duration: seconds,
    // The load runs in a worker thread, so it does not share the servers' event loop.
    workers: 1,
  });
}

async function measure(scenario: Scenario): Promise<Measure> {
  say(`${scenario.name}: ${WARMUP_SECONDS} s warm-up, then ${DURATION_SECONDS} s with ${CONNECTIONS} connections`);
  if (WARMUP_SECONDS > 0) await load(scenario, WARMUP_SECONDS);
  const result = await load(scenario, DURATION_SECONDS);
  return {
    scenario: scenario.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** autocannon's histogram counts whole milliseconds. */
function milliseconds(value: number): string {
  return value < 1 ? '<1' : String(value);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

async function main(): Promise<number> {
  const only = onlyGroup(process.argv.slice(2));
  const services = await resolveServices('test');
  // A database of its own, so the benchmark never touches a developer's data, and dropped at the end.
  const databaseName = `palier_bench_${randomBytes(4).toString('hex')}`;
  const apps: FastifyInstance[] = [];
  let livekit: LivekitServer | null = null;
  try {
    const databaseUrl = await createDatabase(services.postgres.adminUrl, databaseName);
    say(`preparing database ${databaseName}: migrations and the demo residence`);
    await migrateDatabase(databaseUrl, { quiet: true });
    await seedDemoResidence(databaseUrl, { quiet: true });

    const hello = Fastify({ logger: false });
    hello.get('/hello', async () => ({ hello: 'world' }));
    apps.push(hello);
    const helloUrl = await listen(hello);

    // Calls need a LiveKit server (production config requires one): a local one, as npm start runs.
    const binary = await ensureLivekitBinary((message) => say(message));
    if (!binary.ok) throw new Error(`the benchmark needs a LiveKit server: ${binary.reason}`);
    livekit = await startLivekit();
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      REDIS_URL: services.redis?.url ?? '',
      REDIS_PREFIX: `${databaseName}:`,
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: 'http://127.0.0.1',
      // The benchmark is one client hammering one route; the limits would measure 429s.
      RATE_LIMIT_PER_MINUTE: '1000000000',
      // The video-call bench opens the real TV app, as the API serves it (build it with npm run build -w @palier/tv).
      TV_DIST: path.resolve(__dirname, '../../../apps/tv/dist'),
      CONSOLE_DIST: '',
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    });
    const api = await buildApp(config);
    apps.push(api);
    const apiUrl = await listen(api);
    const { accessToken } = await activateDemoTv(apiUrl, BENCH_TENANT);
    const notices = await fetch(`${apiUrl}/api/v1/notices`, { headers: { authorization: `Bearer ${accessToken}` } });
    const page = (await notices.json()) as { items?: unknown[] };
    if (!notices.ok || !page.items?.length)
      throw new Error(`the notices page answered ${notices.status} with ${page.items?.length ?? 0} notices`);
    const pageBytes = JSON.stringify(page).length;

    const loadBefore = machineLoad();
    const baseline = await measure({ name: '(a) bare Fastify: GET /hello', url: `${helloUrl}/hello` });
    const real = await measure({
      name: `(b) API: GET /api/v1/notices (tenant, ${page.items.length} notices)`,
      url: `${apiUrl}/api/v1/notices`,
      headers: { authorization: `Bearer ${accessToken}` },
    });

    const rows = [['scenario', 'requests/s', 'p50 (ms)', 'p99 (ms)', 'failed']];
    for (const row of [baseline, real]) {
      rows.push([
        row.scenario,
        Math.round(row.requestsPerSecond).toLocaleString('en'),
        milliseconds(row.p50),
        milliseconds(row.p99),
        `${row.failures}/${row.requests}`,
      ]);
    }
    const ratio = real.requestsPerSecond / baseline.requestsPerSecond;
    const noticesText =
      `\n${table(rows)}\n\n` +
      `(b)/(a) = ${(ratio * 100).toFixed(2)} % of the bare Fastify throughput\n` +
      `${CONNECTIONS} connections, ${DURATION_SECONDS} s after ${WARMUP_SECONDS} s warm-up, loopback, load from a worker thread; ` +
      `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; ` +
      `PostgreSQL ${services.postgres.source}, ${services.redis ? `Redis ${services.redis.source}` : 'no Redis'}; notices page ${pageBytes} bytes; ` +
      `load average ${loadBefore} before (a), ${machineLoad()} after (b)\n`;
    const failed = baseline.failures + real.failures;
    if (failed > 0) say(`WARNING: ${failed} requests failed (non-2xx, errors or timeouts): the figures above are not trustworthy`);
    if (only === 'notices') {
      process.stdout.write(noticesText);
      return failed > 0 ? 1 : 0;
    }

    // Call-centre latency: the call-centre must be open for the whole run.
    await api.db.organisation.update({
      where: { slug: 'hmp' },
      data: {
        callCentreHours: {
          timeZone: 'Europe/Paris',
          weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
        },
      },
    });
    const signIn = await fetch(`${apiUrl}/api/v1/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: AGENT_EMAIL, password: DEMO_PASSWORD }),
    });
    const staffCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (!signIn.ok || !staffCookie) throw new Error(`the agent could not sign in: ${signIn.status}`);
    say(`call-centre latency: ${CALL_ITERATIONS} calls, one after the other, each cancelled after it showed`);
    const pushBaseline = await measureBaselinePush(CALL_ITERATIONS);
    const callToQueue = await measureCallToQueue(apiUrl, accessToken, staffCookie, CALL_ITERATIONS);
    const frames = await measureFirstFrames({
      apiUrl,
      livekit,
      tenantTokens: await activateDemoTv(apiUrl, FRAME_TENANT),
      staffCookie,
      iterations: FRAME_ITERATIONS,
      log: say,
    });
    const feed = await measureFeedScale({ db: api.db, apiUrl, accessToken, tenantReference: BENCH_TENANT, log: say });
    const fixed = (value: number) => value.toFixed(1);
    const latencyTable = (summaries: LatencySummary[]) =>
      table([
        ['scenario', 'samples', 'p50 (ms)', 'p99 (ms)'],
        ...summaries.map((row) => [row.scenario, String(row.samples), fixed(row.p50), fixed(row.p99)]),
      ]);
    process.stdout.write(
      noticesText +
        `\n${latencyTable([pushBaseline, callToQueue])}\n\n` +
        `(d)/(c) = ${(callToQueue.p50 / pushBaseline.p50).toFixed(1)}× the bare push at p50, ${(callToQueue.p99 / pushBaseline.p99).toFixed(1)}× at p99\n` +
        `\n${latencyTable([frames.baseline, frames.palier])}\n\n` +
        `(f)/(e) = ${(frames.palier.p50 / frames.baseline.p50).toFixed(1)}× the bare LiveKit publication at p50, ${(frames.palier.p99 / frames.baseline.p99).toFixed(1)}× at p99; ` +
        `Chromium ${frames.chromium}, headless, fake camera, LiveKit ${LIVEKIT_VERSION} on loopback, first frames timed with requestVideoFrameCallback\n` +
        `\n${feed.text}`,
    );
    return failed > 0 ? 1 : 0;
  } finally {
    for (const app of apps.reverse()) await app.close().catch(() => {});
    await livekit?.stop().catch(() => {});
    await dropDatabase(services.postgres.adminUrl, databaseName).catch((error) =>
      say(`could not drop ${databaseName}: ${(error as Error).message}`),
    );
    await services.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`the benchmark failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
