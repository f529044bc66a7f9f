// The places a staff member may address (city, districts, residences, buildings) with their home counts.
import type { PrismaClient } from '@prisma/client';
import type { AudienceKind, Place } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { StaffContext } from '../accounts/staff-sessions';

interface BuildingRow {
  id: string;
  name: string;
  residenceId: string;
  residence: { id: string; name: string; landlordId: string; districtId: string; district: { id: string; name: string; cityId: string } };
}

/** Is this building within what the staff member covers? The one rule every staff check derives from. */
export function coversBuilding(staff: StaffContext, building: BuildingRow): boolean {
  const { organisation, scope } = staff;
  const scoped = scope.residenceIds.length > 0 || scope.buildingIds.length > 0;
  if (scoped && !scope.residenceIds.includes(building.residenceId) && !scope.buildingIds.includes(building.id)) return false;
  switch (organisation.kind) {
    case 'LANDLORD':
      return building.residence.landlordId === organisation.id;
    case 'TOWN_HALL':
      return building.residence.districtId === organisation.districtId;
    default:
      return building.residence.district.cityId === organisation.cityId;
  }
}

const buildingSelect = {
  id: true,
  name: true,
  residenceId: true,
  residence: {
    select: { id: true, name: true, landlordId: true, districtId: true, district: { select: { id: true, name: true, cityId: true } } },
  },
} as const;

function organisationBuildingFilter(staff: StaffContext) {
  const { organisation } = staff;
  if (organisation.kind === 'LANDLORD') return { residence: { landlordId: organisation.id } };
  if (organisation.kind === 'TOWN_HALL') return { residence: { districtId: organisation.districtId ?? '' } };
  return { residence: { district: { cityId: organisation.cityId } } };
}

export async function staffPlaces(db: PrismaClient, staff: StaffContext): Promise<Place[]> {
  const buildings = (
    await db.building.findMany({ where: organisationBuildingFilter(staff), select: buildingSelect, orderBy: { name: 'asc' } })
  ).filter((building) => coversBuilding(staff, building));
  const homeCounts = await db.home.groupBy({
    by: ['buildingId'],
    where: { buildingId: { in: buildings.map((b) => b.id) } },
    _count: { _all: true },
  });
  const homesIn = new Map(homeCounts.map((row) => [row.buildingId, row._count._all]));
  const places = new Map<string, Place>();
  const add = (kind: AudienceKind, id: string, name: string, parentId: string | null, homes: number) => {
    const key = `${kind}:${id}`;
    const existing = places.get(key);
    if (existing) existing.homeCount += homes;
    else places.set(key, { kind, id, name, parentId, homeCount: homes });
  };
  const { organisation } = staff;
  const wholeOrganisation = staff.scope.residenceIds.length === 0 && staff.scope.buildingIds.length === 0;
  for (const building of buildings) {
    const homes = homesIn.get(building.id) ?? 0;
    const { residence } = building;
    if (organisation.kind === 'CITY' && wholeOrganisation) add('CITY', residence.district.cityId, 'Ville', null, homes);
    if (organisation.kind !== 'LANDLORD' && wholeOrganisation) {
      add(
        'DISTRICT',
        residence.district.id,
        residence.district.name,
        organisation.kind === 'CITY' ? residence.district.cityId : null,
        homes,
      );
    }
    const residenceParent = organisation.kind === 'LANDLORD' || !wholeOrganisation ? null : residence.districtId;
    if (wholeOrganisation || staff.scope.residenceIds.includes(residence.id))
      add('RESIDENCE', residence.id, residence.name, residenceParent, homes);
    const residenceListed = places.has(`RESIDENCE:${residence.id}`);
    add('BUILDING', building.id, `${building.name} — ${residence.name}`, residenceListed ? residence.id : null, homes);
  }
  if (organisation.kind === 'CITY' && wholeOrganisation) {
    const city = await db.city.findUnique({ where: { id: organisation.cityId } });
    const entry = places.get(`CITY:${organisation.cityId}`);
    if (city && entry) entry.name = city.name;
  }
  return [...places.values()];
}

/** Resolves an audience the staff member wants to address, refusing anything outside their scope. */
export async function resolveAudience(db: PrismaClient, staff: StaffContext, kind: AudienceKind, id: string) {
  const places = await staffPlaces(db, staff);
  const place = places.find((candidate) => candidate.kind === kind && candidate.id === id);
  if (!place) {
    const exists = await audienceExists(db, kind, id);
    throw new DomainError(exists ? 'out_of_scope' : 'not_found');
  }
  return place;
}

async function audienceExists(db: PrismaClient, kind: AudienceKind, id: string): Promise<boolean> {
  const where = { where: { id }, select: { id: true } };
  switch (kind) {
    case 'CITY':
      return Boolean(await db.city.findUnique(where));
    case 'DISTRICT':
      return Boolean(await db.district.findUnique(where));
    case 'RESIDENCE':
      return Boolean(await db.residence.findUnique(where));
    default:
      return Boolean(await db.building.findUnique(where));
  }
}

export async function audienceHomeCount(db: PrismaClient, kind: AudienceKind, id: string): Promise<number> {
  switch (kind) {
    case 'BUILDING':
      return db.home.count({ where: { buildingId: id } });
    case 'RESIDENCE':
      return db.home.count({ where: { building: { residenceId: id } } });
    case 'DISTRICT':
      return db.home.count({ where: { building: { residence: { districtId: id } } } });
    default:
      return db.home.count({ where: { building: { residence: { district: { cityId: id } } } } });
  }
}

export async function audienceName(db: PrismaClient, kind: AudienceKind, id: string): Promise<string> {
  const select = { where: { id }, select: { name: true } };
  switch (kind) {
    case 'BUILDING': {
      const building = await db.building.findUnique({ where: { id }, select: { name: true, residence: { select: { name: true } } } });
      return building ? `${building.name} — ${building.residence.name}` : '';
    }
    case 'RESIDENCE':
      return (await db.residence.findUnique(select))?.name ?? '';
    case 'DISTRICT':
      return (await db.district.findUnique(select))?.name ?? '';
    default:
      return (await db.city.findUnique(select))?.name ?? '';
  }
}
