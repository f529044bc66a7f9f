// The tenant's rights over their data (RGPD): a JSON export of everything Palier holds about them, and leaving.
import { Type, type Static } from 'typebox';

/** One JSON document; its sections are lists of what each part of Palier holds about the tenant. */
export const TenantDataExport = Type.Object(
  {
    format: Type.Literal('palier-tenant-export/1'),
    generatedAt: Type.String({ format: 'date-time' }),
    /** The data controller: the tenant's landlord. */
    controller: Type.String(),
    profile: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: Type.Unknown() },
);
export type TenantDataExport = Static<typeof TenantDataExport> & Record<string, unknown>;

/** Leaving erases the tenant: the TV must say so first, and send this to show the tenant confirmed it. */
export const EraseAccountRequest = Type.Object({ confirm: Type.Literal('ERASE_MY_DATA') }, { additionalProperties: false });
export type EraseAccountRequest = Static<typeof EraseAccountRequest>;
