// Whom a neighbour helper acts for when "Les personnes que j'aide" opens a wizard in that person's name (the fault
// report), and what the helping page shows when the wizard comes back: that person on a given row, or the list saying
// the right was withdrawn.
import type { Mandate } from '@palier/contracts/src/mandates';

export interface HelpingReturn {
  mandate: Mandate;
  /** The person's row to focus again (the report just filed, or the button that opened the wizard). */
  keepId: string;
  /** The tenant withdrew the right while the helper was in the wizard. */
  withdrawn: boolean;
}

let actingFor: Mandate | null = null;
let comeBack: HelpingReturn | null = null;

/** The helper leaves the person's page for a wizard in their name; Back from it lands on `keepId`. */
export function actFor(mandate: Mandate, keepId: string): void {
  actingFor = mandate;
  comeBack = { mandate, keepId, withdrawn: false };
}

/** The mandate a wizard acts under, if the helping page opened it (null after a reload: the wizard goes back). */
export function actingUnder(mandateId: string): Mandate | null {
  return actingFor && actingFor.id === mandateId ? actingFor : null;
}

/** Where the helping page returns to when the wizard ends. */
export function returnToPerson(keepId: string, withdrawn = false): void {
  if (actingFor) comeBack = { mandate: actingFor, keepId, withdrawn };
}

/** Read once by the helping page as it opens. */
export function takeHelpingReturn(): HelpingReturn | null {
  const taken = comeBack;
  comeBack = null;
  return taken;
}

export function forgetHelping(): void {
  actingFor = null;
  comeBack = null;
}
