// The signed-in staff member, and the one way for any page to say the session is gone.
import { createContext, useContext } from 'react';
import type { EventMessage } from '@palier/contracts';
import type { StaffProfile, StaffRole } from './api/shapes';
import { isSessionLost } from './api/problem';

export interface Session {
  staff: StaffProfile;
  /** Sends the person back to the sign-in page, saying their session expired. */
  expire: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session & { handle: (error: unknown) => boolean } {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a signed-in page');
  return {
    ...session,
    /** True when the error meant "signed out" and was handled; the caller then shows nothing else. */
    handle: (error) => {
      if (!isSessionLost(error)) return false;
      session.expire();
      return true;
    },
  };
}

export function hasAnyRole(staff: Pick<StaffProfile, 'roles'>, roles: readonly StaffRole[]): boolean {
  return staff.roles.some((role) => roles.includes(role));
}

/** The socket handlers of a profile that follows the realtime events, for `useRealtime(onEvent, onLive)`. */
export interface ProfileFollower {
  onEvent: (event: EventMessage) => void;
  onLive: () => void;
}

/**
 * Keeps the profile — what the menu is drawn from — true while the console is open: a tenant naming this member helper
 * (`mandate.changed` granted, on their STAFF audience) gives them "Personnes que j'aide", so the profile is read again
 * (`read`: GET /api/v1/staff/me); so is it each time the socket is (back) up, since a grant may have come while it was
 * not (between the sign-in's read and the socket's first `ready`, or during a cut). Only a profile that differs from
 * the one `shown` goes to `onProfile`, so that the pages, which hold the session, are not drawn again for nothing. A lost
 * session goes to `onSessionLost`; any other failure keeps the menu as it is, until the next event or reload.
 */
export function followProfile(
  read: () => Promise<StaffProfile>,
  shown: () => StaffProfile | null,
  onProfile: (staff: StaffProfile) => void,
  onSessionLost: () => void,
): ProfileFollower {
  const reread = () => {
    read().then(
      (staff) => {
        if (JSON.stringify(staff) !== JSON.stringify(shown())) onProfile(staff);
      },
      (error: unknown) => {
        if (isSessionLost(error)) onSessionLost();
      },
    );
  };
  return {
    onEvent: (event) => {
      if (event.name === 'mandate.changed' && event.data.change === 'granted') reread();
    },
    onLive: reread,
  };
}
