// The app-wide reactive state (language, text size, voice, unread count, urgent banner) and the tenant's saved preferences.
import type { Language } from './i18n';
import { isLanguage } from './i18n';
import type { TextSize } from './theme';
import { deployment } from './deployment';

export interface UrgentBanner {
  noticeId: string;
  title: string;
  /** notices: 'reminder' when staff reminded the homes that had not read a notice that is not urgent. */
  kind?: 'urgent' | 'reminder';
}

/** What the call overlay shows; replaced as a whole on every change (see calls/controller.ts). */
export interface CallView {
  id: string;
  kind: 'CALL_CENTRE' | 'NEIGHBOUR' | 'CALL_BACK';
  direction: 'OUTGOING' | 'INCOMING';
  /** The API's state, e.g. 'QUEUED', 'RINGING', 'ANSWERED', 'ENDED'. */
  state: string;
  /** incoming: ringing here; outgoing: waiting or ringing there; live: answered; ended: the outcome, shown briefly. */
  phase: 'incoming' | 'outgoing' | 'live' | 'ended';
  /** The landlord's name, or the neighbour's first name; empty for the landlord on an agent's call-back. */
  peerName: string;
  peerBuilding: string;
  fromLandlord: boolean;
  position: number;
  waitSeconds: number;
  /** connecting → connected; unsupported: the engine has no WebRTC (the call goes to the phone); failed: could not join. */
  media: 'idle' | 'connecting' | 'connected' | 'unsupported' | 'failed';
  remoteVideo: boolean;
  muted: boolean;
  hasMicrophone: boolean;
  /** The phone hand-off: the link the QR code carries, and the code to type when it cannot be scanned. */
  phoneUrl: string;
  phoneCode: string;
  confirmingHangUp: boolean;
  /** For the ended phase: the sentence's key in the catalogue's calls section. */
  outcome: string;
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
  /** The call in progress (or just ended), drawn over every screen; null when there is none. */
  call: CallView | null;
  /** notices: the newest unread urgent notice, re-read from the API; the home shows it as a strip until it is read. */
  urgentStrip: { noticeId: string; title: string } | null;
  /** Missed calls the tenant has not yet seen on the calls screen (the home tile's badge). */
  missedCalls: number;
  /** Bumped when the calls screen should re-read the API (a call ended, a missed call arrived). */
  callsVersion: number;
  /** Unread messages over the tenant's private conversations (the neighbours tile's badge) (wip/neighbours). */
  unreadMessages: number;
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
    urgentStrip: null,
    dialogOpen: false,
    noticesVersion: 0,
    call: null,
    missedCalls: 0,
    callsVersion: 0,
    unreadMessages: 0,
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
