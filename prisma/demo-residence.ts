// The demo residence: a landlord, a district town hall and the city of Marseille, two residences, six buildings,
// 300 homes with their tenants, staff of every role and a dozen notices. Used by `npm start` and as the tests' fixture.
import type { PrismaClient } from '@prisma/client';
import { activationCodeDigest, hashPassword } from '../apps/api/src/modules/accounts/secrets';
import { demoActivationCode } from './demo-letters';
import { seedDemoEServices } from './demo-eservices';
// appointments
import { seedDemoAppointments } from './demo-appointments';
import { seedDefaultForbiddenWords } from '../apps/api/src/modules/moderation/forbidden-word-list';

export const DEMO_STAFF_PASSWORD = 'palier-demo';

export const DEMO_STAFF = {
  landlordAdmin: 'admin@hmp.demo',
  caretakerLauriers: 'gardien.lauriers@hmp.demo',
  caretakerSavine: 'gardien.savine@hmp.demo',
  agent: 'accueil@hmp.demo',
  moderator: 'moderation@hmp.demo',
  townHallClerk: 'demarches@mairie13-14.demo',
  cityClerk: 'communication@marseille.demo',
  socialWorker: 'accompagnement@marseille.demo',
} as const;

/** The landlord's call-centre answers video calls Monday to Friday, 8:30 to 17:30, Paris time. */
export const DEMO_CALL_CENTRE_HOURS = {
  timeZone: 'Europe/Paris',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '17:30' })),
};

const FIRST_NAMES = [
  'Fatima',
  'Jean',
  'Marie',
  'Mohamed',
  'Nadia',
  'Pierre',
  'Yasmine',
  'Louis',
  'Aïcha',
  'Karim',
  'Josette',
  'Thi Mai',
  'Sofiane',
  'Hélène',
  'Rachid',
  'Monique',
  'Ibrahima',
  'Chantal',
  'Samir',
  'Lucienne',
  'Mehdi',
  'Odette',
  'Nour',
  'Gérard',
  'Leïla',
  'Antoine',
  'Fatoumata',
  'Paulette',
  'Youssef',
  'Anaïs',
];
const LAST_NAMES = [
  'Benali',
  'Martin',
  'Rossi',
  'Diallo',
  'Nguyen',
  'Bernard',
  'Haddad',
  'Garcia',
  'Mebarki',
  'Ferrari',
  'Traoré',
  'Moreau',
  'Cohen',
  'Lefebvre',
  'Bouzid',
  'Santoro',
  'Kone',
  'Girard',
  'Amrani',
  'Roux',
  'Zerrouki',
  'Fontaine',
  'Sarr',
  'Blanc',
];

export const FLOORS = 10;
export const DOORS_PER_FLOOR = 5;

function demoNotices(ids: {
  lauriers: string;
  savine: string;
  buildingLauriersB: string;
  buildingLauriersA: string;
  buildingSavine2: string;
  district: string;
  city: string;
}) {
  const day = 86_400_000;
  const now = Date.now();
  return [
    {
      who: 'caretakerLauriers',
      title: 'Coupure d’eau bâtiment B jeudi matin',
      body: 'Une coupure d’eau aura lieu jeudi de 8 h à 12 h dans le bâtiment B pour le remplacement d’une colonne. Pensez à faire une réserve d’eau la veille.',
      category: 'OUTAGE',
      urgent: true,
      kind: 'BUILDING',
      target: ids.buildingLauriersB,
      from: -1,
    },
    {
      who: 'caretakerLauriers',
      title: 'Ascenseur du bâtiment A en réparation',
      body: 'L’ascenseur du bâtiment A est à l’arrêt pour une pièce à changer. Le technicien intervient mardi. Les personnes à mobilité réduite peuvent appeler la loge pour être aidées.',
      category: 'WORKS',
      urgent: false,
      kind: 'BUILDING',
      target: ids.buildingLauriersA,
      from: -2,
    },
    {
      who: 'caretakerLauriers',
      title: 'Fête des voisins samedi 14 h',
      body: 'Rendez-vous samedi à 14 h dans la cour des Lauriers : chacun apporte un plat ou une boisson. Tables et chaises fournies par l’amicale des locataires.',
      category: 'EVENT',
      urgent: false,
      kind: 'RESIDENCE',
      target: ids.lauriers,
      from: -3,
    },
    {
      who: 'caretakerLauriers',
      title: 'Nettoyage des caves',
      body: 'Les caves seront nettoyées le 3 décembre. Merci de retirer les objets posés dans les couloirs avant cette date.',
      category: 'INFORMATION',
      urgent: false,
      kind: 'RESIDENCE',
      target: ids.lauriers,
      from: -4,
    },
    {
      who: 'landlordAdmin',
      title: 'Relevé des compteurs d’eau',
      body: 'Un technicien passera relever les compteurs d’eau entre le 8 et le 12 décembre. Un avis de passage sera déposé dans votre boîte aux lettres.',
      category: 'INFORMATION',
      urgent: false,
      kind: 'RESIDENCE',
      target: ids.savine,
      from: -5,
    },
    {
      who: 'caretakerSavine',
      title: 'Porte du hall bâtiment 2 réparée',
      body: 'La porte du hall du bâtiment 2 ferme de nouveau correctement. Merci de ne pas la bloquer ouverte.',
      category: 'WORKS',
      urgent: false,
      kind: 'BUILDING',
      target: ids.buildingSavine2,
      from: -6,
    },
    {
      who: 'landlordAdmin',
      title: 'Permanence de l’agence le mercredi',
      body: 'L’agence de proximité vous reçoit le mercredi de 9 h à 12 h, sans rendez-vous, au rez-de-chaussée du bâtiment C.',
      category: 'INFORMATION',
      urgent: false,
      kind: 'RESIDENCE',
      target: ids.lauriers,
      from: -8,
    },
    {
      who: 'townHallClerk',
      title: 'Collecte des encombrants du quartier',
      body: 'La mairie de secteur organise une collecte des encombrants le samedi 6 décembre. Déposez vos objets la veille au soir devant votre résidence.',
      category: 'INFORMATION',
      urgent: false,
      kind: 'DISTRICT',
      target: ids.district,
      from: -2,
    },
    {
      who: 'townHallClerk',
      title: 'Atelier numérique à la maison de quartier',
      body: 'Chaque jeudi à 14 h, un médiateur numérique vous aide à faire vos démarches en ligne. Gratuit, sans inscription.',
      category: 'EVENT',
      urgent: false,
      kind: 'DISTRICT',
      target: ids.district,
      from: -7,
    },
    {
      who: 'cityClerk',
      title: 'Alerte météo : vent violent',
      body: 'Météo-France annonce du mistral fort demain. Rentrez les objets de vos balcons et évitez les parcs et jardins.',
      category: 'SAFETY',
      urgent: true,
      kind: 'CITY',
      target: ids.city,
      from: 0,
    },
    {
      who: 'cityClerk',
      title: 'Inscription sur les listes électorales',
      body: 'Vous pouvez vérifier votre inscription sur les listes électorales en mairie ou en ligne. Pensez-y si vous avez déménagé.',
      category: 'INFORMATION',
      urgent: false,
      kind: 'CITY',
      target: ids.city,
      from: -10,
    },
    {
      who: 'cityClerk',
      title: 'Plan grand froid',
      body: 'En cas de grand froid, le numéro 115 est joignable jour et nuit. Signalez les personnes isolées de votre immeuble.',
      category: 'SAFETY',
      urgent: false,
      kind: 'CITY',
      target: ids.city,
      from: -12,
    },
  ].map((notice) => ({ ...notice, validFrom: new Date(now + notice.from * day - 3_600_000) }));
}

export async function seedDemoResidence(db: PrismaClient): Promise<{ seeded: boolean }> {
  if (await db.city.findUnique({ where: { inseeCode: '13055' } })) return { seeded: false };

  const city = await db.city.create({ data: { name: 'Marseille', inseeCode: '13055' } });
  const district = await db.district.create({ data: { cityId: city.id, name: '13e et 14e arrondissements', code: 'MRS-7' } });
  const otherDistrict = await db.district.create({ data: { cityId: city.id, name: '15e et 16e arrondissements', code: 'MRS-8' } });
  const landlord = await db.organisation.create({
    data: { kind: 'LANDLORD', name: 'Habitat Marseille Provence', slug: 'hmp', cityId: city.id, callCentreHours: DEMO_CALL_CENTRE_HOURS },
  });
  const townHall = await db.organisation.create({
    data: {
      kind: 'TOWN_HALL',
      name: 'Mairie des 13e et 14e arrondissements',
      slug: 'mairie-13-14',
      cityId: city.id,
      districtId: district.id,
    },
  });
  const cityHall = await db.organisation.create({ data: { kind: 'CITY', name: 'Ville de Marseille', slug: 'marseille', cityId: city.id } });

  const lauriers = await db.residence.create({
    data: { landlordId: landlord.id, districtId: district.id, name: 'Les Lauriers', address: '12 avenue de Frais-Vallon, 13013 Marseille' },
  });
  const savine = await db.residence.create({
    data: { landlordId: landlord.id, districtId: otherDistrict.id, name: 'La Savine', address: '45 chemin de la Savine, 13015 Marseille' },
  });
  const buildings: { building: { id: string; name: string }; code: string }[] = [];
  for (const [residence, names, code] of [
    [lauriers, ['Bâtiment A', 'Bâtiment B', 'Bâtiment C'], 'LAU'],
    [savine, ['Bâtiment 1', 'Bâtiment 2', 'Bâtiment 3'], 'SAV'],
  ] as const) {
    for (const name of names) {
      const building = await db.building.create({ data: { residenceId: residence.id, name, address: residence.address } });
      buildings.push({ building, code: `${code}-${name.slice(-1)}` });
    }
  }

  let index = 0;
  for (const { building, code } of buildings) {
    const homes = [];
    for (let floor = 0; floor < FLOORS; floor += 1) {
      for (let door = 1; door <= DOORS_PER_FLOOR; door += 1)
        homes.push({ buildingId: building.id, floor, door: `${floor}${String(door).padStart(2, '0')}` });
    }
    await db.home.createMany({ data: homes });
    const created = await db.home.findMany({ where: { buildingId: building.id }, orderBy: [{ floor: 'asc' }, { door: 'asc' }] });
    await db.tenant.createMany({
      data: created.map((home) => {
        const reference = `HMP-${code}-${home.door.padStart(4, '0')}`;
        const firstName = FIRST_NAMES[index % FIRST_NAMES.length]!;
        const lastName = LAST_NAMES[(index * 7) % LAST_NAMES.length]!;
        index += 1;
        return {
          homeId: home.id,
          reference,
          firstName,
          lastName,
          activationCodeHash: activationCodeDigest(reference, demoActivationCode(reference)),
        };
      }),
    });
  }

  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const staff: Record<keyof typeof DEMO_STAFF, string> = {} as never;
  const staffRows: [keyof typeof DEMO_STAFF, string, string, ('AGENT' | 'CARETAKER' | 'MODERATOR' | 'CLERK' | 'ADMIN' | 'SOCIAL_WORKER')[], string[]][] = [
    ['landlordAdmin', landlord.id, 'Sandrine Aubert', ['ADMIN'], []],
    ['caretakerLauriers', landlord.id, 'Mourad Belkacem', ['CARETAKER'], [lauriers.id]],
    ['caretakerSavine', landlord.id, 'Patrick Orsini', ['CARETAKER'], [savine.id]],
    ['agent', landlord.id, 'Céline Marchetti', ['AGENT'], []],
    ['moderator', landlord.id, 'Julien Fabre', ['MODERATOR'], [lauriers.id, savine.id]],
    ['townHallClerk', townHall.id, 'Awa Ndiaye', ['CLERK'], []],
    ['cityClerk', cityHall.id, 'François Lambert', ['CLERK'], []],
    // The city's social-action centre: tenants name her as their helper from the TV (Mes aidants).
    ['socialWorker', cityHall.id, 'Leïla Haddad', ['SOCIAL_WORKER'], []],
  ];
  for (const [key, organisationId, fullName, roles, residenceIds] of staffRows) {
    const member = await db.staffMember.create({
      data: {
        organisationId,
        email: DEMO_STAFF[key],
        fullName,
        passwordHash,
        roles,
        scopes: { create: residenceIds.map((residenceId) => ({ residenceId })) },
      },
    });
    staff[key] = member.id;
  }

  const byName = (name: string) => buildings.find(({ building }) => building.name === name && true)!.building;
  const ids = {
    lauriers: lauriers.id,
    savine: savine.id,
    buildingLauriersA: buildings.find(({ code }) => code === 'LAU-A')!.building.id,
    buildingLauriersB: buildings.find(({ code }) => code === 'LAU-B')!.building.id,
    buildingSavine2: byName('Bâtiment 2').id,
    district: district.id,
    city: city.id,
  };
  const organisationOf = {
    landlordAdmin: landlord.id,
    caretakerLauriers: landlord.id,
    caretakerSavine: landlord.id,
    townHallClerk: townHall.id,
    cityClerk: cityHall.id,
  } as Record<string, string>;
  const column = { BUILDING: 'buildingId', RESIDENCE: 'residenceId', DISTRICT: 'districtId', CITY: 'cityId' } as const;
  for (const notice of demoNotices(ids)) {
    await db.notice.create({
      data: {
        organisationId: organisationOf[notice.who]!,
        authorStaffId: staff[notice.who as keyof typeof DEMO_STAFF],
        title: notice.title,
        body: notice.body,
        category: notice.category as never,
        urgent: notice.urgent,
        audienceKind: notice.kind as never,
        [column[notice.kind as keyof typeof column]]: notice.target,
        validFrom: notice.validFrom,
        createdAt: notice.validFrom,
      },
    });
  }
  // town-hall e-services
  await seedDemoEServices(db, {
    townHall: { id: townHall.id, cityId: city.id, districtId: district.id, clerkId: staff.townHallClerk, clerkName: 'Awa Ndiaye' },
    city: { id: cityHall.id, cityId: city.id, clerkId: staff.cityClerk, clerkName: 'François Lambert' },
  });
  // appointments
  await seedDemoAppointments(db, { landlord: landlord.id, townHall: townHall.id, city: cityHall.id });
  // moderation: the landlord and the city start with the default forbidden words
  for (const organisationId of [landlord.id, cityHall.id]) await seedDefaultForbiddenWords(db, organisationId);
  return { seeded: true };
}
