// A real S3-compatible store for the tests: SeaweedFS (Apache-2.0), built once from the Go module proxy into the
// cache folder, started on free loopback ports in a folder of its own with one key pair, and stopped after.
// SeaweedFS checks every request's AWS Signature V4, so a wrong secret really is refused, as AWS would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { ensureGoBinary, palierCacheDir, type GoBinaryAvailability } from './go';

// No tagged release of SeaweedFS is served as a Go module: this is the pseudo-version of its 2026-11-09 commit.
export const SEAWEEDFS_VERSION = 'v0.0.0-20261109003541-7506e5f91cd6';
const MODULE = 'github.com/seaweedfs/seaweedfs';
const READY_TIMEOUT_MS = 60_000;

export function s3ServerBinaryPath(): string {
  return path.join(palierCacheDir(), `seaweedfs-${SEAWEEDFS_VERSION.slice(-12)}`, 'weed');
}

/** Finds the cached SeaweedFS binary or builds it (once, about 10 minutes on two busy cores). Never throws. */
export function ensureS3ServerBinary(log: (message: string) => void = () => {}): Promise<GoBinaryAvailability> {
  return ensureGoBinary(
    {
      mainPackage: `${MODULE}/weed`,
      module: MODULE,
      version: SEAWEEDFS_VERSION,
      binary: s3ServerBinaryPath(),
      // From SeaweedFS's own go.mod (the original module was deleted from GitHub; this fork is API-compatible).
      replace: ['github.com/tyler-smith/go-bip39 => github.com/cosmos/go-bip39 v1.0.0'],
      expected: 'about 10 minutes',
    },
    log,
  );
}

export interface S3Server {
  /** http://127.0.0.1:<port>: the S3 API, path-style. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Milliseconds from spawn to the store taking a signed request. */
  startupMs: number;
  stop(): Promise<void>;
}

export interface S3ServerOptions {
  binary?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Receives the server's output lines (by default they are kept only to explain a failed start). */
  onOutput?: (line: string) => void;
}

/**
 * Starts SeaweedFS (master, volume, filer and S3 gateway in one process) on free loopback ports, with its data in a
 * temporary folder removed at stop. Resolves once its S3 API answers; buckets are the caller's to create.
 */
export async function startS3Server(options: S3ServerOptions = {}): Promise<S3Server> {
  const binary = options.binary ?? s3ServerBinaryPath();
  const accessKeyId = options.accessKeyId ?? `PALIER${randomBytes(7).toString('hex').toUpperCase()}`;
  const secretAccessKey = options.secretAccessKey ?? randomBytes(30).toString('base64url');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'palier-s3-'));
  const config = path.join(folder, 's3.json');
  writeFileSync(
    config,
    JSON.stringify({
      identities: [
        {
          name: 'palier',
          credentials: [{ accessKey: accessKeyId, secretKey: secretAccessKey }],
          actions: ['Admin', 'Read', 'List', 'Tagging', 'Write'],
        },
      ],
    }),
  );
  // Every port its parts open, gRPC ones included: their defaults (fixed, or HTTP port + 10000) could be anyone's on a
  // shared machine.
  const ports: Record<string, number> = {};
  for (const part of ['master', 'volume', 'filer', 's3', 'admin'])
    for (const name of [`${part}.port`, `${part}.port.grpc`]) ports[name] = await freePort();
  // `weed mini`: every part in one process, tuned for a single small node (it announces its filer at once, where a
  // `weed server` first waits for peers it could have).
  const args = [
    'mini',
    `-dir=${path.join(folder, 'data')}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    ...Object.entries(ports).map(([name, value]) => `-${name}=${value}`),
    `-s3.config=${config}`,
    // What a test store does not need: other gateways and consoles, anonymous statistics sent out, big volumes, a
    // grace period at stop.
    '-webdav=false',
    '-admin.ui=false',
    '-admin.port.legacy=0',
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    '-master.telemetry=false',
    '-master.volumeSizeLimitMB=64',
    '-volume.preStopSeconds=0',
  ];
  mkdirSync(path.join(folder, 'data'));
  const started = Date.now();
  const child: ChildProcess = spawn(binary, args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-8_000);
    if (options.onOutput) for (const line of text.split('\n').filter(Boolean)) options.onOutput(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(folder, { recursive: true, force: true });
    // Its gRPC parts also listen on Unix sockets named after their ports in /tmp (not configurable); a clean stop
    // removes them, a killed one does not.
    for (const [name, port] of Object.entries(ports))
      if (name.endsWith('.grpc')) rmSync(`/tmp/seaweedfs-${name.split('.')[0]}-grpc-${port}.sock`, { force: true });
  };

  const endpoint = `http://127.0.0.1:${ports['s3.port']}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`SeaweedFS stopped before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${endpoint}/status`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`SeaweedFS did not answer ${endpoint}/status within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { endpoint, region: 'us-east-1', accessKeyId, secretAccessKey, startupMs: Date.now() - started, stop };
}
