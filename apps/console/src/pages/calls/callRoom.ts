// The agent's side of a call's LiveKit room, framework-free: join with the token the API minted, publish camera and
// microphone, play the tenant's audio, and keep a snapshot of everything the call view shows (React reads it with
// useSyncExternalStore).
import {
  ConnectionQuality,
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  type LocalVideoTrack,
  type Participant,
  type RemoteTrack,
  type RemoteVideoTrack,
} from 'livekit-client';
import type { CallToken } from '@palier/contracts';
import { mediaProblemOf, participantKind, pickTenantVideo, worseQuality, type Quality } from './callMedia';
import { IDLE_CALL_ROOM, type CallRoomSnapshot } from './callRoomState';

const qualityOf: Record<ConnectionQuality, Quality> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

export class CallRoom {
  private readonly room: Room;
  private snapshot: CallRoomSnapshot = IDLE_CALL_ROOM;
  private readonly listeners = new Set<() => void>();
  private readonly audioElements = new Map<string, HTMLMediaElement>();
  private left = false;

  constructor(private readonly audioContainer: HTMLElement) {
    this.room = new Room({
      adaptiveStream: true,
      dynacast: true,
      // The tenant's line carries about 2 Mbit/s: 360p at a modest bitrate leaves room for their own upload.
      videoCaptureDefaults: { resolution: VideoPresets.h360.resolution },
      publishDefaults: { simulcast: true, videoEncoding: { maxBitrate: 600_000, maxFramerate: 24 } },
      audioCaptureDefaults: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
    const room = this.room;
    room
      .on(RoomEvent.ConnectionStateChanged, () => this.refresh())
      .on(RoomEvent.Reconnecting, () => this.refresh())
      .on(RoomEvent.Reconnected, () => this.refresh())
      .on(RoomEvent.ParticipantConnected, () => this.refresh())
      .on(RoomEvent.ParticipantDisconnected, () => this.refresh())
      .on(RoomEvent.TrackSubscribed, (track) => {
        if (track.kind === Track.Kind.Audio) this.playAudio(track);
        this.refresh();
      })
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        if (track.kind === Track.Kind.Audio) this.stopAudio(track);
        this.refresh();
      })
      .on(RoomEvent.TrackMuted, () => this.refresh())
      .on(RoomEvent.TrackUnmuted, () => this.refresh())
      .on(RoomEvent.LocalTrackPublished, () => this.refresh())
      .on(RoomEvent.LocalTrackUnpublished, () => this.refresh())
      .on(RoomEvent.ConnectionQualityChanged, () => this.refresh())
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.refresh())
      .on(RoomEvent.MediaDevicesError, (error) => this.set({ deviceProblem: mediaProblemOf(error) }))
      .on(RoomEvent.Disconnected, (reason) => {
        for (const track of [...this.audioElements.keys()]) this.audioElements.get(track)?.remove();
        this.audioElements.clear();
        const closedByServer =
          !this.left &&
          (reason === DisconnectReason.ROOM_DELETED ||
            reason === DisconnectReason.ROOM_CLOSED ||
            reason === DisconnectReason.PARTICIPANT_REMOVED);
        this.set({
          connection: 'disconnected',
          closedByServer,
          connectionProblem: this.left || closedByServer ? null : (this.snapshot.connectionProblem ?? 'unreachable'),
          tenantVideo: null,
          localVideo: null,
          participants: [],
          tenantAudio: false,
        });
      });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallRoomSnapshot => this.snapshot;

  /** Joins the room, then turns on camera and microphone; a refused device leaves the agent in the call, listening. */
  async join(token: CallToken): Promise<void> {
    this.set({ connection: 'connecting', connectionProblem: null });
    try {
      await this.room.connect(token.url, token.token);
    } catch (error) {
      if (this.left) return;
      this.set({ connection: 'disconnected', connectionProblem: mediaProblemOf(error) });
      return;
    }
    // Answer was clicked a moment ago: that gesture lets the tenant's audio play.
    await this.room.startAudio().catch(() => undefined);
    await this.enableDevices();
  }

  /** Asks for camera and microphone again (after the agent fixed a permission or plugged a device in). */
  async enableDevices(): Promise<void> {
    this.set({ deviceProblem: null });
    const local = this.room.localParticipant;
    try {
      await local.setMicrophoneEnabled(true);
    } catch (error) {
      this.set({ deviceProblem: mediaProblemOf(error) });
    }
    try {
      await local.setCameraEnabled(true);
    } catch (error) {
      this.set({ deviceProblem: this.snapshot.deviceProblem ?? mediaProblemOf(error) });
    }
    this.refresh();
  }

  async setMicrophone(on: boolean): Promise<void> {
    try {
      await this.room.localParticipant.setMicrophoneEnabled(on);
    } catch (error) {
      this.set({ deviceProblem: mediaProblemOf(error) });
    }
    this.refresh();
  }

  async setCamera(on: boolean): Promise<void> {
    try {
      await this.room.localParticipant.setCameraEnabled(on);
    } catch (error) {
      this.set({ deviceProblem: mediaProblemOf(error) });
    }
    this.refresh();
  }

  async startAudio(): Promise<void> {
    await this.room.startAudio().catch(() => undefined);
    this.refresh();
  }

  async leave(): Promise<void> {
    this.left = true;
    await this.room.disconnect();
  }

  private playAudio(track: RemoteTrack): void {
    const element = track.attach();
    element.dataset.testid = 'remote-audio';
    this.audioContainer.appendChild(element);
    this.audioElements.set(track.sid ?? String(this.audioElements.size), element);
  }

  private stopAudio(track: RemoteTrack): void {
    for (const element of track.detach()) element.remove();
    if (track.sid) this.audioElements.delete(track.sid);
  }

  private refresh(): void {
    const room = this.room;
    const remotes = [...room.remoteParticipants.values()];
    const videos = remotes.flatMap((participant) =>
      [...participant.videoTrackPublications.values()]
        .filter((publication) => publication.source === Track.Source.Camera && publication.videoTrack)
        .map((publication) => ({
          identity: participant.identity,
          trackSid: publication.trackSid,
          muted: publication.isMuted,
          track: publication.videoTrack as RemoteVideoTrack,
        })),
    );
    const chosen = pickTenantVideo(videos);
    const tenantAudio = remotes.some(
      (participant) =>
        participantKind(participant.identity).startsWith('tenant') &&
        [...participant.audioTrackPublications.values()].some((publication) => publication.isSubscribed && !publication.isMuted),
    );
    const local = room.localParticipant;
    const cameraPublication = local.getTrackPublication(Track.Source.Camera);
    const tenantQuality = remotes
      .filter((participant: Participant) => participantKind(participant.identity).startsWith('tenant'))
      .map((participant) => qualityOf[participant.connectionQuality]);
    const state = room.state;
    this.set({
      connection:
        state === ConnectionState.Connected
          ? 'connected'
          : state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting
            ? 'reconnecting'
            : state === ConnectionState.Connecting
              ? 'connecting'
              : this.snapshot.connection,
      participants: remotes.map((participant) => ({ identity: participant.identity, kind: participantKind(participant.identity) })),
      tenantVideo: chosen && !chosen.muted ? chosen.track : null,
      tenantAudio,
      localVideo: cameraPublication && !cameraPublication.isMuted ? ((cameraPublication.videoTrack as LocalVideoTrack) ?? null) : null,
      microphoneOn: local.isMicrophoneEnabled,
      cameraOn: local.isCameraEnabled,
      quality: tenantQuality.reduce(worseQuality, qualityOf[local.connectionQuality]),
      audioBlocked: !room.canPlaybackAudio,
    });
  }

  private set(patch: Partial<CallRoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
