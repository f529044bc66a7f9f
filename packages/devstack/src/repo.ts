// Where the monorepo lives on disk, for the devstack scripts that run from any working directory.
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

export function repoPath(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}

/** A prefixed line on stderr, so devstack messages stand apart from the API's JSON logs. */
export function say(message: string): void {
  process.stderr.write(`[palier] ${message}\n`);
}
