// Starting, pausing, resuming and leaving the app the way each platform expects (key registration, HbbTV keyset,
// visibility and relaunch events, launch parameters, exit).
import type { PlatformName } from './detect';
import { tizenKeysToRegister } from './keys';

interface TizenAppControl {
  operation?: string;
  data?: Array<{ key: string; value: string[] }>;
}

interface TizenApi {
  tvinputdevice?: { registerKey(name: string): void };
  application?: {
    getCurrentApplication(): { exit(): void; getRequestedAppControl?(): { appControl?: TizenAppControl } | null; appInfo?: { id: string } };
    launch?(id: string): void;
  };
}

interface WebOsSystem {
  launchParams?: string;
  activate?(): void;
  platformBack?(): void;
}

interface OipfApplication {
  show?(): void;
  destroyApplication?(): void;
  privateData?: {
    keyset?: {
      setValue(mask: number): void;
      RED: number;
      GREEN: number;
      YELLOW: number;
      BLUE: number;
      NAVIGATION: number;
      NUMERIC: number;
    };
  };
}

let hbbtvApplication: OipfApplication | null = null;

function hbbtvOwnerApplication(): OipfApplication | null {
  if (hbbtvApplication) return hbbtvApplication;
  try {
    // The hosted entry page (index.xhtml) declares the manager; a page without one gets it added.
    const declared = document.querySelector('object[type="application/oipfApplicationManager"]') as HTMLElement | null;
    const manager = declared || document.createElement('object');
    manager.setAttribute('type', 'application/oipfApplicationManager');
    manager.style.position = 'absolute';
    manager.style.width = '0';
    manager.style.height = '0';
    if (!declared) document.body.appendChild(manager);
    const owner = (manager as unknown as { getOwnerApplication?(doc: Document): OipfApplication }).getOwnerApplication;
    hbbtvApplication = owner ? owner.call(manager, document) : null;
  } catch {
    hbbtvApplication = null;
  }
  return hbbtvApplication;
}

export function startPlatform(platform: PlatformName): void {
  try {
    if (platform === 'tizen') {
      const tizen = (window as unknown as { tizen?: TizenApi }).tizen;
      if (tizen && tizen.tvinputdevice) {
        tizenKeysToRegister.forEach((name) => {
          try {
            tizen.tvinputdevice!.registerKey(name);
          } catch {
            // a key this model lacks
          }
        });
      }
    } else if (platform === 'hbbtv') {
      const app = hbbtvOwnerApplication();
      if (app) {
        if (app.show) app.show();
        const keyset = app.privateData && app.privateData.keyset;
        // RED|GREEN|YELLOW|BLUE|NAVIGATION|NUMERIC, with the standard values when the constants are missing.
        if (keyset) {
          keyset.setValue(
            (keyset.RED || 0x1) |
              (keyset.GREEN || 0x2) |
              (keyset.YELLOW || 0x4) |
              (keyset.BLUE || 0x8) |
              (keyset.NAVIGATION || 0x10) |
              (keyset.NUMERIC || 0x100),
          );
        }
      }
    }
  } catch {
    // A platform API that misbehaves must not stop the app from starting.
  }
}

export interface LifecycleHandlers {
  /** The app went to the background (another input, the home screen): stop realtime, keep every draft. */
  pause(): void;
  /** The app is back, or was launched again while running: reconnect and re-read. */
  resume(): void;
}

function webOsSystem(): WebOsSystem | null {
  const w = window as unknown as { webOSSystem?: WebOsSystem; PalmSystem?: WebOsSystem };
  return w.webOSSystem || w.PalmSystem || null;
}

/** Calls pause/resume when the platform hides or shows the app; returns a function that stops listening. */
export function watchLifecycle(platform: PlatformName, handlers: LifecycleHandlers): () => void {
  let paused = false;
  const pause = () => {
    if (paused) return;
    paused = true;
    handlers.pause();
  };
  const resume = () => {
    paused = false;
    handlers.resume();
  };
  const onVisibility = () => (document.hidden ? pause() : resume());
  document.addEventListener('visibilitychange', onVisibility);
  // webOS launches a running app again (from the launcher, or a notification) with webOSRelaunch on the document;
  // Tizen fires appcontrol on the window.
  const relaunchEvent = platform === 'webos' ? 'webOSRelaunch' : platform === 'tizen' ? 'appcontrol' : '';
  const onRelaunch = () => {
    resume();
    if (platform === 'webos') {
      const system = webOsSystem();
      if (system && system.activate) system.activate();
    }
  };
  if (relaunchEvent === 'webOSRelaunch') document.addEventListener(relaunchEvent, onRelaunch);
  else if (relaunchEvent) window.addEventListener(relaunchEvent, onRelaunch);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    if (relaunchEvent === 'webOSRelaunch') document.removeEventListener(relaunchEvent, onRelaunch);
    else if (relaunchEvent) window.removeEventListener(relaunchEvent, onRelaunch);
  };
}

/** What the app was launched with (webOS launchParams, Tizen app-control data), e.g. { call: "<id>" }. */
export function launchParameters(platform: PlatformName): Record<string, string> {
  const result: Record<string, string> = {};
  try {
    if (platform === 'webos') {
      const system = webOsSystem();
      const parsed = system && system.launchParams ? (JSON.parse(system.launchParams) as Record<string, unknown>) : {};
      Object.keys(parsed || {}).forEach((key) => {
        if (typeof parsed[key] === 'string' || typeof parsed[key] === 'number') result[key] = String(parsed[key]);
      });
    } else if (platform === 'tizen') {
      const tizen = (window as unknown as { tizen?: TizenApi }).tizen;
      const current = tizen && tizen.application ? tizen.application.getCurrentApplication() : null;
      const requested = current && current.getRequestedAppControl ? current.getRequestedAppControl() : null;
      const data = (requested && requested.appControl && requested.appControl.data) || [];
      data.forEach((item) => {
        if (item.value && item.value.length > 0) result[item.key] = item.value[0];
      });
    }
  } catch {
    // no parameters rather than no app
  }
  return result;
}

/** Brings the app to the front where the platform lets an app do it (an incoming call); false elsewhere. */
export function bringToFront(platform: PlatformName): boolean {
  try {
    if (platform === 'webos') {
      const system = webOsSystem();
      if (system && system.activate) {
        system.activate();
        return true;
      }
    } else if (platform === 'tizen') {
      const tizen = (window as unknown as { tizen?: TizenApi }).tizen;
      const current = tizen && tizen.application ? tizen.application.getCurrentApplication() : null;
      if (tizen && tizen.application && tizen.application.launch && current && current.appInfo) {
        tizen.application.launch(current.appInfo.id);
        return true;
      }
    }
  } catch {
    // stays in the background
  }
  return false;
}

/** Leaves the app. Returns false in a plain browser, where a page cannot close itself: the caller shows a goodbye screen. */
export function exitApp(platform: PlatformName): boolean {
  try {
    if (platform === 'tizen') {
      const tizen = (window as unknown as { tizen?: TizenApi }).tizen;
      if (tizen && tizen.application) {
        tizen.application.getCurrentApplication().exit();
        return true;
      }
    } else if (platform === 'webos') {
      const w = window as unknown as { webOS?: { platformBack?(): void }; PalmSystem?: { platformBack?(): void } };
      if (w.webOS && typeof w.webOS.platformBack === 'function') w.webOS.platformBack();
      else if (w.PalmSystem && typeof w.PalmSystem.platformBack === 'function') w.PalmSystem.platformBack();
      else window.close();
      return true;
    } else if (platform === 'hbbtv') {
      const app = hbbtvOwnerApplication();
      if (app && app.destroyApplication) {
        app.destroyApplication();
        return true;
      }
    }
  } catch {
    // fall through to the goodbye screen
  }
  return false;
}
