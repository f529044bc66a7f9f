import { buildAudienceTree, flattenAudienceTree } from '../src/pages/notices/audience';
import type { Place } from '../src/api/shapes';

const place = (id: string, kind: Place['kind'], name: string, parentId: string | null, homeCount = 10): Place => ({
  id,
  kind,
  name,
  parentId,
  homeCount,
});

describe('the audience picker', () => {
  it('lays out city, districts, residences and buildings in reading order, names sorted naturally', () => {
    const places = [
      place('b10', 'BUILDING', 'Bâtiment 10', 'r1'),
      place('r1', 'RESIDENCE', 'Les Tilleuls', 'd1'),
      place('city', 'CITY', 'Marseille', null, 700),
      place('b2', 'BUILDING', 'Bâtiment 2', 'r1'),
      place('d2', 'DISTRICT', '15e arrondissement', 'city'),
      place('d1', 'DISTRICT', '13e arrondissement', 'city'),
    ];

    const rows = flattenAudienceTree(buildAudienceTree(places)).map((node) => `${node.depth}:${node.place.name}`);

    expect(rows).toEqual([
      '0:Marseille',
      '1:13e arrondissement',
      '2:Les Tilleuls',
      '3:Bâtiment 2',
      '3:Bâtiment 10',
      '1:15e arrondissement',
    ]);
  });

  it('shows a caretaker’s residences as roots when the district above is not theirs to address', () => {
    const places = [
      place('r2', 'RESIDENCE', 'Le Belvédère', 'district-not-listed'),
      place('r1', 'RESIDENCE', 'Les Tilleuls', 'district-not-listed'),
      place('a', 'BUILDING', 'Bâtiment A', 'r1'),
    ];

    const roots = buildAudienceTree(places);

    expect(roots.map((node) => node.place.name)).toEqual(['Le Belvédère', 'Les Tilleuls']);
    expect(roots[1].children.map((node) => node.place.name)).toEqual(['Bâtiment A']);
    expect(roots[1].children[0].depth).toBe(1);
  });

  it('keeps every place once even when the data loops back on itself', () => {
    const places = [place('x', 'RESIDENCE', 'X', 'y'), place('y', 'BUILDING', 'Y', 'x'), place('z', 'CITY', 'Z', null)];

    const rows = flattenAudienceTree(buildAudienceTree(places));

    expect(rows.map((node) => node.place.id)).toEqual(['z']);
  });

  it('offers nothing when the API lists no place', () => {
    expect(flattenAudienceTree(buildAudienceTree([]))).toEqual([]);
  });
});
