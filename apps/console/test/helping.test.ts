import type { EServiceQuestion, HelpedTenant, Problem } from '@palier/contracts';
import {
  answersFrom,
  applyMandateChange,
  isMandateWithdrawn,
  markWithdrawn,
  mergeHelped,
  typedQuestions,
} from '../src/pages/helping/helping';
import { pageFromHash, pagesFor } from '../src/navigation';

// Shaped like the contracts' ApiProblem, which loads typebox (ESM only) at run time.
class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}
const refused = (code: string) => new ApiProblem({ type: 'about:blank', title: 'x', status: 403, code } as Problem);

const helped = (id: string, active = true): HelpedTenant => ({
  id,
  tenant: {
    id: `t-${id}`,
    name: 'Jeanne Martin',
    reference: 'HMP-LAU-A-0203',
    building: 'Bâtiment A',
    residence: 'Les Lauriers',
    floor: 2,
    door: '3',
  },
  scopes: ['reports'],
  createdAt: '2026-11-20T10:00:00.000Z',
  withdrawnAt: active ? null : '2026-11-25T10:00:00.000Z',
  active,
});

const question = (name: string, widget: EServiceQuestion['widget']): EServiceQuestion =>
  ({ name, widget, title: { fr: name }, required: true, choices: [] }) as unknown as EServiceQuestion;

describe('the people a social worker helps', () => {
  it('is the social worker’s page always, and any staff member’s once a tenant named them helper', () => {
    expect(pagesFor(['SOCIAL_WORKER'], 'CITY')).toEqual(['helping']);
    expect(pagesFor(['SOCIAL_WORKER'], 'CITY', { helpsTenants: false })).toEqual(['helping']);
    expect(pageFromHash('#notices', ['SOCIAL_WORKER'], 'CITY')).toBe('helping');
    expect(pagesFor(['ADMIN'], 'CITY')).not.toContain('helping');
    expect(pagesFor(['CARETAKER'], 'LANDLORD', { helpsTenants: false })).toEqual(['notices', 'reports', 'agenda']);
    // A caretaker or a clerk named helper keeps their own pages and gets this one too, also on a reload at #helping.
    expect(pagesFor(['CARETAKER'], 'LANDLORD', { helpsTenants: true })).toEqual(['notices', 'reports', 'agenda', 'helping']);
    expect(pageFromHash('#helping', ['CARETAKER'], 'LANDLORD', { helpsTenants: true })).toBe('helping');
    expect(pageFromHash('#helping', ['CARETAKER'], 'LANDLORD', { helpsTenants: false })).toBe('notices');
    expect(pagesFor(['CLERK'], 'TOWN_HALL', { helpsTenants: true })).toEqual(['notices', 'eservices', 'agenda', 'helping']);
  });

  it('knows a withdrawn mandate from any other refusal', () => {
    expect(isMandateWithdrawn(refused('mandate_withdrawn'))).toBe(true);
    expect(isMandateWithdrawn(refused('forbidden'))).toBe(false);
    expect(isMandateWithdrawn(new Error('offline'))).toBe(false);
  });

  it('marks the mandate withdrawn in the list at once, leaving the others', () => {
    const list = markWithdrawn([helped('a'), helped('b')], 'b', '2026-11-26T20:00:00.000Z');
    expect(list.map((item) => [item.id, item.active, item.withdrawnAt])).toEqual([
      ['a', true, null],
      ['b', false, '2026-11-26T20:00:00.000Z'],
    ]);
  });

  it('follows a mandate narrowed or withdrawn while the list is shown, in place', () => {
    const at = '2026-11-26T21:00:00.000Z';
    const change = (mandateId: string, kind: 'scopes' | 'withdrawn', scopes: ('reports' | 'eservices')[]) => ({
      mandateId,
      change: kind,
      scopes,
      active: kind !== 'withdrawn',
      at,
    });
    const narrowed = applyMandateChange([helped('a'), helped('b')], change('a', 'scopes', ['eservices']));
    expect(narrowed.map((item) => [item.id, item.scopes, item.active])).toEqual([
      ['a', ['eservices'], true],
      ['b', ['reports'], true],
    ]);
    const withdrawn = applyMandateChange(narrowed, change('b', 'withdrawn', ['reports']));
    expect(withdrawn.map((item) => [item.id, item.active, item.withdrawnAt])).toEqual([
      ['a', true, null],
      ['b', false, at],
    ]);
    // A withdrawn mandate keeps the scopes it had; a change about someone not shown changes nothing.
    expect(applyMandateChange(withdrawn, change('b', 'scopes', ['eservices']))).toEqual(withdrawn);
    expect(applyMandateChange(withdrawn, change('z', 'withdrawn', []))).toEqual(withdrawn);
  });

  it('adds a page without showing a person twice', () => {
    expect(mergeHelped([helped('a'), helped('b')], [helped('b', false), helped('c')]).map((item) => [item.id, item.active])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
  });

  it('answers again only the named questions a field can hold, numbers as numbers, blanks left out', () => {
    const questions = [question('motif', 'choice'), question('details', 'longText'), question('pieces', 'number'), question('nom', 'text')];
    const named = typedQuestions(questions, ['motif', 'details', 'pieces']);
    expect(named.map((q) => q.name)).toEqual(['details', 'pieces']);
    expect(answersFrom(named, { details: '  Fuite au plafond ', pieces: '3', nom: 'ignored' })).toEqual({
      details: 'Fuite au plafond',
      pieces: 3,
    });
    expect(answersFrom(named, { details: '   ' })).toEqual({});
  });
});
