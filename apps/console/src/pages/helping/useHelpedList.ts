// One part of a helped tenant's page (their fault reports, or their e-service requests): ten rows at a time through
// the mandate's routes, "more" on demand, and re-read quietly when an event is about them (useHelperRefresh).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MandateScope, Page, PageQuery } from '@palier/contracts';
import { useHelperRefresh } from './useHelperEvents';

interface HelpedList<Row, Item> {
  mandateId: string;
  scope: MandateScope;
  /** The report or request open beside the list, re-read when an event is about it. */
  openId: string | null;
  /** useMandateCall's run: a withdrawal and a signed-out session are the page's business. */
  run: <T>(call: () => Promise<T>) => Promise<T | undefined>;
  page: (query: PageQuery) => Promise<Page<Row>>;
  item: (id: string) => Promise<Item>;
  onItem: (item: Item) => void;
  onWithdrawn: () => void;
}

export function useHelpedList<Row, Item>(options: HelpedList<Row, Item>) {
  const [rows, setRows] = useState<Row[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  // The callers pass new closures at every render; the loads read the latest through a ref.
  const latest = useRef(options);
  latest.current = options;
  const { run, mandateId } = options;

  /** The first page (again), or the page after `cursor` added below. */
  const load = useCallback(
    async (cursor?: string) => {
      const page = await run(() => latest.current.page({ limit: 10, ...(cursor ? { cursor } : {}) }));
      if (!page) return;
      setRows((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    },
    [run, mandateId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useHelperRefresh({
    mandateId,
    scope: options.scope,
    shown: rows.length,
    openId: options.openId,
    list: (limit) => latest.current.page({ limit }),
    item: (id) => latest.current.item(id),
    onList: (page) => {
      setRows(page.items);
      setNextCursor(page.nextCursor);
    },
    onItem: (item) => latest.current.onItem(item),
    onWithdrawn: () => latest.current.onWithdrawn(),
  });
  return { rows, nextCursor, load };
}
