// The on-screen keyboard's layouts and rules, without drawing: which key sits where, where an arrow goes, what a key
// does to the text. Plain functions, so the rules are tested without a renderer.

export type LayoutName = 'latin' | 'arabic';
export type KeyKind = 'char' | 'space' | 'erase' | 'capitals' | 'layout' | 'extra' | 'done';

export interface KeySpec {
  kind: KeyKind;
  /** For char keys: the character typed (lower case in the Latin layout). */
  char: string;
  row: number;
  /** Grid column where the key starts (0–11, in reading order: mirrored on screen in right-to-left) and its width. */
  col: number;
  span: number;
}

export const COLUMNS = 12;

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '@', ':'];

// Alphabetical rather than AZERTY: most of the tenants who need this keyboard have never typed on a computer.
const LATIN_ROWS = [
  DIGITS,
  ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
  ['m', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x'],
  ['y', 'z', 'é', 'è', 'ê', 'ë', 'à', 'â', 'ç', 'ù', 'û', 'ô'],
  ['î', 'ï', 'œ', '.', ',', "'", '-', '?', '!'],
];

// The 28 letters in their alphabetical order, then the hamza and the letters' other forms.
const ARABIC_ROWS = [
  DIGITS,
  ['ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س'],
  ['ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م'],
  ['ن', 'ه', 'و', 'ي', 'ء', 'آ', 'أ', 'إ', 'ؤ', 'ئ', 'ة', 'ى'],
  ['،', '؟', '؛', '.', '!', '-', '(', ')', '"'],
];

/** The keys of a layout, row by row; the last row holds the special keys, the erase key ends the row above it. */
export function layoutKeys(layout: LayoutName, withExtra: boolean): KeySpec[][] {
  const source = layout === 'arabic' ? ARABIC_ROWS : LATIN_ROWS;
  const rows: KeySpec[][] = source.map((chars, row) => chars.map((char, col) => ({ kind: 'char', char, row, col, span: 1 })));
  const last = rows[rows.length - 1] as KeySpec[];
  last.push({ kind: 'erase', char: '', row: last[0]!.row, col: last.length, span: COLUMNS - last.length });
  const row = rows.length;
  // Arabic has no capitals: its space bar takes the room. Spans always add up to twelve columns.
  const spans: Array<[KeyKind, number]> =
    layout === 'arabic'
      ? withExtra
        ? [
            ['space', 4],
            ['layout', 2],
            ['extra', 3],
            ['done', 3],
          ]
        : [
            ['space', 6],
            ['layout', 3],
            ['done', 3],
          ]
      : withExtra
        ? [
            ['capitals', 3],
            ['space', 3],
            ['layout', 2],
            ['extra', 2],
            ['done', 2],
          ]
        : [
            ['capitals', 3],
            ['space', 4],
            ['layout', 2],
            ['done', 3],
          ];
  let col = 0;
  rows.push(
    spans.map(([kind, span]) => {
      const key: KeySpec = { kind, char: kind === 'space' ? ' ' : '', row, col, span };
      col += span;
      return key;
    }),
  );
  return rows;
}

/** Capitals of the Latin layout: the accented letters too (É, Ç, Œ…). */
export function shown(char: string, capitals: boolean): string {
  return capitals ? char.toUpperCase() : char;
}

export interface Position {
  row: number;
  /** Index of the key in its row. */
  index: number;
  /** The column the tenant is "in", kept when moving up and down across wide keys (space, erase). */
  anchor: number;
}

function keyAt(rows: KeySpec[][], row: number, column: number): number {
  const keys = rows[row] as KeySpec[];
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as KeySpec;
    if (column >= key.col && column < key.col + key.span) return i;
  }
  return keys.length - 1;
}

/**
 * Where an arrow goes, in reading order (the caller turns screen left/right into previous/next for right-to-left).
 * Left and right wrap within the row (past the last key comes the first); up and down wrap between the top and
 * bottom rows, keeping the column.
 */
export function move(rows: KeySpec[][], from: Position, direction: 'previous' | 'next' | 'up' | 'down'): Position {
  const keys = rows[from.row] as KeySpec[];
  if (direction === 'previous' || direction === 'next') {
    const index = (from.index + (direction === 'next' ? 1 : -1) + keys.length) % keys.length;
    const key = keys[index] as KeySpec;
    return { row: from.row, index, anchor: key.span > 1 ? from.anchor : key.col };
  }
  const row = (from.row + (direction === 'down' ? 1 : -1) + rows.length) % rows.length;
  const current = keys[from.index] as KeySpec;
  // Keep the anchor when it lies inside the key left (a wide key); else the key's own column.
  const anchor = from.anchor >= current.col && from.anchor < current.col + current.span ? from.anchor : current.col;
  return { row, index: keyAt(rows, row, anchor), anchor };
}

/** Where a key is, from its kind and character: for tests and for the tenant's return to a key. */
export function find(rows: KeySpec[][], match: (key: KeySpec) => boolean): Position | null {
  for (let row = 0; row < rows.length; row += 1) {
    const keys = rows[row] as KeySpec[];
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as KeySpec;
      if (match(key)) return { row, index, anchor: key.col };
    }
  }
  return null;
}

/** Counts characters as the tenant sees them (an Arabic letter or an emoji from the phone is one). */
export function length(text: string): number {
  return Array.from(text).length;
}

/** The text with `typed` added, or the same text when the limit is reached. */
export function append(text: string, typed: string, limit: number): string {
  const room = limit - length(text);
  if (room <= 0) return text;
  return text + Array.from(typed).slice(0, room).join('');
}

export function erase(text: string): string {
  const chars = Array.from(text);
  chars.pop();
  return chars.join('');
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const STRONG = /[A-Za-z\u00c0-\u024f\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/** Right-to-left when the text's first letter is Arabic; an empty field follows the layout. */
export function isRightToLeft(text: string, layout: LayoutName): boolean {
  const first = STRONG.exec(text);
  return first ? ARABIC.test(first[0]) : layout === 'arabic';
}

/**
 * What the field shows: the end of the text (where the tenant types) with the caret after it. A right-to-left mark
 * keeps the caret at the end of Arabic text, on its left. Text too long for the field shows its last part after "…".
 */
export function visibleText(text: string, rightToLeft: boolean, capacity: number): string {
  const chars = Array.from(text);
  const tail = chars.length > capacity ? '…' + chars.slice(chars.length - capacity + 1).join('') : text;
  return tail + (rightToLeft ? '\u200f|' : '|');
}
