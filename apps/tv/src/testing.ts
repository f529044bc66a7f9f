// Read-only state for end-to-end tests and support staff: window.__palier = { route, focused, language, … }.
import { state } from './store';

export interface TestState {
  route: string;
  focused: string;
  language: string;
  textSize: string;
  dir: 'ltr' | 'rtl';
  platform: string;
  renderMode: string;
  activationCode: string;
  history: string[];
  dialog: string;
  banner: string;
  /** notices: 'urgent' or 'reminder' while the banner shows; the home's unread urgent strip's title. */
  bannerKind: string;
  urgentStrip: string;
  message: string;
  navigating: boolean;
  unread: number;
  /** The call as the tenant sees it; state is 'idle' when there is none (see reportCall). */
  call: CallSnapshot;
  missedCalls: number;
  /** The on-screen keyboard showing, if any (components/Keyboard.ts). */
  keyboard: KeyboardSnapshot | null;
  /** The paged list last focused or loaded (components/PagedList.ts), if any. */
  list: ListSnapshot | null;
}

export interface ListSnapshot {
  testid: string;
  /** The focused row (0-based) and how many rows are loaded; more: another page can be fetched. */
  index: number;
  count: number;
  more: boolean;
  /** The rows above the window: how far the list has scrolled. */
  first: number;
  /** "3 sur 20", as shown. */
  position: string;
}

export interface KeyboardSnapshot {
  text: string;
  layout: string;
  capitals: boolean;
  /** Key labels row by row in reading order; special keys as [space], [erase], [capitals], [layout], [extra], [done]. */
  rows: string[][];
  /** The focused key: its row and its index in that row. */
  row: number;
  index: number;
}

export interface CallSnapshot {
  state: string;
  phase: string;
  id: string;
  peer: string;
  position: number;
  estimatedWaitSeconds: number;
  media: string;
  muted: boolean;
  phoneUrl: string;
  phoneCode: string;
  confirmingHangUp: boolean;
  /** Frames the remote video element has decoded: real media, not just a joined room. */
  remoteVideoFrames: number;
  /** When the first remote frame of this call was presented (performance.now() time, ms), 0 until then. */
  remoteVideoFirstFrameAt: number;
  /** The last call that ended here: its final state and the reason the API gave. */
  last: { id: string; state: string; reason: string };
}

let remoteVideoFrames: () => number = () => 0;
let remoteVideoFirstFrameAt: () => number = () => 0;
let lastCall = { id: '', state: '', reason: '' };

const snapshot: TestState = {
  route: 'boot',
  focused: '',
  language: 'fr',
  textSize: 'normal',
  dir: 'ltr',
  platform: 'browser',
  renderMode: 'webgl',
  activationCode: '',
  history: [],
  dialog: '',
  banner: '',
  bannerKind: '',
  urgentStrip: '',
  message: '',
  navigating: false,
  unread: 0,
  call: idleCall(),
  missedCalls: 0,
  keyboard: null,
  list: null,
};

function idleCall(): CallSnapshot {
  return {
    state: 'idle',
    phase: '',
    id: '',
    peer: '',
    position: 0,
    estimatedWaitSeconds: 0,
    media: 'idle',
    muted: false,
    phoneUrl: '',
    phoneCode: '',
    confirmingHangUp: false,
    remoteVideoFrames: 0,
    remoteVideoFirstFrameAt: 0,
    last: lastCall,
  };
}

function refreshPreferences(): void {
  const current = state();
  snapshot.banner = current.banner ? current.banner.title : '';
  snapshot.bannerKind = current.banner ? current.banner.kind || 'urgent' : '';
  snapshot.urgentStrip = current.urgentStrip ? current.urgentStrip.title : '';
  snapshot.unread = current.unread;
  snapshot.language = current.language;
  snapshot.textSize = current.textSize;
  snapshot.dir = current.language === 'ar' ? 'rtl' : 'ltr';
  snapshot.missedCalls = current.missedCalls;
  const call = current.call;
  snapshot.call = call
    ? {
        state: call.phase === 'ended' ? lastCall.state || call.state.toLowerCase() : call.state.toLowerCase(),
        phase: call.phase,
        id: call.id,
        peer: call.peerName,
        position: call.position,
        estimatedWaitSeconds: call.waitSeconds,
        media: call.media,
        muted: call.muted,
        phoneUrl: call.phoneUrl,
        phoneCode: call.phoneCode,
        confirmingHangUp: call.confirmingHangUp,
        remoteVideoFrames: remoteVideoFrames(),
        remoteVideoFirstFrameAt: remoteVideoFirstFrameAt(),
        last: lastCall,
      }
    : idleCall();
}

export function exposeTestState(platform: string, renderMode: string): void {
  snapshot.platform = platform;
  snapshot.renderMode = renderMode;
  refreshPreferences();
  const view = {} as Record<string, unknown>;
  Object.keys(snapshot).forEach((key) => {
    Object.defineProperty(view, key, {
      enumerable: true,
      get() {
        refreshPreferences();
        const value = snapshot[key as keyof TestState];
        return Array.isArray(value) ? value.slice() : value;
      },
    });
  });
  (window as unknown as { __palier: unknown }).__palier = view;
}

export function reportScreen(route: string): void {
  snapshot.route = route;
  snapshot.history.push(route);
  if (snapshot.history.length > 50) snapshot.history.shift();
}

export function reportFocus(label: string): void {
  snapshot.focused = label;
}

export function reportActivationCode(code: string): void {
  snapshot.activationCode = code;
}

/** The status or error sentence currently shown (loading, waiting, "No connection…"). */
export function reportMessage(message: string): void {
  snapshot.message = message;
}

export function reportDialog(question: string): void {
  snapshot.dialog = question;
}

export function reportNavigating(navigating: boolean): void {
  snapshot.navigating = navigating;
}

/** Where the decoded frame count of the remote video comes from (the call's media module). */
export function reportRemoteVideoFrames(read: () => number): void {
  remoteVideoFrames = read;
}

/** Where the time of the call's first presented remote frame comes from (the call's media module). */
export function reportRemoteVideoFirstFrame(read: () => number): void {
  remoteVideoFirstFrameAt = read;
}

export function reportCallEnded(id: string, state: string, reason: string | null): void {
  lastCall = { id, state: state.toLowerCase(), reason: reason || '' };
}

export function reportKeyboard(keyboard: KeyboardSnapshot | null): void {
  snapshot.keyboard = keyboard;
}

export function reportList(list: ListSnapshot | null): void {
  snapshot.list = list;
}
