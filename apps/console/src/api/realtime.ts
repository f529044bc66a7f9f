// The console's realtime socket: the clients' shared connection, on the page's own origin, authenticated by the
// session cookie. Without a session it stops; the page finds out through its next API call.
import { REALTIME_PATH } from '@palier/contracts/src/realtime';

export { RealtimeConnection, reconnectDelay, type RealtimeOptions, type RealtimeStatus } from '@palier/contracts/src/realtime-connection';

export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + REALTIME_PATH;
}
