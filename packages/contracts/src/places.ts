// Where things are addressed: the city, a district, a residence or a building.
import { Type, type Static } from 'typebox';

export const audienceKinds = ['CITY', 'DISTRICT', 'RESIDENCE', 'BUILDING'] as const;
export const AudienceKind = Type.Enum(audienceKinds);
export type AudienceKind = (typeof audienceKinds)[number];

export const Audience = Type.Object({
  kind: AudienceKind,
  id: Type.String({ format: 'uuid' }),
});
export type Audience = Static<typeof Audience>;

export const Place = Type.Object({
  kind: AudienceKind,
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  homeCount: Type.Integer(),
});
export type Place = Static<typeof Place>;

export const PlaceList = Type.Object({ items: Type.Array(Place) });
export type PlaceList = Static<typeof PlaceList>;
