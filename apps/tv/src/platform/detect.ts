// Which TV platform we run on, found by feature detection (never by a build flag): one build serves them all.
export type PlatformName = 'tizen' | 'webos' | 'hbbtv' | 'browser';

interface TvWindow {
  tizen?: unknown;
  webOS?: unknown;
  webOSSystem?: unknown;
  PalmSystem?: unknown;
  oipfObjectFactory?: unknown;
}

export function detectPlatform(): PlatformName {
  const w = window as unknown as TvWindow;
  const ua = navigator.userAgent || '';
  if (typeof w.tizen !== 'undefined') return 'tizen';
  if (typeof w.webOSSystem !== 'undefined' || typeof w.PalmSystem !== 'undefined' || typeof w.webOS !== 'undefined' || /Web0S|webOS/.test(ua)) {
    return 'webos';
  }
  if (typeof w.oipfObjectFactory !== 'undefined' || /HbbTV/i.test(ua)) return 'hbbtv';
  return 'browser';
}

/** WebGL when the engine has it, else the canvas 2D renderer (slower effects, but everything still shows). */
export function detectRenderMode(): 'webgl' | 'canvas' {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl') || canvas.getContext('experimental-webgl');
    return gl ? 'webgl' : 'canvas';
  } catch {
    return 'canvas';
  }
}
