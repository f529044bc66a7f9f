// Forbidden words: how a text is folded so that "C0NNÄRD", "c.o.n.n.a.r.d" or "connaaaard" is caught as "connard", and
// which lists apply to a tenant.
import type { PrismaClient } from '@prisma/client';

/** Digits and signs typed for the letter they imitate ("c0nn@rd", "$alope"), read as that letter inside a word. */
const IN_WORD_LOOK_ALIKES: Record<string, string> = {
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
/** Cyrillic and Greek letters drawn like Latin ones, a keyboard switch away: "сon" with a Cyrillic с. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  к: 'k',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const characterClass = (characters: Record<string, string>) =>
  Object.keys(characters)
    .map((character) => character.replace(/[\]\\^-]/g, '\\$&'))
    .join('');
const HOMOGLYPH_PATTERN = new RegExp(`[${characterClass(HOMOGLYPHS)}]`, 'g');
/** A run of letters, digits and the signs that imitate letters (those of IN_WORD_LOOK_ALIKES): what reads as one word. */
const WORDLIKE = /[\p{L}\p{N}!|€@$+]+/gu;
const TRAILING_SIGNS = /[!|€@$+]+$/u;
/** Characters that show nothing: slipped inside a word, they would split it for a filter but not for a reader. */
const INVISIBLE = /\u034F|[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

/**
 * Inside a word that has letters, digits and signs read as letters ("c0nn@rd" is "connard"); "2024", "5 à 7" and the "!"
 * that ends "connard !" or "connard!" stay what they are.
 */
function readLookAlikes(text: string): string {
  return text.replace(WORDLIKE, (word) => {
    if (!/\p{L}/u.test(word)) return word;
    const trailing = TRAILING_SIGNS.exec(word)?.[0] ?? '';
    const body = word.slice(0, word.length - trailing.length);
    return [...body].map((character) => IN_WORD_LOOK_ALIKES[character] ?? character).join('') + trailing;
  });
}

/**
 * Lower case, no accents (NFD then marks dropped), ligatures opened, invisible characters removed, look-alikes replaced.
 * Applied the same way to the listed word and to the text, so the comparison is like for like.
 */
export function foldForMatching(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(HOMOGLYPH_PATTERN, (character) => HOMOGLYPHS[character] ?? character);
  return readLookAlikes(folded);
}

/** Punctuation put between the letters of one word to split it: "c.o.n", "con_nard", "co*nnard", "c-o-n". */
const INNER_SEPARATORS = /(?<=\p{L})[.*_\-·•~^:/\\]+(?=\p{L})/gu;
/**
 * A word typed one letter at a time, "c o n" or "c . o . n": single letters (not elisions like "l'", "c'") separated
 * by spaces or punctuation. French has one-letter words ("a", "à", "y"), so only a run of them is joined, and only what
 * it joins into is compared: "il y a" becomes "ya", which no list holds.
 */
const SPACED_LETTERS = /(?<![\p{L}\p{N}'’])\p{L}(?:[\s.,;:*_\-·•~^/\\]+\p{L}(?![\p{L}\p{N}'’]))+/gu;

/** The folded text as written, and with the letters of split words put back together. */
function readings(folded: string): string[] {
  const joined = folded.replace(INNER_SEPARATORS, '').replace(SPACED_LETTERS, (run) => run.replace(/[^\p{L}]+/gu, ''));
  // Joined first: "conn.ard" names "connard" rather than the "con" its first half would stretch to.
  return joined === folded ? [folded] : [joined, folded];
}

/**
 * A listed word as a pattern: each run of one letter may be stretched ("connaaaard", "puuute": a run of k letters
 * matches k or more), never shortened, so "cône" stays clear of a listed "conne". Spaces between the words of a phrase
 * match any spacing.
 */
function stretchable(word: string): string {
  return word
    .split(' ')
    .map((part) =>
      (part.match(/(.)\1*/gsu) ?? [])
        .map((run) => {
          const characters = [...run];
          const letter = characters[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const count = characters.length;
          return count === 1 ? `${letter}+` : `${letter}{${count},}`;
        })
        .join(''),
    )
    .join('\\s+');
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

/**
 * Letters (after folding) on either side of a match make it part of a longer, innocent word ("réputé" is not "pute",
 * "conseil" is not "con"). A phrase also matches written as one word ("filsdepute", "f.d.p").
 */
export function forbiddenWordMatcher(list: string[]): ForbiddenWordMatcher {
  const entries = new Map<string, string>();
  for (const word of list) {
    const folded = foldForMatching(word.trim()).replace(/\s+/g, ' ');
    if (folded.length > 0 && !entries.has(folded)) entries.set(folded, word.trim());
  }
  // A phrase written without its spaces names the same listed phrase.
  const listed = new Map<string, string>(); // form as matched (spaces single) -> the listed word
  for (const [folded, word] of entries) {
    listed.set(folded, word);
    const compact = folded.replace(/ /g, '');
    if (!listed.has(compact)) listed.set(compact, word);
  }
  // Longest first, so a phrase wins over a word it contains.
  const forms = [...listed.keys()].sort((a, b) => b.length - a.length);
  const alternatives = forms.map((form) => `(${stretchable(form)})`);
  const pattern = alternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
  return {
    find(fields) {
      if (!pattern) return null;
      for (const [name, text] of Object.entries(fields)) {
        if (!text) continue;
        for (const reading of readings(foldForMatching(text))) {
          const match = pattern.exec(reading);
          if (!match) continue;
          // The capture group that matched says which form, hence which listed word.
          const index = match.slice(1).findIndex((group) => group !== undefined);
          return { field: `body.${name}`, word: listed.get(forms[index]!)! };
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
