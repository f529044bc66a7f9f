// The call-centre queue kept fresh: re-read on every `call.queue` hint, on reconnect and on return to the tab, with
// "show more" for long queues. A re-read replaces the list, so callers who were answered or gave up disappear.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../session';
import { appendQueuePage, orderQueue, refreshLimit, stamp, withoutCall, type ShownEntry } from './callQueue';

export const QUEUE_PAGE_SIZE = 20;

export function useCallQueue() {
  const session = useSession();
  const handleSessionError = useRef(session.handle);
  handleSessionError.current = session.handle;

  const [entries, setEntries] = useState<ShownEntry[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<unknown>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const shownCount = useRef(0);
  shownCount.current = entries.length;
  const loaded = useRef(false);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);

  const refresh = useCallback((): Promise<void> => {
    // A hint that arrives during a read is not lost: one more read follows, never more than one.
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const run = (async () => {
      try {
        do {
          again.current = false;
          const page = await api.callQueue({ limit: refreshLimit(shownCount.current, QUEUE_PAGE_SIZE) });
          setEntries(orderQueue(stamp(page.items, Date.now())));
          setNextCursor(page.nextCursor);
          loaded.current = true;
          setStatus('ready');
          setError(undefined);
        } while (again.current);
      } catch (caught) {
        if (handleSessionError.current(caught)) return;
        // A failed background refresh keeps what is shown; only the first load shows the error in place.
        if (!loaded.current) {
          setError(caught);
          setStatus('failed');
        }
      } finally {
        inFlight.current = undefined;
      }
    })();
    inFlight.current = run;
    return run;
  }, []);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.callQueue({ cursor: nextCursor, limit: QUEUE_PAGE_SIZE });
      setEntries((current) => appendQueuePage(current, stamp(page.items, Date.now())));
      setNextCursor(page.nextCursor);
    } catch (caught) {
      if (!handleSessionError.current(caught)) setMoreError(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor, loadingMore]);

  const remove = useCallback((callId: string) => setEntries((current) => withoutCall(current, callId)), []);

  useEffect(() => {
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  return { entries, status, error, nextCursor, loadingMore, moreError, refresh, loadMore, remove };
}

/** A clock that ticks every second while something on screen counts time. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
