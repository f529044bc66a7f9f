// `npm run letters`: prints the landlord's activation letters (reference and code) for the chosen tenants, in French.
// Usage: npm run letters -- [--residence "Les Lauriers"] [--building "Bâtiment B"] [--reference HMP-LAU-B-0101 ...]
//                           [--reissue [--all]]
// Codes are stored only as digests, so a letter can be printed again only for the demo residence, whose codes are
// derived from the reference. --reissue draws fresh random codes, stores their digests and prints them: what a real
// landlord does, and it makes the previous letters of those tenants worthless.
import { parseArgs } from 'node:util';
import type { Prisma } from '@prisma/client';
import { createDatabaseClient } from '../apps/api/src/plugins/database';
import { activationCodeDigest } from '../apps/api/src/modules/accounts/secrets';
import { appDatabaseUrl, resolveServices } from '../packages/devstack/src/services';
import { demoActivationCode, formatActivationCode, issueActivationCode } from './demo-letters';

const USAGE = `Usage: npm run letters -- [--residence NAME] [--building NAME] [--reference REF ...] [--reissue [--all]]
  --residence NAME   only the tenants of this residence (e.g. "Les Lauriers")
  --building NAME    only the tenants of this building (e.g. "Bâtiment B")
  --reference REF    only this tenant (repeatable)
  --reissue          issue fresh random codes, store them and print them (the old letters stop working)
  --all              with --reissue and no filter: really reissue every tenant's code`;

const WIDTH = 72;

function floorLabel(floor: number): string {
  if (floor === 0) return 'rez-de-chaussée';
  return floor === 1 ? '1er étage' : `${floor}e étage`;
}

function rightColumn(lines: string[]): string[] {
  const indent = ' '.repeat(WIDTH - 34);
  return lines.map((line) => `${indent}${line}`);
}

function wrap(text: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Letter {
  landlord: string;
  city: string;
  fullName: string;
  residence: string;
  building: string;
  floor: number;
  door: string;
  address: string;
  reference: string;
  code: string;
}

function renderLetter(letter: Letter, activationUrl: string, today: string): string {
  const step = (number: number, text: string) =>
    wrap(text, WIDTH - 5).map((line, index) => `${index === 0 ? `  ${number}. ` : '     '}${line}`);
  return [
    letter.landlord,
    'Service relation locataires',
    '',
    ...rightColumn([
      letter.fullName,
      `Résidence ${letter.residence}, ${letter.building}`,
      `${floorLabel(letter.floor)}, porte ${letter.door}`,
      ...letter.address.split(/,\s*/),
    ]),
    '',
    ...rightColumn([`${letter.city}, le ${today}`]),
    '',
    'Objet : votre code d’activation Palier',
    '',
    'Madame, Monsieur,',
    '',
    ...wrap(
      'Palier, le palier numérique de votre immeuble, est disponible sur votre téléviseur : les avis de votre gardien, ' +
        'de votre bailleur et de votre mairie, l’entraide entre voisins et le signalement des pannes. Pour le mettre en ' +
        'service, il suffit de trois étapes :',
    ),
    '',
    ...step(1, 'Allumez votre téléviseur et ouvrez Palier. Un code de huit caractères s’affiche à l’écran.'),
    ...step(2, `Sur votre téléphone ou ordinateur, ouvrez l’adresse affichée par le téléviseur : ${activationUrl}`),
    ...step(3, 'Saisissez la référence et le code ci-dessous, puis le code affiché par le téléviseur, et confirmez.'),
    '',
    `        Référence :           ${letter.reference}`,
    `        Code d’activation :   ${formatActivationCode(letter.code)}`,
    '',
    ...wrap(
      'Ce code est personnel : gardez ce courrier et ne le communiquez à personne. Il vous servira aussi pour ' +
        'ajouter un autre écran. En cas de difficulté, votre gardien ou notre agence peut vous aider.',
    ),
    '',
    'Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
    '',
    ...rightColumn([letter.landlord]),
  ].join('\n');
}

async function main(): Promise<number> {
  let options;
  try {
    ({ values: options } = parseArgs({
      options: {
        residence: { type: 'string' },
        building: { type: 'string' },
        reference: { type: 'string', multiple: true },
        reissue: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 64;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const filtered = Boolean(options.residence || options.building || options.reference?.length);
  if (options.reissue && !filtered && !options.all) {
    console.error(
      '--reissue without --residence, --building or --reference would change every tenant’s code: add --all if that is what you want.',
    );
    return 64;
  }

  const services = await resolveServices('app');
  const db = createDatabaseClient(appDatabaseUrl(services));
  try {
    const where: Prisma.TenantWhereInput = {
      ...(options.reference?.length ? { reference: { in: options.reference.map((reference) => reference.trim().toUpperCase()) } } : {}),
      home: {
        building: {
          ...(options.building ? { name: { equals: options.building, mode: 'insensitive' } } : {}),
          ...(options.residence ? { residence: { name: { equals: options.residence, mode: 'insensitive' } } } : {}),
        },
      },
    };
    const tenants = await db.tenant.findMany({
      where,
      include: { home: { include: { building: { include: { residence: { include: { landlord: { include: { city: true } } } } } } } } },
      orderBy: { reference: 'asc' },
    });
    if (tenants.length === 0) {
      console.error('No tenant matches. The demo residences are "Les Lauriers" (Bâtiment A, B, C) and "La Savine" (Bâtiment 1, 2, 3).');
      return 1;
    }

    const publicUrl = (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');
    const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date());
    const letters: string[] = [];
    const unrecoverable: string[] = [];
    for (const tenant of tenants) {
      let code: string;
      if (options.reissue) {
        code = issueActivationCode();
        await db.tenant.update({
          where: { id: tenant.id },
          data: { activationCodeHash: activationCodeDigest(tenant.reference, code), activationCodeIssuedAt: new Date() },
        });
      } else {
        code = demoActivationCode(tenant.reference);
        if (activationCodeDigest(tenant.reference, code) !== tenant.activationCodeHash) {
          unrecoverable.push(tenant.reference);
          continue;
        }
      }
      const { building } = tenant.home;
      letters.push(
        renderLetter(
          {
            landlord: building.residence.landlord.name,
            city: building.residence.landlord.city.name,
            fullName: `${tenant.firstName} ${tenant.lastName}`,
            residence: building.residence.name,
            building: building.name,
            floor: tenant.home.floor,
            door: tenant.home.door,
            address: building.address,
            reference: tenant.reference,
            code,
          },
          `${publicUrl}/activate`,
          today,
        ),
      );
    }
    // A form feed starts each letter on a new page when printed.
    process.stdout.write(letters.map((letter) => `${letter}\n`).join(`\n${'-'.repeat(WIDTH)}\n\f`));
    if (options.reissue)
      console.error(`${letters.length} new activation codes issued and stored; earlier letters of these tenants no longer work.`);
    if (unrecoverable.length > 0) {
      console.error(
        `${unrecoverable.length} tenant(s) skipped: their code is not the demo one and is stored only as a digest, so it cannot be printed again ` +
          `(${unrecoverable.slice(0, 5).join(', ')}${unrecoverable.length > 5 ? ', …' : ''}). Issue new ones with --reissue.`,
      );
    }
    return letters.length > 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
    await services.stop();
  }
}

// `npm run letters | head` closes the pipe early: not an error, and the embedded PostgreSQL must still be stopped.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
