// The "people I help" page live: one realtime socket for the page. A mandate given, narrowed or withdrawn goes to the
// page (its list); a report or request changing goes to the part showing that person's reports or requests, which
// re-reads its list and the open item quietly: no spinner, no disabled buttons, nothing being typed lost.
import { useEffect, useRef } from 'react';
import type { EventMessage, MandateChangedEvent, MandateScope, Page } from '@palier/contracts';
import type { RealtimeStatus } from '../../api/realtime';
import { useRealtime } from '../../api/useRealtime';
import { isMandateWithdrawn } from './helping';

/** One report or request of one mandate changed; null: the socket is back, re-read everything shown. */
type Change = { mandateId: string; scope: MandateScope; itemId: string } | null;

const parts = new Set<(change: Change) => void>();

function tellParts(change: Change) {
  parts.forEach((part) => part(change));
}

/** Opens the page's socket; `onMandateChanged` gets the mandates' changes, `onBack` runs when a lost socket is back. */
export function useHelperEvents(onMandateChanged: (change: MandateChangedEvent['data']) => void, onBack: () => void): RealtimeStatus {
  const wasLive = useRef(false);
  return useRealtime(
    (event: EventMessage) => {
      if (event.name === 'mandate.changed') onMandateChanged(event.data);
      else if (event.name === 'mandate.report_updated')
        tellParts({ mandateId: event.data.mandateId, scope: 'reports', itemId: event.data.reportId });
      else if (event.name === 'mandate.eservice_updated')
        tellParts({ mandateId: event.data.mandateId, scope: 'eservices', itemId: event.data.requestId });
    },
    () => {
      // Missed events are replayed, but only a day's worth: after a long cut, re-read what is shown.
      if (wasLive.current) {
        onBack();
        tellParts(null);
      }
      wasLive.current = true;
    },
  );
}

export interface HelperRefresh<Row, Item> {
  mandateId: string;
  scope: MandateScope;
  /** Rows shown now: the list is re-read as long (10 to 100), so "more" pages stay. */
  shown: number;
  /** The report or request open, re-read when the event is about it. */
  openId: string | null;
  list: (limit: number) => Promise<Page<Row>>;
  item: (id: string) => Promise<Item>;
  onList: (page: Page<Row>) => void;
  onItem: (item: Item) => void;
  onWithdrawn: () => void;
}

/** A part (reports, e-services) of one person follows the events about it; a failed re-read keeps what is shown. */
export function useHelperRefresh<Row, Item>(options: HelperRefresh<Row, Item>): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const part = (change: Change) => {
      const now = latest.current;
      if (change && (change.mandateId !== now.mandateId || change.scope !== now.scope)) return;
      const failed = (error: unknown) => {
        if (isMandateWithdrawn(error)) latest.current.onWithdrawn();
      };
      now.list(Math.min(100, Math.max(10, now.shown))).then((page) => latest.current.onList(page), failed);
      const openId = now.openId;
      if (openId && (!change || change.itemId === openId))
        now.item(openId).then((item) => {
          if (latest.current.openId === openId) latest.current.onItem(item);
        }, failed);
    };
    parts.add(part);
    return () => {
      parts.delete(part);
    };
  }, []);
}
