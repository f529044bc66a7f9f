// The list of published notices kept fresh: first page, "load more", live read counts, refresh on events and on return.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffNotice } from '../../api/shapes';
import { api } from '../../api/client';
import { RealtimeConnection, type RealtimeStatus } from '../../api/realtime';
import { useSession } from '../../session';
import { appendPage, applyReadCount, mergeFirstPage } from './noticeList';

const PAGE_SIZE = 20;

export function useNoticeFeed() {
  const session = useSession();
  const handleSessionError = useRef(session.handle);
  handleSessionError.current = session.handle;

  const [notices, setNotices] = useState<StaffNotice[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<unknown>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const [live, setLive] = useState<RealtimeStatus>('connecting');
  const firstPageLoaded = useRef(false);
  const refreshing = useRef<Promise<void> | undefined>(undefined);

  /** Re-reads the first page and lays it over what is shown; the older pages already loaded stay. */
  const refresh = useCallback((): Promise<void> => {
    if (refreshing.current) return refreshing.current;
    if (!firstPageLoaded.current) setStatus('loading');
    const run = (async () => {
      try {
        const page = await api.staffNotices({ limit: PAGE_SIZE });
        setNotices((current) => mergeFirstPage(current, page.items));
        // Only the first load decides the cursor: after that, "load more" walks on from the last page it fetched.
        if (!firstPageLoaded.current) setNextCursor(page.nextCursor);
        firstPageLoaded.current = true;
        setStatus('ready');
        setError(undefined);
      } catch (caught) {
        if (handleSessionError.current(caught)) return;
        // A failed background refresh leaves the list as it was; only a first load shows the error in place.
        if (!firstPageLoaded.current) {
          setError(caught);
          setStatus('failed');
        }
      } finally {
        refreshing.current = undefined;
      }
    })();
    refreshing.current = run;
    return run;
  }, []);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.staffNotices({ cursor: nextCursor, limit: PAGE_SIZE });
      setNotices((current) => appendPage(current, page.items));
      setNextCursor(page.nextCursor);
    } catch (caught) {
      if (!handleSessionError.current(caught)) setMoreError(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor, loadingMore]);

  const addPublished = useCallback((notice: StaffNotice) => {
    setNotices((current) => mergeFirstPage(current, [notice]));
  }, []);

  useEffect(() => {
    void refresh();
    const connection = new RealtimeConnection({
      onEvent: (event) => {
        if (event.name === 'notice.read') {
          setNotices((current) => applyReadCount(current, event.data.noticeId, event.data.readHomeCount));
        } else if (event.name === 'notice.published') {
          void refresh();
        }
      },
      onStatus: (next) => {
        setLive(next);
        // Back online: whatever happened while the socket was down is in the API, not in the replay alone.
        if (next === 'live' && firstPageLoaded.current) void refresh();
      },
    });
    connection.start();
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      void refresh();
      connection.nudge();
    };
    const onOnline = () => connection.nudge();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onOnline);
    return () => {
      connection.stop();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onOnline);
    };
  }, [refresh]);

  return { notices, status, error, nextCursor, loadingMore, moreError, live, refresh, loadMore, addPublished };
}
