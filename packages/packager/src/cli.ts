// npm run package -- --profile <name> --platform tizen|webos|hbbtv|all [--api-url <url>] [--tv-dist <dir>] [--out <dir>]
// npm run package -- --dev-certificate [--force]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDevCertificates, DEV_CERTIFICATES_DIR, DEV_PASSWORD, SIGNING_VARIABLES } from './certificates';
import { kb, summaryTable } from './checks';
import { packageApp, parsePlatforms } from './package';
import { repoRoot } from './paths';

const USAGE = `Usage:
  npm run package -- --profile <name> [--platform tizen|webos|hbbtv|all] [--api-url <url>] [--out <dir>] [--tv-dist <dir>]
  npm run package -- --dev-certificate [--force]

Profiles are tv-manifests/<name>.json. Tizen packages are signed with ${SIGNING_VARIABLES.authorFile} /
${SIGNING_VARIABLES.authorPassword} and ${SIGNING_VARIABLES.distributorFile} / ${SIGNING_VARIABLES.distributorPassword}
when set, else with development certificates in ${path.relative(repoRoot, DEV_CERTIFICATES_DIR)}.`;

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        profile: { type: 'string' },
        platform: { type: 'string' },
        'api-url': { type: 'string' },
        out: { type: 'string' },
        'tv-dist': { type: 'string' },
        'dev-certificate': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values['dev-certificate']) {
    const made = createDevCertificates({ force: values.force });
    process.stdout.write(
      `Development certificates (self-signed, password "${made.password === DEV_PASSWORD ? DEV_PASSWORD : '…'}"):\n  author       ${path.relative(repoRoot, made.author)}\n  distributor  ${path.relative(repoRoot, made.distributor)}\n` +
        `They sign packages for checks, the emulator and development; a retail Samsung TV needs certificates from Samsung's Certificate Manager.\n`,
    );
    return 0;
  }
  if (!values.profile) {
    process.stderr.write(`--profile is required\n\n${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const results = await packageApp({
      profile: values.profile,
      platforms: parsePlatforms(values.platform),
      apiUrl: values['api-url'],
      outDir: values.out ? path.resolve(values.out) : undefined,
      tvDist: values['tv-dist'] ? path.resolve(values['tv-dist']) : undefined,
      log,
    });
    log('');
    for (const result of results) {
      log(`${result.platform}: ${result.checks.length} checks passed — ${result.checks.join('; ')}`);
      for (const note of result.notes) log(`${result.platform}: note: ${note}`);
      for (const extra of result.extras) log(`${result.platform}: also ${path.relative(repoRoot, extra)}`);
    }
    log('');
    log(summaryTable(results, (file) => path.relative(repoRoot, file)));
    const over = results.filter((result) => result.size.bytes > result.size.budget);
    if (over.length > 0) log(`over budget: ${over.map((result) => `${result.platform} ${kb(result.size.bytes)}`).join(', ')}`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}
