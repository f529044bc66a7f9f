// Go servers the stack runs (LiveKit, the S3 test store): built once from the Go module proxy into a cache folder
// outside the repository (never committed), by whichever `go` the machine has.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `~/.cache/palier`, or `$PALIER_CACHE_DIR`. */
export function palierCacheDir(): string {
  return process.env.PALIER_CACHE_DIR || path.join(os.homedir(), '.cache', 'palier');
}

/** The `go` command: on PATH, else the usual install location. Null when there is none. */
export function findGo(): string | null {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    try {
      execFileSync(candidate, ['version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

export type GoBinaryAvailability = { ok: true; binary: string } | { ok: false; reason: string };

export interface GoBinary {
  /** The main package, e.g. `github.com/seaweedfs/seaweedfs/weed`. */
  mainPackage: string;
  /** The module that holds it and the exact version to build. */
  module: string;
  version: string;
  /** Where the built binary goes (its folder is created). */
  binary: string;
  /**
   * `replace` lines of the module's own go.mod. `go install pkg@version` refuses a module that has any, so such a
   * module is built from a throwaway module that requires it and repeats them (they only count in the main module).
   */
  replace?: string[];
  /** What a person waits for, for the log line: "about 3 minutes". */
  expected: string;
}

const BUILD_TIMEOUT_MS = 30 * 60_000;

function lastLines(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim();
  return stderr ? stderr.split('\n').slice(-5).join('\n') : (error as Error).message;
}

function run(go: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(go, args, { ...options, timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) =>
      error ? reject(Object.assign(error, { stderr })) : resolve(),
    );
  });
}

/**
 * Finds the cached binary, or builds it (once; minutes). Never throws: when it cannot have the binary it says why, so
 * callers can skip loudly. The binary is written under a temporary name and renamed into place, so a build that dies
 * half-way, or two runs building at once, never leave a broken binary behind.
 */
export async function ensureGoBinary(spec: GoBinary, log: (message: string) => void = () => {}): Promise<GoBinaryAvailability> {
  if (existsSync(spec.binary)) return { ok: true, binary: spec.binary };
  const go = findGo();
  const what = `${spec.mainPackage}@${spec.version}`;
  if (!go) return { ok: false, reason: `no binary at ${spec.binary} and no \`go\` command to build it (${what})` };
  const folder = path.dirname(spec.binary);
  mkdirSync(folder, { recursive: true });
  log(`building ${what} with ${go} into ${folder} (once, ${spec.expected})`);
  const started = Date.now();
  // Beside the binary, so the last rename stays on one file system.
  const work = mkdtempSync(path.join(folder, '.build-'));
  const partial = `${spec.binary}.${process.pid}.part`;
  const env = { ...process.env, GOFLAGS: '-mod=mod' };
  try {
    if (spec.replace?.length) {
      writeFileSync(
        path.join(work, 'go.mod'),
        `module palier.invalid/build\n\ngo 1.26\n\n${spec.replace.map((line) => `replace ${line}`).join('\n')}\n`,
      );
      await run(go, ['get', `${spec.module}@${spec.version}`], { cwd: work, env });
      await run(go, ['build', '-o', partial, spec.mainPackage], { cwd: work, env });
    } else {
      await run(go, ['install', what], { cwd: work, env: { ...env, GOBIN: work } });
      renameSync(path.join(work, path.basename(spec.mainPackage)), partial);
    }
    renameSync(partial, spec.binary);
  } catch (error) {
    rmSync(partial, { force: true });
    return { ok: false, reason: `building ${what} failed: ${lastLines(error)}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`built ${path.basename(spec.binary)} in ${Math.round((Date.now() - started) / 1000)} s`);
  return { ok: true, binary: spec.binary };
}
