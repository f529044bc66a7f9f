import type { QueueEntry } from '@palier/contracts';
import {
  appendQueuePage,
  floorLabel,
  formatWaiting,
  homeLabel,
  isLongWait,
  orderQueue,
  refreshLimit,
  stamp,
  waitingNow,
  withoutCall,
} from '../src/pages/calls/callQueue';
import { translator } from '../src/i18n/catalogue';

const fr = translator('fr');
const en = translator('en');

const entry = (callId: string, position: number, waitingSeconds = 30): QueueEntry => ({
  callId,
  position,
  queuedAt: new Date(Date.UTC(2026, 10, 26, 10, 0, 0) - waitingSeconds * 1000).toISOString(),
  waitingSeconds,
  caller: {
    tenantId: `tenant-${callId}`,
    firstName: 'Amina',
    lastName: 'Benali',
    fullName: 'Amina Benali',
    reference: 'HMP-LAU-B-0101',
    home: { floor: 3, door: '12', building: { id: 'b', name: 'Bâtiment B' } },
    residence: { id: 'r', name: 'Les Lauriers', address: '12 boulevard des Lauriers, 13014 Marseille' },
    openReports: [],
  },
});

describe('the call-centre queue', () => {
  it('shows the longest wait first, whatever order the pages came in', () => {
    const shown = orderQueue(stamp([entry('c', 3), entry('a', 1), entry('b', 2)], 0));
    expect(shown.map((e) => e.callId)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a caller once when a further page brings them again', () => {
    const first = stamp([entry('a', 1), entry('b', 2)], 0);
    const next = appendQueuePage(first, stamp([entry('b', 2), entry('c', 3)], 1000));
    expect(next.map((e) => e.callId)).toEqual(['a', 'b', 'c']);
    expect(next[1]).toBe(first[1]);
  });

  it('drops a call another agent took at once, and leaves the list untouched for an unknown call', () => {
    const shown = stamp([entry('a', 1), entry('b', 2)], 0);
    expect(withoutCall(shown, 'a').map((e) => e.callId)).toEqual(['b']);
    expect(withoutCall(shown, 'zzz')).toBe(shown);
  });

  it('re-reads at least a page, as many as are shown after "show more", never past the API’s limit', () => {
    expect(refreshLimit(0, 20)).toBe(20);
    expect(refreshLimit(45, 20)).toBe(45);
    expect(refreshLimit(250, 20)).toBe(100);
  });

  it('lets the waiting time tick from what the API said, without trusting this computer’s clock', () => {
    const [shown] = stamp([entry('a', 1, 42)], 1_000_000);
    expect(waitingNow(shown, 1_000_000)).toBe(42);
    expect(waitingNow(shown, 1_000_999)).toBe(42);
    expect(waitingNow(shown, 1_019_000)).toBe(61);
    // A clock that jumps back never makes a caller younger than the API said.
    expect(waitingNow(shown, 900_000)).toBe(42);
  });
});

describe('waiting times in words', () => {
  it('says seconds, then minutes and seconds, then hours and minutes', () => {
    expect([0, 45, 60, 125, 3599, 3600, 3780].map((s) => formatWaiting(s, fr))).toEqual([
      '0 s',
      '45 s',
      '1 min 00 s',
      '2 min 05 s',
      '59 min 59 s',
      '1 h 00 min',
      '1 h 03 min',
    ]);
    expect(formatWaiting(125, en)).toBe('2 min 05 s');
  });

  it('flags a wait of three minutes or more', () => {
    expect(isLongWait(179)).toBe(false);
    expect(isLongWait(180)).toBe(true);
  });
});

describe('the caller’s home in words', () => {
  it('names building, floor and door the way a caretaker says them', () => {
    expect(homeLabel(entry('a', 1).caller, fr)).toBe('Bâtiment B · 3e étage · porte 12');
    expect(homeLabel(entry('a', 1).caller, en)).toBe('Bâtiment B · 3rd floor · door 12');
  });

  it('has the ground floor, the first floor and English ordinals right', () => {
    expect([0, 1, 2, 4].map((floor) => floorLabel(floor, fr))).toEqual(['rez-de-chaussée', '1er étage', '2e étage', '4e étage']);
    expect([0, 1, 2, 3, 4, 11, 12, 13, 21, 22].map((floor) => floorLabel(floor, en))).toEqual([
      'ground floor',
      '1st floor',
      '2nd floor',
      '3rd floor',
      '4th floor',
      '11th floor',
      '12th floor',
      '13th floor',
      '21st floor',
      '22nd floor',
    ]);
    expect(floorLabel(-1, fr)).toBe('sous-sol 1');
  });
});
