// What the call view shows of a call's room, as plain data; kept apart from callRoom.ts so that livekit-client is only
// loaded (in its own chunk) when the agent joins a call.
import type { LocalVideoTrack, RemoteVideoTrack } from 'livekit-client';
import type { MediaProblem, ParticipantKind, Quality } from './callMedia';

export interface CallRoomSnapshot {
  connection: 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
  /** Why the room could not be joined or was lost */
  connectionProblem: MediaProblem | null;
  /** Why the camera or microphone could not be used; the call goes on without them */
  deviceProblem: MediaProblem | null;
  /** The room was closed by the server (the call ended elsewhere) rather than left by the agent */
  closedByServer: boolean;
  microphoneOn: boolean;
  cameraOn: boolean;
  participants: { identity: string; kind: ParticipantKind }[];
  tenantVideo: RemoteVideoTrack | null;
  tenantAudio: boolean;
  localVideo: LocalVideoTrack | null;
  quality: Quality;
  /** The browser blocked autoplay: a click on "enable sound" is needed. */
  audioBlocked: boolean;
}

/** Before any room is joined. */
export const IDLE_CALL_ROOM: CallRoomSnapshot = {
  connection: 'idle',
  connectionProblem: null,
  deviceProblem: null,
  closedByServer: false,
  microphoneOn: false,
  cameraOn: false,
  participants: [],
  tenantVideo: null,
  tenantAudio: false,
  localVideo: null,
  quality: 'unknown',
  audioBlocked: false,
};
