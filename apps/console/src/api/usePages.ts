// A keyset-paginated list for a page: the first page, "show more", and a reload from the top; an expired session goes
// back to sign-in (useSession's handle) instead of showing an error.
import { useCallback, useEffect, useState } from 'react';
import type { Page } from '@palier/contracts';
import { useSession } from '../session';

export interface Pages<T> {
  items: T[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  reload: () => Promise<void>;
  more: () => Promise<void>;
}

/** Reads `fetch()` again whenever `fetch` changes (its filters are in its dependencies). */
export function usePages<T>(fetch: (cursor?: string) => Promise<Page<T>>): Pages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<unknown>();
  const { handle } = useSession();
  const reload = useCallback(async () => {
    try {
      const page = await fetch();
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setStatus('ready');
    } catch (failure) {
      if (handle(failure)) return;
      setError(failure);
      setStatus('failed');
    }
  }, [fetch]);
  const more = async () => {
    if (!nextCursor) return;
    try {
      const page = await fetch(nextCursor);
      setItems((previous) => [...previous, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (failure) {
      if (!handle(failure)) setError(failure);
    }
  };
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, nextCursor, status, error, reload, more };
}

/** The one item open beside a list, read again on `reload()` (a realtime event about it); null when none is open. */
export function useOpenItem<T>(id: string | null, fetch: (id: string) => Promise<T>) {
  const [item, setItem] = useState<T | null>(null);
  const [error, setError] = useState<unknown>();
  const { handle } = useSession();
  const reload = useCallback(async () => {
    if (!id) return setItem(null);
    try {
      setItem(await fetch(id));
      setError(undefined);
    } catch (failure) {
      if (!handle(failure)) setError(failure);
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { item, error, reload, setItem };
}
