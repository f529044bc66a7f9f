// Builds the TV app, the console and the phone page when their dist/ is missing or older than their sources, so the API can serve them.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { repoPath, say } from './repo';
import { runCommand } from './database';

export interface WebApp {
  name: string;
  workspace: string;
  dir: string;
  /** Where the API serves it */
  mountPath: string;
}

export const WEB_APPS: WebApp[] = [
  { name: 'TV app', workspace: '@palier/tv', dir: repoPath('apps', 'tv'), mountPath: '/tv/' },
  { name: 'console', workspace: '@palier/console', dir: repoPath('apps', 'console'), mountPath: '/console/' },
  { name: 'phone page', workspace: '@palier/phone', dir: repoPath('apps', 'phone'), mountPath: '/phone/' },
];

// What a build reads: the app's own files and the shared contracts. Tests and dist do not count.
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];
const SHARED_INPUTS = [repoPath('packages', 'contracts', 'src')];

async function newestChange(target: string): Promise<number> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file shows as a newer directory
  for (const entry of await readdir(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestChange(path.join(target, entry)));
  }
  return newest;
}

export async function isStale(app: WebApp): Promise<{ stale: boolean; reason: string }> {
  const built = await stat(path.join(app.dir, 'dist', 'index.html')).then(
    (info) => info.mtimeMs,
    () => null,
  );
  if (built === null) return { stale: true, reason: 'never built' };
  const inputs = [...INPUTS.map((input) => path.join(app.dir, input)), ...SHARED_INPUTS];
  const changed = Math.max(...(await Promise.all(inputs.map(newestChange))));
  return changed > built ? { stale: true, reason: 'sources changed since the last build' } : { stale: false, reason: 'up to date' };
}

export interface BuildOutcome {
  app: WebApp;
  built: boolean;
  /** The build's output when it failed */
  failure?: string;
}

/** Builds each stale app in turn; a failed build is reported, not thrown, so the caller decides whether it is fatal. */
export async function buildStaleWebApps(options: { quiet?: boolean } = {}): Promise<BuildOutcome[]> {
  const outcomes: BuildOutcome[] = [];
  for (const app of WEB_APPS) {
    const { stale, reason } = await isStale(app);
    if (!stale) {
      outcomes.push({ app, built: false });
      continue;
    }
    say(`building the ${app.name} (${reason}): npm run build -w ${app.workspace}`);
    const started = Date.now();
    try {
      await runCommand('npm', ['run', 'build', '-w', app.workspace], { quiet: options.quiet });
      say(`${app.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      outcomes.push({ app, built: true });
    } catch (error) {
      outcomes.push({ app, built: false, failure: (error as { output?: string }).output ?? (error as Error).message });
    }
  }
  return outcomes;
}
