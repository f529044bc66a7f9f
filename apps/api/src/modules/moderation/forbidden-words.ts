// Forbidden words: how a text is folded so that "C0NNÄRD" is caught as "connard", and which lists apply to a tenant.
import type { PrismaClient } from '@prisma/client';

/** Look-alike characters people type to dodge a filter, read as the letter they imitate. */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  '3': 'e',
  '€': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
};
const LOOK_ALIKE_PATTERN = /[0-9!|€@$+]/g;

/**
 * Lower case, no accents (NFD then marks dropped), ligatures opened, look-alikes replaced. Applied the same way to the
 * listed word and to the text, so the comparison is like for like.
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(LOOK_ALIKE_PATTERN, (character) => LOOK_ALIKES[character] ?? character);
}

export interface ForbiddenMatch {
  /** The field, as `body.<name>`. */
  field: string;
  /** The word as it was listed. */
  word: string;
}

export interface ForbiddenWordMatcher {
  /** The first field holding a listed word (whole word or phrase), or null. */
  find(fields: Record<string, string | undefined>): ForbiddenMatch | null;
}

/** Letters (after folding) on either side of a match make it part of a longer, innocent word ("réputé" is not "pute"). */
export function forbiddenWordMatcher(list: string[]): ForbiddenWordMatcher {
  const entries = new Map<string, string>();
  for (const word of list) {
    const folded = foldForMatching(word.trim()).replace(/\s+/g, ' ');
    if (folded.length > 0 && !entries.has(folded)) entries.set(folded, word.trim());
  }
  // Longest first, so a phrase wins over a word it contains.
  const folded = [...entries.keys()].sort((a, b) => b.length - a.length);
  const alternatives = folded.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const pattern = alternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
  return {
    find(fields) {
      if (!pattern) return null;
      for (const [name, text] of Object.entries(fields)) {
        if (!text) continue;
        const match = pattern.exec(foldForMatching(text));
        if (match) {
          const key = match[1]!.replace(/\s+/g, ' ');
          return { field: `body.${name}`, word: entries.get(key) ?? match[1]! };
        }
      }
      return null;
    },
  };
}

/** The lists that apply to a tenant: their landlord's, their city's, and the deployment's (FEED_FORBIDDEN_WORDS). */
export async function forbiddenWordsFor(
  db: PrismaClient,
  residenceId: string,
  cityId: string,
  deploymentWords: string[],
): Promise<string[]> {
  const rows = await db.$queryRaw<{ word: string }[]>`
    SELECT w."word" FROM "ForbiddenWord" w
    WHERE w."organisationId" IN (
      SELECT r."landlordId" FROM "Residence" r WHERE r."id" = ${residenceId}::uuid
      UNION ALL
      SELECT o."id" FROM "Organisation" o WHERE o."cityId" = ${cityId}::uuid AND o."kind" = 'CITY'
    )`;
  return [...deploymentWords, ...rows.map((row) => row.word)];
}

/**
 * What a new landlord or city starts with (the demo seeds it): insults, slurs and threats common in French, which no
 * innocent word is spelt as. Moderators edit the list in the console.
 */
export const DEFAULT_FORBIDDEN_WORDS = [
  'connard',
  'connasse',
  'salope',
  'salaud',
  'enculé',
  'pute',
  'fils de pute',
  'pétasse',
  'pouffiasse',
  'nique ta mère',
  'ntm',
  'fdp',
  'bougnoule',
  'négro',
  'youpin',
  'bicot',
  'sale arabe',
  'sale noir',
  'sale juif',
  'je vais te tuer',
] as const;
