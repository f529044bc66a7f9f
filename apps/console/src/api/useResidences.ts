// The residences this staff member may see, for a queue's residence filter (empty until read; a failure leaves it empty,
// the filter then offers "all" only).
import { useEffect, useState } from 'react';
import { api } from './client';

export function useResidences(): { id: string; name: string }[] {
  const [residences, setResidences] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    api.staffPlaces().then(
      (places) => setResidences(places.items.filter((place) => place.kind === 'RESIDENCE').map(({ id, name }) => ({ id, name }))),
      () => undefined,
    );
  }, []);
  return residences;
}
