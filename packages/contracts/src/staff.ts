// Staff sign-in and the signed-in staff member.
import { Type, type Static } from 'typebox';

/** SOCIAL_WORKER: a social worker (e.g. the city's social-action centre) whom tenants name as their helper. */
export const staffRoles = ['AGENT', 'CARETAKER', 'MODERATOR', 'CLERK', 'ADMIN', 'SOCIAL_WORKER'] as const;
export const StaffRole = Type.Enum(staffRoles);
export type StaffRole = (typeof staffRoles)[number];

export const organisationKinds = ['LANDLORD', 'TOWN_HALL', 'CITY'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const StaffSignInRequest = Type.Object({
  email: Type.String({ format: 'email', maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type StaffSignInRequest = Static<typeof StaffSignInRequest>;

export const StaffProfile = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  email: Type.String(),
  roles: Type.Array(StaffRole),
  organisation: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.Enum(organisationKinds),
  }),
  /**
   * True once a tenant has named this member their helper (a mandate, active or withdrawn), whatever their roles: the
   * console then offers "Personnes que j'aide". Computed at sign-in and by /api/v1/staff/me, not on every request.
   */
  helpsTenants: Type.Boolean(),
});
export type StaffProfile = Static<typeof StaffProfile>;
