// Finds a demo tenant whose letter still holds the demo activation code, for the `npm start` banner.
import pg from 'pg';
import { activationCodeDigest } from '../../../apps/api/src/modules/accounts/secrets';
import { demoActivationCode, formatActivationCode } from '../../../prisma/demo-letters';

export interface DemoLetter {
  reference: string;
  activationCode: string;
  tenant: string;
  home: string;
}

export async function findDemoLetter(databaseUrl: string): Promise<DemoLetter | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Tenants whose code was reissued (`npm run letters -- --reissue`) no longer match their demo code: skip them.
    const { rows } = await client.query<{
      reference: string;
      firstName: string;
      lastName: string;
      activationCodeHash: string;
      floor: number;
      door: string;
      building: string;
      residence: string;
    }>(
      `SELECT t.reference, t."firstName", t."lastName", t."activationCodeHash", h.floor, h.door, b.name AS building, r.name AS residence
         FROM "Tenant" t JOIN "Home" h ON h.id = t."homeId" JOIN "Building" b ON b.id = h."buildingId" JOIN "Residence" r ON r.id = b."residenceId"
        WHERE t.reference LIKE 'HMP-%'
        ORDER BY t."activatedAt" IS NOT NULL, h.floor = 0, t.reference
        LIMIT 200`,
    );
    for (const row of rows) {
      const code = demoActivationCode(row.reference);
      if (activationCodeDigest(row.reference, code) !== row.activationCodeHash) continue;
      return {
        reference: row.reference,
        activationCode: formatActivationCode(code),
        tenant: `${row.firstName} ${row.lastName}`,
        home: `${row.residence}, ${row.building}, floor ${row.floor}, door ${row.door}`,
      };
    }
    return null;
  } finally {
    await client.end();
  }
}
