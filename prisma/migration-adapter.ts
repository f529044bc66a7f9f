// The driver adapter the Prisma CLI's JS schema engine runs migrations through.
// Two snags of @prisma/adapter-pg 6.19 are worked around here instead of patching node_modules:
// catalog columns typed `name` (OID 19), `"char"` (OID 18) and information_schema's domains over them are read
// as their base types (prisma/prisma#27403),
// and the shadow database is opened with explicit connection fields, since a connection string would override its name.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const TEXT_OID = 25;
/** Catalog type OID → the OID the adapter understands. Domains of information_schema are added on first connect. */
const catalogTypeSubstitutes = new Map<number, number>([
  [18, TEXT_OID],
  [19, TEXT_OID],
]);

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function readCatalogTypesAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    const substitute = catalogTypeSubstitutes.get(field.dataTypeID);
    if (substitute !== undefined) field.dataTypeID = substitute;
  }
  return result;
}

async function learnInformationSchemaDomains(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ oid: number; base: number }>(
    `SELECT oid::int AS oid, typbasetype::int AS base FROM pg_type
      WHERE typnamespace = 'information_schema'::regnamespace AND typtype = 'd'`,
  );
  for (const { oid, base } of rows) catalogTypeSubstitutes.set(oid, catalogTypeSubstitutes.get(base) ?? base);
}

function patchQuery(target: { query: (...args: unknown[]) => unknown }): void {
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const result = original(...args);
    return result instanceof Promise ? result.then(readCatalogTypesAsText) : result;
  };
}

class CatalogTextPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    patchQuery(this as unknown as { query: (...args: unknown[]) => unknown });
    this.on('connect', (client) => patchQuery(client as unknown as { query: (...args: unknown[]) => unknown }));
  }
}

export function connectionFields(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}

/** Opens a fresh pool per connection: the schema engine connects and disposes several times in one command. */
function connectWithCatalogTypes(fields: pg.PoolConfig) {
  return new PrismaPg(new CatalogTextPool(fields), { disposeExternalPool: true }).connect();
}

class MigrationPg extends PrismaPg {
  constructor(private readonly fields: pg.PoolConfig) {
    super(fields);
  }

  override async connect() {
    const adapter = await connectWithCatalogTypes(this.fields);
    await learnInformationSchemaDomains(adapter.underlyingDriver());
    return adapter;
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await connectWithCatalogTypes({ ...this.fields, database });
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

export function createMigrationAdapter(databaseUrl = process.env.DATABASE_URL): PrismaPg {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the Prisma CLI needs a database to migrate.');
  return new MigrationPg(connectionFields(databaseUrl));
}
