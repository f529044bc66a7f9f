// Connection checks and life of the app's databases on a PostgreSQL server: create, migrate, seed, drop.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { repoPath, repoRoot, say } from './repo';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** A URL safe to print: the password is masked. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function connect(url: string, timeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** True when a server answers and lets us in at this URL within the timeout. */
export async function databaseAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const client = await connect(url, timeoutMs);
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Creates the URL's database when the server answers that it does not exist (SQLSTATE 3D000). */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  try {
    const client = await connect(url, 5_000);
    await client.end();
    return { created: false };
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
  }
  const name = databaseName(url);
  const admin = await connect(withDatabase(url, 'postgres'), 5_000);
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile by another process
  } finally {
    await admin.end();
  }
  say(`created database ${name}`);
  return { created: true };
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = await connect(adminUrl, 5_000);
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await connect(adminUrl, 5_000);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Resolve as soon as the output contains one of these, and stop the process (it may linger on timers). */
  doneWhen?: RegExp;
  quiet?: boolean;
}

/** Runs a command from the repo root, echoing its output unless quiet; rejects with the output on failure. */
export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    let settled = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
      if (!settled && options.doneWhen?.test(output)) {
        settled = true;
        resolve(output);
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    child.on('close', (code, signal) => {
      if (settled) return;
      settled = true;
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`})`), { output }));
    });
  });
}

/** `prisma migrate deploy`, run by its own entry point so that the process can be stopped once it reports success. */
export async function migrateDatabase(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  await runCommand(process.execPath, [repoPath('node_modules', 'prisma', 'build', 'index.js'), 'migrate', 'deploy'], {
    env: { DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    doneWhen: /All migrations have been successfully applied|No pending migrations to apply/,
    quiet: options.quiet,
  });
}

/** Loads the demo residence; prisma/seed.ts does nothing when it is already there. */
export async function seedDemoResidence(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  await runCommand(process.execPath, ['--import', 'tsx', repoPath('prisma', 'seed.ts')], {
    env: { DATABASE_URL: url },
    quiet: options.quiet,
  });
}
