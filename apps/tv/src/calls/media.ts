// The call's media: joins the LiveKit room with livekit-client (loaded on first use), plays the remote video and audio
// in one <video> element laid over the Lightning canvas, and publishes the TV's microphone (and camera, if it has one).
import type { CallToken } from '@palier/contracts/src/calls';
import { reportRemoteVideoFirstFrame, reportRemoteVideoFrames } from '../testing';

type Livekit = typeof import('./livekit');
type Room = InstanceType<Livekit['Room']>;

/** A box in the 1920×1080 design space. */
export interface DesignBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MediaEvents {
  /** The remote side's video started (or stopped) reaching the element. */
  onRemoteVideo(present: boolean): void;
  /** The room closed without us leaving it: the network dropped, or the server ended the room. */
  onDisconnected(): void;
}

export interface JoinedCall {
  hasMicrophone: boolean;
  setMuted(muted: boolean): Promise<void>;
  leave(): Promise<void>;
}

let livekit: Promise<Livekit> | null = null;

function loadLivekit(): Promise<Livekit> {
  if (!livekit) {
    livekit = import('./livekit');
    livekit.catch(() => {
      livekit = null; // a failed download may be retried on the next call
    });
  }
  return livekit;
}

/** Without RTCPeerConnection there is no point downloading livekit-client: the call goes to the phone at once. */
export function mayDoWebRtc(): boolean {
  const scope = window as unknown as Record<string, unknown>;
  return typeof scope.RTCPeerConnection === 'function' || typeof scope.webkitRTCPeerConnection === 'function';
}

/** livekit-client's own check (WebRTC with what it needs), after loading it. */
export function webRtcSupported(): Promise<boolean> {
  if (!mayDoWebRtc()) return Promise.resolve(false);
  return loadLivekit().then(
    (lk) => lk.isBrowserSupported(),
    () => false,
  );
}

function hasGetUserMedia(): boolean {
  return !!(navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === 'function');
}

/** Whether the TV has a camera it could publish (most TVs have none; Tizen TVs give the microphone only). */
export function detectCamera(): Promise<boolean> {
  if (!hasGetUserMedia() || typeof navigator.mediaDevices.enumerateDevices !== 'function') return Promise.resolve(false);
  return navigator.mediaDevices.enumerateDevices().then(
    (devices) => devices.some((device) => device.kind === 'videoinput'),
    () => false,
  );
}

// --- the video element over the canvas ---

let video: HTMLVideoElement | null = null;
let box: DesignBox | null = null;

function videoElement(): HTMLVideoElement {
  if (video) return video;
  const element = document.createElement('video');
  element.setAttribute('playsinline', '');
  element.setAttribute('autoplay', '');
  element.setAttribute('data-testid', 'call-remote-video');
  element.autoplay = true;
  const style = element.style;
  style.position = 'fixed';
  style.zIndex = '10';
  style.background = '#000000';
  style.display = 'none';
  style.setProperty('object-fit', 'contain');
  document.body.appendChild(element);
  video = element;
  window.addEventListener('resize', placeVideo);
  return element;
}

/** Puts the element over the design-space box, in CSS pixels: the canvas may be scaled to any window. */
function placeVideo(): void {
  if (!video) return;
  const canvas = document.querySelector('#app canvas') || document.querySelector('canvas');
  if (!box || !canvas) {
    video.style.display = 'none';
    return;
  }
  const rect = canvas.getBoundingClientRect();
  const scale = rect.width / 1920;
  video.style.left = Math.round(rect.left + box.x * scale) + 'px';
  video.style.top = Math.round(rect.top + box.y * scale) + 'px';
  video.style.width = Math.round(box.w * scale) + 'px';
  video.style.height = Math.round(box.h * scale) + 'px';
  video.style.display = 'block';
}

/** Shows the remote video in this box of the design space, or hides it (null). */
export function showRemoteVideo(where: DesignBox | null): void {
  box = where;
  if (where) videoElement();
  placeVideo();
}

function decodedFrames(): number {
  if (!video) return 0;
  const element = video as HTMLVideoElement & { webkitDecodedFrameCount?: number };
  if (typeof element.getVideoPlaybackQuality === 'function') return element.getVideoPlaybackQuality().totalVideoFrames;
  return element.webkitDecodedFrameCount || 0;
}

reportRemoteVideoFrames(decodedFrames);

// When the call's first remote frame was presented (performance.now() time), for `npm run bench`; 0 until then, and
// where the browser has no requestVideoFrameCallback (most TVs), where only the decoded frame count tells.
let firstFrameAt = 0;
let frameWatch = 0;

function watchFirstFrame(element: HTMLVideoElement): void {
  firstFrameAt = 0;
  const watch = ++frameWatch;
  const withCallback = element as HTMLVideoElement & {
    requestVideoFrameCallback?: (callback: (now: number, frame: { presentationTime: number }) => void) => number;
  };
  if (typeof withCallback.requestVideoFrameCallback !== 'function') return;
  withCallback.requestVideoFrameCallback((now, frame) => {
    if (watch === frameWatch) firstFrameAt = frame.presentationTime || now;
  });
}

reportRemoteVideoFirstFrame(() => firstFrameAt);

function play(element: HTMLVideoElement): void {
  const playing = element.play();
  if (playing && typeof playing.catch === 'function') {
    playing.catch(() => {
      // No user gesture yet (autoplay policy): the picture at least, the sound with the next key press.
      element.muted = true;
      element.play().catch(() => undefined);
      const unmute = () => {
        element.muted = false;
        document.removeEventListener('keydown', unmute, true);
      };
      document.addEventListener('keydown', unmute, true);
    });
  }
}

/**
 * Joins the call's room: subscribes to the other side (video and audio into the one element) and publishes the
 * microphone where there is one, and the camera only when the token allows it.
 */
export async function joinCall(token: CallToken, events: MediaEvents): Promise<JoinedCall> {
  const lk = await loadLivekit();
  const room: Room = new lk.Room({ adaptiveStream: false, dynacast: false });
  const element = videoElement();
  watchFirstFrame(element);
  let left = false;
  // The tenant's own phone joins the same room as their camera: the TV neither shows it nor plays it (an echo).
  const ownPhone = token.identity + '-phone';

  const refreshVideo = () => {
    let present = false;
    room.remoteParticipants.forEach((participant) => {
      if (participant.identity === ownPhone) return;
      participant.videoTrackPublications.forEach((publication) => {
        if (publication.track) present = true;
      });
    });
    events.onRemoteVideo(present);
  };

  room.on(lk.RoomEvent.TrackSubscribed, (track, publication, participant) => {
    if (participant.identity === ownPhone) {
      // Nor receives it: on a 2 Mbit/s line the downlink is for the other side.
      publication.setSubscribed(false);
      return;
    }
    if (track.kind === lk.Track.Kind.Video || track.kind === lk.Track.Kind.Audio) {
      track.attach(element);
      play(element);
    }
    refreshVideo();
  });
  room.on(lk.RoomEvent.TrackUnsubscribed, (track) => {
    track.detach(element);
    refreshVideo();
  });
  room.on(lk.RoomEvent.Disconnected, () => {
    if (!left) events.onDisconnected();
  });

  await room.connect(token.url, token.token, { autoSubscribe: true });

  let hasMicrophone = false;
  if (hasGetUserMedia() && token.canPublishSources.indexOf('microphone') !== -1) {
    try {
      await room.localParticipant.setMicrophoneEnabled(true);
      hasMicrophone = true;
    } catch {
      // No microphone, or refused: the tenant still sees and hears; the phone can add a microphone.
    }
  }
  if (hasGetUserMedia() && token.canPublishSources.indexOf('camera') !== -1) {
    try {
      await room.localParticipant.setCameraEnabled(true, { resolution: { width: 640, height: 360, frameRate: 15 } });
    } catch {
      // the camera was announced but would not start: audio only from this side
    }
  }
  refreshVideo();

  return {
    hasMicrophone,
    setMuted(muted: boolean) {
      return room.localParticipant.setMicrophoneEnabled(!muted).then(() => undefined);
    },
    leave() {
      left = true;
      room.remoteParticipants.forEach((participant) =>
        participant.trackPublications.forEach((publication) => {
          if (publication.track) publication.track.detach(element);
        }),
      );
      element.srcObject = null;
      return room.disconnect().then(() => undefined);
    },
  };
}
