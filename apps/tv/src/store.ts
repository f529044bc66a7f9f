// The app-wide reactive state (language, text size, voice, unread count, urgent banner) and the tenant's saved preferences.
import type { Language } from './i18n';
import { isLanguage } from './i18n';
import type { TextSize } from './theme';
import { deployment } from './deployment';

export interface UrgentBanner {
  noticeId: string;
  title: string;
}

export interface AppState {
  language: Language;
  textSize: TextSize;
  voice: boolean;
  firstName: string;
  unread: number;
  urgentUnread: number;
  banner: UrgentBanner | null;
  dialogOpen: boolean;
  /** Bumped when the notices list should re-read the API (a realtime hint arrived). */
  noticesVersion: number;
}

const PREFERENCES_KEY = 'palier.preferences';

interface Preferences {
  language: Language;
  textSize: TextSize;
  voice: boolean;
}

function readPreferences(): Preferences {
  const defaults: Preferences = { language: deployment().defaultLanguage, textSize: 'normal', voice: false };
  try {
    const raw = window.localStorage.getItem(PREFERENCES_KEY);
    if (!raw) return defaults;
    const saved = JSON.parse(raw) as Partial<Preferences>;
    return {
      language: isLanguage(saved.language) ? saved.language : defaults.language,
      textSize: saved.textSize === 'large' ? 'large' : 'normal',
      voice: saved.voice === true,
    };
  } catch {
    return defaults;
  }
}

export function initialState(overrides: Partial<Preferences> = {}): AppState {
  const preferences = { ...readPreferences(), ...overrides };
  return {
    language: preferences.language,
    textSize: preferences.textSize,
    voice: preferences.voice,
    firstName: '',
    unread: 0,
    urgentUnread: 0,
    banner: null,
    dialogOpen: false,
    noticesVersion: 0,
  };
}

let current: AppState = initialState();

/** Called once by the Blits plugin with the reactive version of the state. */
export function bindState(state: AppState): void {
  current = state;
}

export function state(): AppState {
  return current;
}

export function savePreferences(): void {
  const preferences: Preferences = { language: current.language, textSize: current.textSize, voice: current.voice };
  try {
    window.localStorage.setItem(PREFERENCES_KEY, JSON.stringify(preferences));
  } catch {
    // Storage full or disabled (private mode on some TVs): the setting still applies until the TV is switched off.
  }
}
