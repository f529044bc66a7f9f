// `prisma db seed`: loads the demo residence once into the database named by DATABASE_URL.
import { createDatabaseClient } from '../apps/api/src/plugins/database';
import { seedDemoResidence } from './demo-residence';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const db = createDatabaseClient(url);
  try {
    const { seeded } = await seedDemoResidence(db);
    console.log(seeded ? 'Demo residence seeded.' : 'Demo residence already present: nothing to do.');
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
