// Entry: reads the launch options, detects the platform, loads the fonts, and launches the Blits app.
import Blits from '@lightningjs/blits';
import { appState } from '@lightningjs/blits/plugins';
import App from './App';
import { currentPlatform } from './platform';
import { queryParameter } from './api/config';
import { fontFiles, fontMetrics, loadFonts } from './fonts';
import { bindState, initialState, state, type AppState } from './store';
import { isLanguage } from './i18n';
import { colours, fonts } from './theme';
import { exposeTestState } from './testing';
import { startLiveUpdates, stopLiveUpdates } from './api/live';
import { hasSession } from './api/session';

const platform = currentPlatform();
platform.start();
// In the background the socket is closed; back in front it reconnects, and its ready handler re-reads what changed.
platform.watchLifecycle({
  pause: () => stopLiveUpdates(),
  resume: () => {
    if (!hasSession()) return;
    startLiveUpdates();
    state().noticesVersion += 1;
  },
});

const requestedMode = queryParameter('renderMode');
const renderMode = requestedMode === 'canvas' || requestedMode === 'webgl' ? requestedMode : platform.renderMode;
const inspector = queryParameter('inspector') === '1';
// The renderer's DOM mirror (the inspector) watches the canvas with ResizeObserver, which engines before Chromium 64
// lack (Tizen 2017–2019, webOS 4): a TV's canvas never resizes, so a stub that observes nothing is enough.
if (inspector && typeof (window as unknown as { ResizeObserver?: unknown }).ResizeObserver === 'undefined') {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = function ResizeObserverStub() {
    return { observe() {}, unobserve() {}, disconnect() {} };
  };
}
const language = queryParameter('lang');

const textSize = queryParameter('textSize');
const initial = initialState({
  ...(isLanguage(language) ? { language } : {}),
  ...(textSize === 'large' || textSize === 'normal' ? { textSize } : {}),
});

Blits.Plugin(
  {
    name: 'appState',
    plugin(options: AppState) {
      const reactive = (appState as unknown as { plugin(o: AppState): AppState }).plugin(options);
      bindState(reactive);
      return reactive;
    },
  } as never,
  initial as never,
);

exposeTestState(platform.name, renderMode);

loadFonts().then(() => {
  const boot = document.getElementById('boot');
  if (boot && boot.parentNode) boot.parentNode.removeChild(boot);
  Blits.Launch(App, 'app', {
    w: 1920,
    h: 1080,
    debugLevel: inspector ? 1 : 0,
    canvasColor: colours.background,
    renderMode,
    inspector,
    keymap: platform.keyMap,
    // The canvas ("web") text renderer is the one that shapes Arabic; the faces themselves were loaded above.
    fonts: [
      { family: fonts.regular, type: 'web', file: fontFiles.regular, metrics: fontMetrics },
      { family: fonts.bold, type: 'web', file: fontFiles.bold, metrics: fontMetrics },
    ],
    defaultFont: fonts.regular,
    announcer: false,
    // Old TVs: a smaller texture budget, fewer workers.
    gpuMemory: { max: 160, target: 0.8 },
    webWorkersLimit: 1,
  } as never);
});
