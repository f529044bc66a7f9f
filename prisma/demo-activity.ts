// A little life for the demo (`npm start` only, never the tests' fixture): fault reports at every stage of their
// timeline, so the console's queue and a demo tenant's "Mes signalements" are not empty on the first visit.
import type { PrismaClient, ReportStatus } from '@prisma/client';
import { DEMO_STAFF } from './demo-residence';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoReport {
  reference: string;
  category: string;
  location: 'HOME' | 'COMMON_AREA';
  spot: string;
  template: string;
  urgency: 'LOW' | 'NORMAL' | 'URGENT';
  description: string;
  ageHours: number;
  serviceLevelDays: number;
  /** What happened since, in order, hours after it was filed. */
  story: { afterHours: number; kind: string; status?: ReportStatus; body?: string; by: 'TENANT' | 'STAFF' }[];
  rating?: number;
}

const REPORTS: DemoReport[] = [
  {
    reference: 'HMP-LAU-B-0101',
    category: 'PLUMBING',
    location: 'HOME',
    spot: 'BATHROOM',
    template: 'toilet_running',
    urgency: 'NORMAL',
    description: 'La chasse d’eau coule en continu depuis hier soir.',
    ageHours: 5,
    serviceLevelDays: 3,
    story: [],
  },
  {
    reference: 'HMP-LAU-B-0203',
    category: 'LIFT',
    location: 'COMMON_AREA',
    spot: 'LIFT',
    template: 'lift_down',
    urgency: 'URGENT',
    description: 'L’ascenseur du bâtiment B est bloqué au 3e étage, porte ouverte.',
    ageHours: 30,
    serviceLevelDays: 1,
    story: [
      { afterHours: 1, kind: 'STATUS', status: 'ACKNOWLEDGED', by: 'STAFF' },
      { afterHours: 2, kind: 'MESSAGE', body: 'Le technicien de la société d’ascenseurs passe demain matin.', by: 'STAFF' },
      { afterHours: 20, kind: 'STATUS', status: 'IN_PROGRESS', by: 'STAFF' },
    ],
  },
  {
    reference: 'HMP-LAU-A-0305',
    category: 'HEATING',
    location: 'HOME',
    spot: 'BEDROOM',
    template: 'radiator_cold',
    urgency: 'NORMAL',
    description: 'Le radiateur de la chambre reste froid, les autres chauffent.',
    ageHours: 96,
    serviceLevelDays: 2,
    story: [{ afterHours: 6, kind: 'STATUS', status: 'ACKNOWLEDGED', by: 'STAFF' }],
  },
  {
    reference: 'HMP-LAU-C-0402',
    category: 'DOORS_AND_LOCKS',
    location: 'COMMON_AREA',
    spot: 'ENTRANCE_HALL',
    template: 'intercom',
    urgency: 'LOW',
    description: 'L’interphone ne sonne plus chez nous.',
    ageHours: 240,
    serviceLevelDays: 7,
    story: [
      { afterHours: 4, kind: 'STATUS', status: 'ACKNOWLEDGED', by: 'STAFF' },
      { afterHours: 50, kind: 'STATUS', status: 'IN_PROGRESS', by: 'STAFF' },
      { afterHours: 52, kind: 'MESSAGE', body: 'Merci, il remarche depuis ce matin.', by: 'TENANT' },
      { afterHours: 53, kind: 'STATUS', status: 'RESOLVED', by: 'STAFF' },
      { afterHours: 60, kind: 'RATED', body: '5', by: 'TENANT' },
    ],
    rating: 5,
  },
];

/** Adds the demo's reports once; does nothing when the demo already has some. */
export async function seedDemoActivity(db: PrismaClient): Promise<{ seeded: boolean }> {
  if ((await db.report.count()) > 0) return { seeded: false };
  const landlord = await db.organisation.findUniqueOrThrow({ where: { slug: 'hmp' } });
  const caretaker = await db.staffMember.findUniqueOrThrow({ where: { email: DEMO_STAFF.caretakerLauriers } });
  const now = Date.now();
  for (const demo of REPORTS) {
    const tenant = await db.tenant.findUnique({
      where: { reference: demo.reference },
      include: { home: { include: { building: true } } },
    });
    if (!tenant) continue; // a demo whose homes were renumbered keeps working without this one
    const filedAt = new Date(now - demo.ageHours * HOUR);
    const at = (afterHours: number) => new Date(filedAt.getTime() + afterHours * HOUR);
    const last = demo.story.filter((step) => step.status).at(-1);
    const resolved = demo.story.find((step) => step.status === 'RESOLVED');
    await db.report.create({
      data: {
        organisationId: landlord.id,
        tenantId: tenant.id,
        homeId: tenant.homeId,
        buildingId: tenant.home.buildingId,
        residenceId: tenant.home.building.residenceId,
        category: demo.category,
        location: demo.location,
        spot: demo.spot,
        template: demo.template,
        urgency: demo.urgency,
        description: demo.description,
        status: last?.status ?? 'RECEIVED',
        assigneeId: demo.story.length > 0 ? caretaker.id : null,
        dueAt: new Date(filedAt.getTime() + demo.serviceLevelDays * DAY),
        resolvedAt: resolved ? at(resolved.afterHours) : null,
        rating: demo.rating ?? null,
        createdAt: filedAt,
        updatedAt: last ? at(last.afterHours) : filedAt,
        events: {
          create: [
            { kind: 'STATUS', authorKind: 'TENANT', status: 'RECEIVED', at: filedAt },
            ...demo.story.map((step) => ({
              kind: step.kind,
              authorKind: step.by,
              authorStaffId: step.by === 'STAFF' ? caretaker.id : null,
              authorName: step.by === 'STAFF' ? caretaker.fullName : null,
              status: step.status ?? null,
              body: step.body ?? null,
              at: at(step.afterHours),
            })),
          ],
        },
      },
    });
  }
  return { seeded: true };
}
