// The platform the app runs on, behind one interface: keys, voice, lifecycle and capabilities.
import { detectPlatform, detectRenderMode, type PlatformName } from './detect';
import { keyMapFor, type KeyMap } from './keys';
import { createVoice, type Voice } from './voice';
import { bringToFront, exitApp, launchParameters, startPlatform, watchLifecycle, type LifecycleHandlers } from './lifecycle';

export interface Platform {
  name: PlatformName;
  keyMap: KeyMap;
  voice: Voice;
  renderMode: 'webgl' | 'canvas';
  start(): void;
  /** false when the app cannot close itself (a browser tab). */
  exit(): boolean;
  /** Pause and resume when the platform hides and shows the app (or launches it again). */
  watchLifecycle(handlers: LifecycleHandlers): () => void;
  /** What the app was launched with (webOS launchParams, Tizen app control). */
  launchParameters(): Record<string, string>;
  /** For an incoming call: true when the platform brought the app forward. */
  bringToFront(): boolean;
}

let platform: Platform | null = null;

export function currentPlatform(): Platform {
  if (platform) return platform;
  const name = detectPlatform();
  platform = {
    name,
    keyMap: keyMapFor(name),
    voice: createVoice(name),
    renderMode: detectRenderMode(),
    start: () => startPlatform(name),
    exit: () => exitApp(name),
    watchLifecycle: (handlers) => watchLifecycle(name, handlers),
    launchParameters: () => launchParameters(name),
    bringToFront: () => bringToFront(name),
  };
  return platform;
}

export type { PlatformName, KeyMap, Voice, LifecycleHandlers };
