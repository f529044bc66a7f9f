// The Go servers the tests run (LiveKit, the S3 store) are built once by Jest's global setup; a test file only looks.
import { existsSync } from 'node:fs';

/** True when the binary is there; else a loud skip, or an error in CI, which must run every test. */
export function goBinaryAvailable(binary: string, tests: string): boolean {
  if (existsSync(binary)) return true;
  const reason = `no ${binary}: Jest's global setup builds it with Go 1.26 (its output above says why it could not)`;
  if (process.env.CI === 'true') throw new Error(`CI must run the ${tests.toLowerCase()}, but: ${reason}`);
  const banner = '!'.repeat(78);
  process.stderr.write(`\n${banner}\n!! ${tests} SKIPPED: ${reason}.\n!! Install Go 1.26 to run them.\n${banner}\n\n`);
  return false;
}
