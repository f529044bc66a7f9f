// The TV's realtime socket: the clients' shared connection, saying hello with the access token, keeping the last event
// id across reloads, renewing the session when the server refuses the token, and backing off up to a minute.
import { RealtimeConnection as SharedConnection, realtimeUrlFor } from '@palier/contracts/src/realtime-connection';
import type { EventMessage } from '@palier/contracts/src/realtime';
import { accessToken, api, refreshSession, signOut } from './session';

const LAST_EVENT_KEY = 'palier.lastEventId';

export type EventHandler = (event: EventMessage) => void;

const lastEventStore = {
  load(): string | undefined {
    try {
      return window.localStorage.getItem(LAST_EVENT_KEY) || undefined;
    } catch {
      return undefined;
    }
  },
  save(id: string): void {
    try {
      window.localStorage.setItem(LAST_EVENT_KEY, id);
    } catch {
      // kept in memory
    }
  },
};

/** A socket for this TV: `onReady` runs each time it is (back) up, since events may have been missed meanwhile. */
export class RealtimeConnection extends SharedConnection {
  constructor(onEvent: EventHandler, onReady: () => void = () => undefined) {
    super({
      url: () => realtimeUrlFor(api.baseUrl),
      hello: () => ({ accessToken: accessToken() }),
      lastEventStore,
      onEvent,
      onStatus: (status) => {
        if (status === 'live') onReady();
      },
      renewSession: () =>
        refreshSession().then((renewed) => {
          if (!renewed) signOut();
          return renewed;
        }),
      maxDelayMs: 60000,
    });
  }
}
