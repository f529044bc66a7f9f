// The platform the app runs on, behind one interface: keys, voice, lifecycle and capabilities.
import { detectPlatform, detectRenderMode, type PlatformName } from './detect';
import { keyMapFor, type KeyMap } from './keys';
import { createVoice, type Voice } from './voice';
import { exitApp, startPlatform } from './lifecycle';

export interface Platform {
  name: PlatformName;
  keyMap: KeyMap;
  voice: Voice;
  renderMode: 'webgl' | 'canvas';
  start(): void;
  /** false when the app cannot close itself (a browser tab). */
  exit(): boolean;
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
  };
  return platform;
}

export type { PlatformName, KeyMap, Voice };
