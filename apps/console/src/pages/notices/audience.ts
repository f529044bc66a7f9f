// The audience picker's model: the places a staff member may address, as a tree city → districts → residences → buildings.
import type { AudienceKind, Place } from '../../api/shapes';

export interface PlaceNode {
  place: Place;
  depth: number;
  children: PlaceNode[];
}

const kindOrder: Record<AudienceKind, number> = { CITY: 0, DISTRICT: 1, RESIDENCE: 2, BUILDING: 3 };

function byKindThenName(a: PlaceNode, b: PlaceNode): number {
  return (
    kindOrder[a.place.kind] - kindOrder[b.place.kind] ||
    a.place.name.localeCompare(b.place.name, 'fr', { numeric: true, sensitivity: 'base' })
  );
}

/**
 * Builds the tree from the flat list the API returns. A place whose parent is not in the list (a caretaker sees only
 * their residences, not the district above) becomes a root, so nothing the API allows is ever hidden.
 */
export function buildAudienceTree(places: readonly Place[]): PlaceNode[] {
  const nodes = new Map<string, PlaceNode>();
  for (const place of places) nodes.set(place.id, { place, depth: 0, children: [] });
  const roots: PlaceNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.place.parentId ? nodes.get(node.place.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const visit = (list: PlaceNode[], depth: number, seen: Set<string>) => {
    list.sort(byKindThenName);
    for (const node of list) {
      if (seen.has(node.place.id)) continue; // a cycle in bad data must not hang the page
      seen.add(node.place.id);
      node.depth = depth;
      visit(node.children, depth + 1, seen);
    }
  };
  visit(roots, 0, new Set());
  return roots;
}

/** The tree in reading order (depth-first), for a single accessible <select>. */
export function flattenAudienceTree(roots: readonly PlaceNode[]): PlaceNode[] {
  const result: PlaceNode[] = [];
  const walk = (list: readonly PlaceNode[], seen: Set<string>) => {
    for (const node of list) {
      if (seen.has(node.place.id)) continue;
      seen.add(node.place.id);
      result.push(node);
      walk(node.children, seen);
    }
  };
  walk(roots, new Set());
  return result;
}
