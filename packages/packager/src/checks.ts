// The checks every package goes through after it is built, and the summary table the command prints.
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';
import type { ArchiveEntry } from './archive';
import type { PlatformName } from './profile';
import { scriptsOf } from './stage';

export interface PackageResult {
  platform: PlatformName;
  /** The package file, or the HbbTV app folder. */
  output: string;
  /** Extra files (the HbbTV AIT). */
  extras: string[];
  version: string;
  /** What the budget is measured on: the file's size, or the first download (gzip) of a hosted app. */
  size: { label: string; bytes: number; budget: number };
  checks: string[];
  notes: string[];
}

export class PackageCheckError extends Error {
  constructor(
    readonly platform: PlatformName,
    readonly problems: string[],
  ) {
    super(`The ${platform} package fails its checks:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PackageCheckError';
  }
}

/** Collects problems so one run reports them all. */
export class Checklist {
  readonly passed: string[] = [];
  readonly problems: string[] = [];

  check(description: string, run: () => string | void | null | undefined | false): void {
    try {
      const problem = run();
      if (problem) this.problems.push(`${description}: ${problem}`);
      else this.passed.push(description);
    } catch (error) {
      this.problems.push(`${description}: ${(error as Error).message}`);
    }
  }

  throwIfFailed(platform: PlatformName): void {
    if (this.problems.length > 0) throw new PackageCheckError(platform, this.problems);
  }
}

/** The JavaScript files that do not parse as ES5 (what a 2017 TV or an HbbTV WebKit runs), with the parser's message. */
export function es5Failures(entries: ArchiveEntry[]): string[] {
  return entries
    .filter((entry) => entry.name.endsWith('.js'))
    .flatMap((entry) => {
      try {
        parse(entry.data.toString('utf8'), { ecmaVersion: 5, sourceType: 'script' });
        return [];
      } catch (error) {
        return [`${entry.name}: ${(error as Error).message}`];
      }
    });
}

/** The scripts an entry page loads that the package lacks. */
export function missingScripts(html: string, names: Set<string>, base = ''): string[] {
  return scriptsOf(html)
    .map((script) => base + script)
    .filter((script) => !names.has(script));
}

export function gzipBytes(entries: ArchiveEntry[]): number {
  return entries.reduce((total, entry) => total + gzipSync(entry.data, { level: 9 }).length, 0);
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Seconds to fetch on the tenants' 2 Mbit/s line. */
export function secondsAt2Mbit(bytes: number): string {
  return `${((bytes * 8) / 2_000_000).toFixed(1)} s`;
}

export function summaryTable(results: PackageResult[], relative: (file: string) => string): string {
  const rows = results.map((result) => [
    result.platform,
    result.version,
    relative(result.output),
    `${kb(result.size.bytes)} ${result.size.label}`,
    `${kb(result.size.budget)}`,
    result.size.bytes <= result.size.budget ? 'ok' : 'OVER',
    `${result.checks.length} passed`,
  ]);
  const header = ['platform', 'version', 'package', 'size', 'budget', '', 'checks'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
