// The console's pages, reached by the address's hash (#notices, #calls) so a reload or a bookmark lands on the same task.
import type { OrganisationKind } from '@palier/contracts';
import type { StaffRole } from './api/shapes';

export type PageId = 'notices' | 'calls' | 'reports' | 'eservices' | 'agenda' | 'moderation' | 'helping';

export const PAGE_ROLES: Record<PageId, readonly StaffRole[]> = {
  notices: ['CARETAKER', 'ADMIN', 'CLERK'],
  calls: ['AGENT', 'ADMIN'],
  reports: ['CARETAKER', 'AGENT', 'ADMIN'],
  // town-hall e-services: the API lets clerks and admins in (CLERK_ROLES), town halls' and cities' only
  eservices: ['CLERK', 'ADMIN'],
  agenda: ['AGENT', 'CARETAKER', 'CLERK', 'ADMIN'],
  moderation: ['MODERATOR', 'ADMIN'],
  // "Personnes que j'aide": a social worker's always (with its empty state); any other member's once a tenant named
  // them helper (StaffProfile.helpsTenants, see HELPER_PAGES)
  helping: ['SOCIAL_WORKER'],
};

/** What the API says about this member beyond roles and organisation. */
export interface StaffFacts {
  /** A tenant named them helper (a mandate, active or withdrawn): the API lets any staff member be one. */
  helpsTenants?: boolean;
}

/** Pages a staff member of any role gets once tenants have named them helper. */
const HELPER_PAGES: readonly PageId[] = ['helping'];

/** Pages only some organisations have: a landlord has no e-services (the API answers its staff 403). */
const PAGE_ORGANISATIONS: Partial<Record<PageId, readonly OrganisationKind[]>> = {
  eservices: ['TOWN_HALL', 'CITY'],
};

function opens(page: PageId, roles: readonly StaffRole[], organisation: OrganisationKind | undefined, facts: StaffFacts): boolean {
  if (facts.helpsTenants && HELPER_PAGES.includes(page)) return true;
  const kinds = PAGE_ORGANISATIONS[page];
  if (kinds && !(organisation && kinds.includes(organisation))) return false;
  return PAGE_ROLES[page].some((role) => roles.includes(role));
}

const order: PageId[] = ['calls', 'notices', 'reports', 'eservices', 'agenda', 'moderation', 'helping'];

/** The pages this staff member has a use for; a role with none still gets the notices page, which says so. */
export function pagesFor(roles: readonly StaffRole[], organisation?: OrganisationKind, facts: StaffFacts = {}): PageId[] {
  const pages = order.filter((page) => opens(page, roles, organisation, facts));
  return pages.length > 0 ? pages : ['notices'];
}

/** The page the hash asks for when this person may use it, else their first page. */
export function pageFromHash(hash: string, roles: readonly StaffRole[], organisation?: OrganisationKind, facts: StaffFacts = {}): PageId {
  const pages = pagesFor(roles, organisation, facts);
  const asked = hash.replace(/^#/, '') as PageId;
  return pages.includes(asked) ? asked : pages[0]!;
}
