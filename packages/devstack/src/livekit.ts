// A real LiveKit server for `npm start` and the tests: built once from the Go module proxy into a cache folder
// outside the repository, started in dev mode on free loopback ports with our key and webhook URL, stopped after.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from './free-port';
import { ensureGoBinary, palierCacheDir, type GoBinaryAvailability } from './go';

export const LIVEKIT_VERSION = 'v1.13.5';
const MODULE = 'github.com/livekit/livekit-server';
const MAIN_PACKAGE = `${MODULE}/cmd/server`;
const READY_TIMEOUT_MS = 20_000;

/** Where the binary is cached: `~/.cache/palier/livekit-v1.13.5/server` (or `$PALIER_CACHE_DIR/livekit-…`). */
export function livekitCacheDir(): string {
  return path.join(palierCacheDir(), `livekit-${LIVEKIT_VERSION}`);
}

export function livekitBinaryPath(): string {
  return path.join(livekitCacheDir(), 'server');
}

export type LivekitAvailability = GoBinaryAvailability;

/**
 * Finds the cached binary, or builds it with `go install …@v1.13.5` (about 3 minutes, once). Never throws: when it
 * cannot have a server it says why, so callers can skip loudly.
 */
export function ensureLivekitBinary(log: (message: string) => void = () => {}): Promise<LivekitAvailability> {
  return ensureGoBinary(
    { mainPackage: MAIN_PACKAGE, module: MODULE, version: LIVEKIT_VERSION, binary: livekitBinaryPath(), expected: 'about 3 minutes' },
    log,
  );
}

export interface LivekitServer {
  /** ws:// URL for clients (livekit-client) and the API's LIVEKIT_URL */
  url: string;
  /** http:// URL of the same server, for RoomServiceClient */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Milliseconds from spawn to the server answering `OK` */
  startupMs: number;
  stop(): Promise<void>;
}

export interface LivekitOptions {
  binary?: string;
  apiKey?: string;
  apiSecret?: string;
  /** Where the server POSTs its webhooks, signed with apiKey. */
  webhookUrls?: string[];
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Receives the server's output lines (by default they are kept only to explain a failed start). */
  onOutput?: (line: string) => void;
}

function configYaml(
  ports: { http: number; tcp: number; udp: number },
  options: Required<Pick<LivekitOptions, 'apiKey' | 'apiSecret'>> & LivekitOptions,
) {
  const lines = [
    `port: ${ports.http}`,
    'bind_addresses: ["127.0.0.1"]',
    'rtc:',
    `  tcp_port: ${ports.tcp}`,
    `  udp_port: ${ports.udp}`,
    '  node_ip: 127.0.0.1',
    '  use_external_ip: false',
    'keys:',
    `  ${options.apiKey}: ${options.apiSecret}`,
    'room:',
    '  empty_timeout: 300',
    '  departure_timeout: 10',
    'logging:',
    `  level: ${options.logLevel ?? 'warn'}`,
  ];
  if (options.webhookUrls?.length) {
    lines.push('webhook:', `  api_key: ${options.apiKey}`, '  urls:', ...options.webhookUrls.map((url) => `    - ${JSON.stringify(url)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Starts a LiveKit server on free loopback ports and resolves once it answers `OK` on GET /. */
export async function startLivekit(options: LivekitOptions = {}): Promise<LivekitServer> {
  const binary = options.binary ?? livekitBinaryPath();
  const apiKey = options.apiKey ?? `palier-${randomBytes(4).toString('hex')}`;
  const apiSecret = options.apiSecret ?? randomBytes(24).toString('hex');
  const ports = { http: await freePort(), tcp: await freePort(), udp: await freePort() };
  const started = Date.now();
  const child: ChildProcess = spawn(binary, ['--dev', '--config-body', configYaml(ports, { ...options, apiKey, apiSecret })], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-8_000);
    if (options.onOutput) for (const line of text.split('\n').filter(Boolean)) options.onOutput(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const httpUrl = `http://127.0.0.1:${ports.http}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the LiveKit server stopped before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${httpUrl}/`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok && (await response.text()).trim() === 'OK') break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the LiveKit server did not answer ${httpUrl}/ within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url: `ws://127.0.0.1:${ports.http}`, httpUrl, apiKey, apiSecret, startupMs: Date.now() - started, stop };
}
