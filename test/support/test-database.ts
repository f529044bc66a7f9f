// Each test file gets its own PostgreSQL database, cloned from a template that is migrated and seeded once per
// migration set, so files run in parallel and runs never collide.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const repoRoot = path.resolve(__dirname, '../..');

export function adminUrl(): string {
  const url = process.env.PALIER_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  return url;
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** The template's name changes whenever the migrations or the demo residence change. */
export function templateName(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(path.join(repoRoot, 'prisma/migrations')),
    ...['demo-residence.ts', 'demo-letters.ts', 'demo-eservices.ts'].map((f) => path.join(repoRoot, 'prisma', f)),
  ];
  for (const file of inputs.sort()) hash.update(file.slice(repoRoot.length)).update(readFileSync(file));
  return `palier_tpl_${hash.digest('hex').slice(0, 16)}`;
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateName();
  const name = `palier_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // 55006: another clone is reading the template right now.
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
