// The phone in the call's LiveKit room: camera and microphone first (so a refusal never shows a phantom participant),
// then the room; in "call" mode it also receives the other side's video and sound.
import {
  createLocalTracks,
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
  type RemoteTrack,
} from 'livekit-client';
import type { PhoneMode } from './link';
import { phoneProblemOf, type PhoneProblem } from './problem';

export type PhonePhase = 'ready' | 'joining' | 'live' | 'reconnecting' | 'stopped' | 'ended' | 'replaced' | 'error';

export interface PhoneCallState {
  phase: PhonePhase;
  problem: PhoneProblem | null;
  microphoneOn: boolean;
  /** Someone other than this phone is in the room (the agent, the neighbour, the tenant's TV) */
  othersPresent: boolean;
  remoteVideo: boolean;
  audioBlocked: boolean;
  facing: 'user' | 'environment';
}

export interface PhoneCallElements {
  local: HTMLVideoElement;
  remote: HTMLVideoElement;
  audio: HTMLElement;
}

export class PhoneCall {
  private room: Room | null = null;
  private tracks: LocalTrack[] = [];
  private leaving = false;
  state: PhoneCallState = {
    phase: 'ready',
    problem: null,
    microphoneOn: true,
    othersPresent: false,
    remoteVideo: false,
    audioBlocked: false,
    facing: 'user',
  };

  constructor(
    private readonly mode: PhoneMode,
    private readonly elements: PhoneCallElements,
    private readonly onChange: (state: PhoneCallState) => void,
  ) {}

  /** Turns the camera and microphone on, joins the room and publishes them. Call it from a tap (autoplay rules). */
  async start(url: string, token: string): Promise<void> {
    this.leaving = false;
    this.set({ phase: 'joining', problem: null });
    try {
      this.tracks = await createLocalTracks({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        // The tenant's line carries about 2 Mbit/s, shared with the TV: 360p is plenty for a face.
        video: { facingMode: this.state.facing, resolution: VideoPresets.h360.resolution },
      });
    } catch (error) {
      this.fail(error);
      return;
    }
    const video = this.videoTrack();
    video?.attach(this.elements.local);

    const room = new Room({ adaptiveStream: true, dynacast: true });
    this.room = room;
    room
      .on(RoomEvent.ParticipantConnected, () => this.refresh())
      .on(RoomEvent.ParticipantDisconnected, () => this.refresh())
      .on(RoomEvent.TrackSubscribed, (track) => this.attachRemote(track))
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        for (const element of track.detach()) if (element !== this.elements.remote) element.remove();
        this.refresh();
      })
      .on(RoomEvent.TrackMuted, () => this.refresh())
      .on(RoomEvent.TrackUnmuted, () => this.refresh())
      .on(RoomEvent.Reconnecting, () => this.set({ phase: 'reconnecting' }))
      .on(RoomEvent.Reconnected, () => this.set({ phase: 'live' }))
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.refresh())
      .on(RoomEvent.Disconnected, (reason) => this.disconnected(reason));
    try {
      await room.connect(url, token, { autoSubscribe: this.mode === 'call' });
      for (const track of this.tracks) {
        await room.localParticipant.publishTrack(track, {
          simulcast: false,
          videoEncoding: track.kind === Track.Kind.Video ? { maxBitrate: 500_000, maxFramerate: 24 } : undefined,
        });
      }
    } catch (error) {
      if (this.leaving) return;
      this.releaseTracks();
      await room.disconnect().catch(() => undefined);
      this.fail(error);
      return;
    }
    if (this.mode === 'call') await room.startAudio().catch(() => undefined);
    this.set({ phase: 'live' });
    this.refresh();
  }

  /** "Stop" on a camera phone, "Hang up" on a phone holding the whole call: leaves the room and frees the camera. */
  async stop(): Promise<void> {
    this.leaving = true;
    const room = this.room;
    this.room = null;
    this.releaseTracks();
    await room?.disconnect().catch(() => undefined);
    this.set({ phase: 'stopped', othersPresent: false, remoteVideo: false });
  }

  async setMicrophone(on: boolean): Promise<void> {
    const audio = this.tracks.find((track) => track.kind === Track.Kind.Audio) as LocalAudioTrack | undefined;
    if (!audio) return;
    if (on) await audio.unmute();
    else await audio.mute();
    this.set({ microphoneOn: on });
  }

  async switchCamera(): Promise<void> {
    const facing = this.state.facing === 'user' ? 'environment' : 'user';
    try {
      await this.videoTrack()?.restartTrack({ facingMode: facing, resolution: VideoPresets.h360.resolution });
      this.set({ facing });
    } catch (error) {
      this.set({ problem: phoneProblemOf(error) });
    }
  }

  async startAudio(): Promise<void> {
    await this.room?.startAudio().catch(() => undefined);
    this.refresh();
  }

  private videoTrack(): LocalVideoTrack | undefined {
    return this.tracks.find((track) => track.kind === Track.Kind.Video) as LocalVideoTrack | undefined;
  }

  private attachRemote(track: RemoteTrack): void {
    if (track.kind === Track.Kind.Video) track.attach(this.elements.remote);
    else if (track.kind === Track.Kind.Audio) this.elements.audio.appendChild(track.attach());
    this.refresh();
  }

  private disconnected(reason: DisconnectReason | undefined): void {
    if (this.leaving) return;
    this.room = null;
    this.releaseTracks();
    if (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.ROOM_CLOSED) this.set({ phase: 'ended' });
    else if (reason === DisconnectReason.DUPLICATE_IDENTITY) this.set({ phase: 'replaced' });
    else this.set({ phase: 'error', problem: 'unreachable' });
    this.set({ othersPresent: false, remoteVideo: false });
  }

  private releaseTracks(): void {
    for (const track of this.tracks) {
      track.detach();
      track.stop();
    }
    this.tracks = [];
  }

  private fail(error: unknown): void {
    this.set({ phase: 'error', problem: phoneProblemOf(error) });
  }

  private refresh(): void {
    const room = this.room;
    if (!room) return;
    const others = [...room.remoteParticipants.values()];
    const remoteVideo = others.some((participant) =>
      [...participant.videoTrackPublications.values()].some((publication) => publication.isSubscribed && !publication.isMuted),
    );
    this.set({ othersPresent: others.length > 0, remoteVideo, audioBlocked: this.mode === 'call' && !room.canPlaybackAudio });
  }

  private set(patch: Partial<PhoneCallState>): void {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }
}
