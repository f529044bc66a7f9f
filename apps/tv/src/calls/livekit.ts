// The call chunk: livekit-client and the polyfills it needs, imported lazily (see media.ts) so the first load stays small.
import './polyfills';

export { Room, RoomEvent, Track, isBrowserSupported } from 'livekit-client';
export type { RemoteTrack, RemoteTrackPublication, RemoteParticipant } from 'livekit-client';
