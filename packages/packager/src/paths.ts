// Where the packager reads and writes: the repo's tv-manifests/, the TV build and dist/packages/.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const manifestsDir = path.join(repoRoot, 'tv-manifests');
export const templatesDir = path.join(manifestsDir, 'templates');
export const defaultTvDist = path.join(repoRoot, 'apps', 'tv', 'dist');
export const defaultOutDir = path.join(repoRoot, 'dist', 'packages');

/** The repo's version (root package.json): every package carries it. */
export function repoVersion(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
