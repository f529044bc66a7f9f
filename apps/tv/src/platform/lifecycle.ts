// Starting and leaving the app the way each platform expects (key registration, HbbTV keyset, exit).
import type { PlatformName } from './detect';
import { tizenKeysToRegister } from './keys';

interface TizenApi {
  tvinputdevice?: { registerKey(name: string): void };
  application?: { getCurrentApplication(): { exit(): void } };
}

interface OipfApplication {
  show?(): void;
  destroyApplication?(): void;
  privateData?: { keyset?: { setValue(mask: number): void; RED: number; GREEN: number; YELLOW: number; BLUE: number; NAVIGATION: number; NUMERIC: number } };
}

let hbbtvApplication: OipfApplication | null = null;

function hbbtvOwnerApplication(): OipfApplication | null {
  if (hbbtvApplication) return hbbtvApplication;
  try {
    const manager = document.createElement('object');
    manager.setAttribute('type', 'application/oipfApplicationManager');
    manager.style.position = 'absolute';
    manager.style.width = '0';
    manager.style.height = '0';
    document.body.appendChild(manager);
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
            (keyset.RED || 0x1) | (keyset.GREEN || 0x2) | (keyset.YELLOW || 0x4) | (keyset.BLUE || 0x8) | (keyset.NAVIGATION || 0x10) | (keyset.NUMERIC || 0x100),
          );
        }
      }
    }
  } catch {
    // A platform API that misbehaves must not stop the app from starting.
  }
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
