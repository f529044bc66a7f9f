// The signed-in tenant as their TV sees them, and their devices.
import { Type, type Static } from 'typebox';

export const languages = ['fr', 'en', 'ar'] as const;
export const Language = Type.Enum(languages);
export type Language = (typeof languages)[number];

export const TenantProfile = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  language: Language,
  building: Type.Object({ id: Type.String(), name: Type.String() }),
  residence: Type.Object({ id: Type.String(), name: Type.String() }),
  district: Type.Object({ id: Type.String(), name: Type.String() }),
  landlord: Type.Object({ id: Type.String(), name: Type.String() }),
});
export type TenantProfile = Static<typeof TenantProfile>;

export const UpdateTenantPreferences = Type.Object({ language: Language });
export type UpdateTenantPreferences = Static<typeof UpdateTenantPreferences>;

export const DeviceSummary = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('TV'), Type.Literal('PHONE'), Type.Literal('BROWSER')]),
  label: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean(),
});
export type DeviceSummary = Static<typeof DeviceSummary>;
