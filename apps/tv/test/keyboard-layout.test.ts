// The on-screen keyboard's rules: its keys, where the arrows go (wrapping), the limit, the caret and the direction.
import {
  COLUMNS,
  append,
  erase,
  find,
  isRightToLeft,
  layoutKeys,
  move,
  visibleText,
  type KeySpec,
  type Position,
} from '../src/components/keyboard-layout';

const chars = (rows: KeySpec[][]) =>
  rows
    .flat()
    .filter((key) => key.kind === 'char')
    .map((key) => key.char);

describe('the on-screen keyboard layouts', () => {
  it('has the French accents, digits and punctuation in the Latin layout, and the Arabic letters in the Arabic one', () => {
    const latin = chars(layoutKeys('latin', false));
    for (const needed of "abcdefghijklmnopqrstuvwxyzéèêàâçùûôîïëœ0123456789.,'-?!@:") expect(latin).toContain(needed);
    const arabic = chars(layoutKeys('arabic', false));
    for (const needed of 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي،؟') expect(arabic).toContain(needed);
  });

  it('fills every row to twelve columns, with or without the extra key', () => {
    for (const layout of ['latin', 'arabic'] as const) {
      for (const extra of [false, true]) {
        const rows = layoutKeys(layout, extra);
        for (const row of rows) expect(row.reduce((sum, key) => sum + key.span, 0)).toBe(COLUMNS);
        const special = rows[rows.length - 1]!.map((key) => key.kind);
        expect(special).toContain('space');
        expect(special).toContain('done');
        expect(special).toContain('layout');
        expect(special.includes('extra')).toBe(extra);
        expect(special.includes('capitals')).toBe(layout === 'latin');
        expect(rows.flat().some((key) => key.kind === 'erase')).toBe(true);
      }
    }
  });
});

describe('moving with the arrows', () => {
  const rows = layoutKeys('latin', false);
  const at = (char: string) => find(rows, (key) => key.char === char) as Position;
  const label = (p: Position) => {
    const key = rows[p.row]![p.index]!;
    return key.kind === 'char' ? key.char : key.kind;
  };

  it('wraps left and right within a row', () => {
    expect(label(move(rows, at('a'), 'previous'))).toBe('l');
    expect(label(move(rows, at('l'), 'next'))).toBe('a');
    expect(label(move(rows, at('a'), 'next'))).toBe('b');
  });

  it('wraps up and down between the top and bottom rows, keeping the column across wide keys', () => {
    expect(label(move(rows, at('1'), 'up'))).toBe('capitals');
    let position = move(rows, move(rows, at('g'), 'down'), 'down');
    expect(label(position)).toBe('à');
    position = move(rows, move(rows, position, 'down'), 'down');
    expect(label(position)).toBe('space');
    // Back up from the space bar: the same column as where the tenant came down.
    expect(label(move(rows, position, 'up'))).toBe('-');
    // Down from the bottom row: the top row, same column.
    expect(label(move(rows, position, 'down'))).toBe('7');
  });
});

describe('typing', () => {
  it('stops at the limit, counting letters as the tenant sees them', () => {
    expect(append('abc', 'd', 4)).toBe('abcd');
    expect(append('abcd', 'e', 4)).toBe('abcd');
    expect(append('مرحب', 'ا', 5)).toBe('مرحبا');
    expect(append('ab', 'cdef', 4)).toBe('abcd');
    expect(erase('à tous')).toBe('à tou');
    expect(erase('')).toBe('');
  });

  it('shows the end of a long text with the caret, on the left of Arabic text', () => {
    expect(visibleText('Bonjour', false, 40)).toBe('Bonjour|');
    expect(visibleText('abcdefghij', false, 5)).toBe('…ghij|');
    expect(visibleText('مرحبا', true, 40)).toBe('مرحبا\u200f|');
    expect(isRightToLeft('مرحبا', 'latin')).toBe(true);
    expect(isRightToLeft('12 rue', 'arabic')).toBe(false);
    expect(isRightToLeft('', 'arabic')).toBe(true);
  });
});
