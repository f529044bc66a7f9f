// Before any test file: make sure the template database for this migration set exists (migrated and seeded).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createDatabaseClient } from '../../apps/api/src/plugins/database';
import { seedDemoResidence } from '../../prisma/demo-residence';
import { databaseUrl, templateName, withAdmin } from './test-database';
import { buildStaleWebApps } from '../../packages/devstack/src/web-apps';
import { ensureLivekitBinary } from '../../packages/devstack/src/livekit';
import { ensureS3ServerBinary } from '../../packages/devstack/src/s3-server';

const repoRoot = path.resolve(__dirname, '../..');

export default async function globalSetup() {
  // The AWS SDK (S3 storage) warns in every worker that its releases after January 2027 need Node 22; the README says
  // so once, and the version is pinned below that.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  await ensureWebAppsBuilt();
  await ensureTemplateDatabase();
  // The Go servers are built here, once, rather than by each worker that needs them, and side by side: the S3 store's
  // module download overlaps the LiveKit compile. Where one cannot be built, its tests say why (and fail in CI).
  const log = (message: string) => process.stderr.write(`[palier] ${message}\n`);
  for (const outcome of await Promise.all([ensureLivekitBinary(log), ensureS3ServerBinary(log)])) if (!outcome.ok) log(outcome.reason);
}

// The end-to-end tests and the TV build check read the built apps: build them once, here, before any test file runs.
async function ensureWebAppsBuilt() {
  const failures = (await buildStaleWebApps({ quiet: true })).filter((outcome) => outcome.failure);
  if (failures.length > 0) {
    throw new Error(failures.map((outcome) => `The ${outcome.app.name} does not build:\n${outcome.failure}`).join('\n\n'));
  }
}

async function ensureTemplateDatabase() {
  const template = templateName();
  const exists = await withAdmin(
    async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount === 1,
  );
  if (exists) return;
  // Built under a temporary name and renamed when complete, so a crashed or concurrent run never leaves half a template.
  const building = `${template}_${process.pid}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${building}"`));
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl(building) },
      stdio: 'pipe',
    });
    const db = createDatabaseClient(databaseUrl(building));
    await seedDemoResidence(db);
    await db.$disconnect();
    await withAdmin(async (client) => {
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`).catch(async (error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // another run finished first
        await client.query(`DROP DATABASE "${building}" WITH (FORCE)`);
      });
    });
  } catch (error) {
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`));
    throw error;
  }
}
