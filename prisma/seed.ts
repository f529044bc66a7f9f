// `prisma db seed`: loads the demo residence, and a few fault reports at every stage, once into DATABASE_URL's database.
import { createDatabaseClient } from '../apps/api/src/plugins/database';
import { seedDemoResidence } from './demo-residence';
import { seedDemoActivity } from './demo-activity';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const db = createDatabaseClient(url);
  try {
    const { seeded } = await seedDemoResidence(db);
    console.log(seeded ? 'Demo residence seeded.' : 'Demo residence already present: nothing to do.');
    // The demo's life (fault reports at every stage) is for people trying Palier, not for the tests' fixture.
    const activity = await seedDemoActivity(db);
    if (activity.seeded) console.log('Demo fault reports added.');
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
