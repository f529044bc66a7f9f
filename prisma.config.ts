// Prisma CLI configuration: the JS schema engine over @prisma/adapter-pg, because the native engines cannot be downloaded here.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createMigrationAdapter } from './prisma/migration-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: path.join('prisma', 'migrations'),
    seed: 'node --import tsx prisma/seed.ts',
  },
  adapter: async () => createMigrationAdapter(),
});
