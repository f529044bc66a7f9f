// The signed-in staff member, and the one way for any page to say the session is gone.
import { createContext, useContext } from 'react';
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
