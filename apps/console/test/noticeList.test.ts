import { appendPage, applyReadCount, mergeFirstPage, readShare } from '../src/pages/notices/noticeList';
import type { StaffNotice } from '../src/api/shapes';

const notice = (id: string, readHomeCount = 0, targetHomeCount = 10): StaffNotice => ({
  id,
  title: `Avis ${id}`,
  body: 'Texte',
  category: 'INFORMATION',
  urgent: false,
  audience: { kind: 'BUILDING', id: 'b', name: 'Bâtiment A' },
  author: 'Nadia',
  publishedAt: '2026-11-26T10:00:00.000Z',
  validFrom: '2026-11-26T10:00:00.000Z',
  validUntil: null,
  readHomeCount,
  targetHomeCount,
});

describe('the list of published notices', () => {
  it('puts a newly published notice on top and keeps the older pages already loaded', () => {
    const shown = [notice('c'), notice('b'), notice('a')];

    const next = mergeFirstPage(shown, [notice('d'), notice('c', 4), notice('b')]);

    expect(next.map((n) => n.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(next[1].readHomeCount).toBe(4);
  });

  it('does not repeat a notice that a later page brings again', () => {
    expect(appendPage([notice('c'), notice('b')], [notice('b'), notice('a')]).map((n) => n.id)).toEqual(['c', 'b', 'a']);
  });

  it('moves the read count of the notice a tenant just read, and of no other', () => {
    const shown = [notice('b', 1), notice('a', 2)];

    const next = applyReadCount(shown, 'a', 3);

    expect(next.map((n) => n.readHomeCount)).toEqual([1, 3]);
    expect(next[0]).toBe(shown[0]);
  });

  it('ignores a late event that would move the bar back, and one for a notice not shown', () => {
    const shown = [notice('a', 5)];

    expect(applyReadCount(shown, 'a', 4)).toBe(shown);
    expect(applyReadCount(shown, 'zzz', 9)).toBe(shown);
  });

  it('fills the bar in proportion, never past full, and not at all for an audience without homes', () => {
    expect(readShare(notice('a', 3, 12))).toBe(0.25);
    expect(readShare(notice('a', 15, 12))).toBe(1);
    expect(readShare(notice('a', 0, 0))).toBe(0);
  });
});
