// Read-only state for end-to-end tests and support staff: window.__palier = { route, focused, language, … }.
import { state } from './store';

interface TestState {
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
  message: string;
  navigating: boolean;
  unread: number;
}

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
  message: '',
  navigating: false,
  unread: 0,
};

function refreshPreferences(): void {
  const current = state();
  snapshot.banner = current.banner ? current.banner.title : '';
  snapshot.unread = current.unread;
  snapshot.language = current.language;
  snapshot.textSize = current.textSize;
  snapshot.dir = current.language === 'ar' ? 'rtl' : 'ltr';
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
