// Where a tenant lives — home, building, residence, district, city — which decides what is addressed to them.
export interface TenantPlace {
  tenantId: string;
  homeId: string;
  buildingId: string;
  residenceId: string;
  districtId: string;
  cityId: string;
}

/** Prisma select that reaches from a tenant to their city in one query. */
export const tenantPlaceSelect = {
  id: true,
  homeId: true,
  home: {
    select: {
      buildingId: true,
      building: { select: { residenceId: true, residence: { select: { districtId: true, district: { select: { cityId: true } } } } } },
    },
  },
} as const;

interface TenantPlaceRow {
  id: string;
  homeId: string;
  home: { buildingId: string; building: { residenceId: string; residence: { districtId: string; district: { cityId: string } } } };
}

export function toTenantPlace(tenant: TenantPlaceRow): TenantPlace {
  const { building } = tenant.home;
  return {
    tenantId: tenant.id,
    homeId: tenant.homeId,
    buildingId: tenant.home.buildingId,
    residenceId: building.residenceId,
    districtId: building.residence.districtId,
    cityId: building.residence.district.cityId,
  };
}
