// One realtime socket for a page: every event goes to the page's latest handler, and the status is shown.
import { useEffect, useRef, useState } from 'react';
import type { EventMessage } from '@palier/contracts';
import { RealtimeConnection, type RealtimeStatus } from './realtime';

/**
 * Opens the socket while the page is shown. `onLive` runs each time the socket is (back) up, since events may have been
 * missed meanwhile and listeners re-read the API then; the tab coming back and the network returning nudge it.
 */
export function useRealtime(onEvent: (event: EventMessage) => void, onLive?: () => void): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const handlers = useRef({ onEvent, onLive });
  handlers.current = { onEvent, onLive };

  useEffect(() => {
    const connection = new RealtimeConnection({
      onEvent: (event) => handlers.current.onEvent(event),
      onStatus: (next) => {
        setStatus(next);
        if (next === 'live') handlers.current.onLive?.();
      },
    });
    connection.start();
    const onVisible = () => {
      if (document.visibilityState === 'visible') connection.nudge();
    };
    const onOnline = () => connection.nudge();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onOnline);
    return () => {
      connection.stop();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onOnline);
    };
  }, []);

  return status;
}
