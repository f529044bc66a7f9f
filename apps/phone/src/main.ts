// The phone page: read the link from the TV's QR code, greet the tenant, and on one tap join the call as its camera
// (or, for a TV without WebRTC, as the whole call), with one big button to stop.
import { direction, languageNames, languages, pickLanguage, translator, type Language, type MessageKey, type Translate } from './i18n';
import { isExpired, isPhoneIdentity, parsePhoneLink, readTokenClaims, type PhoneLink, type PhoneMode } from './link';
import { PhoneCall, type PhoneCallState } from './phoneCall';
import { canRetry, phoneProblemOf, problemMessage, type PhoneProblem } from './problem';
import { redeemPhoneCode } from './redeem';
import './styles.css';

const STORAGE_KEY = 'palier.phone.language';

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from index.html`);
  return found as T;
}

const ui = {
  brand: element('brand-name'),
  languageLabel: element('language-label'),
  language: element<HTMLSelectElement>('language'),
  title: element('title'),
  intro: element('intro'),
  greeting: element('greeting'),
  introText: element('intro-text'),
  introTip: element('intro-tip'),
  introPermission: element('intro-permission'),
  start: element<HTMLButtonElement>('start'),
  stage: element('stage'),
  remote: element<HTMLVideoElement>('remote-video'),
  remoteNone: element('remote-none'),
  local: element<HTMLVideoElement>('local-video'),
  audio: element('audio'),
  enableSound: element<HTMLButtonElement>('enable-sound'),
  microphone: element<HTMLButtonElement>('microphone'),
  switchCamera: element<HTMLButtonElement>('switch-camera'),
  stop: element<HTMLButtonElement>('stop'),
  status: element('status'),
  problem: element('problem'),
  problemTitle: element('problem-title'),
  problemText: element('problem-text'),
  retry: element<HTMLButtonElement>('retry'),
  after: element('after'),
  resume: element<HTMLButtonElement>('resume'),
};

type Screen =
  | { kind: 'checking' }
  | { kind: 'intro' }
  | { kind: 'call'; state: PhoneCallState }
  | { kind: 'problem'; message: MessageKey; retry: boolean };

const link: PhoneLink = parsePhoneLink(window.location.hash, window.location.search);
// The code or token stays in memory only: clear it from the address bar, the history and anything shared from this tab.
if (window.location.hash || window.location.search) history.replaceState(null, '', window.location.pathname);

let language: Language = pickLanguage(link.kind === 'invalid' ? null : link.language, savedLanguage(), navigator.languages ?? []);
let t: Translate = translator(language);
const mode: PhoneMode = link.kind === 'invalid' ? 'camera' : link.mode;
let credentials: { url: string; token: string; firstName: string | null } | null = null;
let screen: Screen = { kind: 'checking' };
let call: PhoneCall | null = null;

const CREDENTIALS_KEY = 'palier.phone.call';

function rememberCredentials(value: typeof credentials): void {
  try {
    window.sessionStorage.setItem(CREDENTIALS_KEY, JSON.stringify(value));
  } catch {
    // Private browsing: a reload asks for a new QR code scan.
  }
}

function rememberedCredentials(): typeof credentials {
  try {
    const saved = window.sessionStorage.getItem(CREDENTIALS_KEY);
    return saved ? (JSON.parse(saved) as typeof credentials) : null;
  } catch {
    return null;
  }
}

function savedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function show(next: Screen): void {
  screen = next;
  render();
}

function render(): void {
  document.documentElement.lang = language;
  document.documentElement.dir = direction(language);
  document.title = `${t('app.name')} · ${t('app.title')}`;
  document.body.dataset.mode = mode;
  ui.brand.textContent = t('app.name');
  ui.languageLabel.textContent = t('language.label');
  ui.title.textContent = t('app.title');
  ui.greeting.textContent = credentials?.firstName ? t('intro.greeting', { name: credentials.firstName }) : '';
  ui.greeting.hidden = !credentials?.firstName;
  ui.introText.textContent = mode === 'call' ? t('intro.call') : t('intro.camera');
  ui.introTip.textContent = t('intro.tip');
  ui.introPermission.textContent = t('start.permission');
  ui.start.textContent = mode === 'call' ? t('start.call') : t('start.camera');
  ui.enableSound.textContent = t('action.enableSound');
  ui.switchCamera.textContent = t('action.switchCamera');
  ui.stop.textContent = mode === 'call' ? t('action.hangUp') : t('action.stop');
  ui.retry.textContent = t('action.retry');
  ui.resume.textContent = mode === 'call' ? t('action.rejoin') : t('action.resume');
  ui.problemTitle.textContent = t('error.title');
  ui.remoteNone.textContent = t('video.remoteNoCamera');
  ui.local.setAttribute('aria-label', t('video.self'));
  ui.remote.setAttribute('aria-label', t('video.remote'));

  const state = screen.kind === 'call' ? screen.state : null;
  const inRoom = !!state && ['joining', 'live', 'reconnecting'].includes(state.phase);
  ui.intro.hidden = screen.kind !== 'intro';
  ui.stage.hidden = !inRoom;
  ui.problem.hidden = !(screen.kind === 'problem' || state?.phase === 'error');
  ui.after.hidden = !(state && ['stopped', 'replaced'].includes(state.phase));
  ui.resume.hidden = ui.after.hidden;
  ui.start.disabled = screen.kind !== 'intro';

  let status = '';
  let statusState: string = screen.kind;
  if (screen.kind === 'checking') status = t('state.checking');
  if (screen.kind === 'problem') {
    ui.problemText.textContent = t(screen.message);
    ui.retry.hidden = !screen.retry;
    statusState = 'problem';
  }
  if (state) {
    statusState = state.phase;
    const waiting = !state.othersPresent && mode === 'call';
    status = {
      ready: '',
      joining: t('state.joining'),
      live: waiting ? t('state.waitingForAgent') : mode === 'call' ? t('state.liveCall') : t('state.liveCamera'),
      reconnecting: t('state.reconnecting'),
      stopped: mode === 'call' ? t('state.left') : t('state.stopped'),
      ended: t('state.ended'),
      replaced: t('state.replaced'),
      error: '',
    }[state.phase];
    if (state.phase === 'error' && state.problem) {
      ui.problemText.textContent = t(problemMessage[state.problem]);
      ui.retry.hidden = !canRetry(state.problem);
    }
    ui.microphone.textContent = state.microphoneOn ? t('action.mute') : t('action.unmute');
    ui.microphone.setAttribute('aria-pressed', String(!state.microphoneOn));
    ui.microphone.disabled = state.phase !== 'live';
    ui.switchCamera.disabled = state.phase !== 'live';
    ui.stop.disabled = state.phase === 'joining';
    ui.remote.hidden = mode !== 'call' || !state.remoteVideo;
    ui.remoteNone.hidden = mode !== 'call' || state.remoteVideo || !state.othersPresent;
    ui.enableSound.hidden = !state.audioBlocked;
    ui.local.classList.toggle('video--mirror', state.facing === 'user');
  }
  ui.status.textContent = status;
  ui.status.hidden = status === '';
  ui.status.dataset.state = statusState;
}

function renderLanguages(): void {
  ui.language.replaceChildren(
    ...languages.map((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.lang = code;
      option.textContent = languageNames[code];
      option.selected = code === language;
      return option;
    }),
  );
}

function problem(kind: PhoneProblem): Screen {
  return { kind: 'problem', message: problemMessage[kind], retry: canRetry(kind) };
}

/** Turns the link into credentials for the room, or into the sentence that says why not. */
async function prepare(): Promise<void> {
  if (link.kind === 'invalid') {
    // A reload after the code was claimed: the same tab still holds this phone's token.
    const kept = link.reason === 'missing' ? rememberedCredentials() : null;
    const claims = kept ? readTokenClaims(kept.token) : null;
    if (kept && claims && !isExpired(claims, Date.now())) {
      credentials = kept;
      show({ kind: 'intro' });
      return;
    }
    show({ kind: 'problem', message: link.reason === 'missing' ? 'error.linkMissing' : 'error.linkMalformed', retry: false });
    return;
  }
  if (!('RTCPeerConnection' in window) || !navigator.mediaDevices?.getUserMedia) {
    show(problem('unsupported'));
    return;
  }
  if (link.kind === 'token') {
    const claims = readTokenClaims(link.token);
    if (!claims) return show({ kind: 'problem', message: 'error.linkMalformed', retry: false });
    if (!isPhoneIdentity(claims.identity)) return show({ kind: 'problem', message: 'error.linkNotForPhone', retry: false });
    if (isExpired(claims, Date.now())) return show({ kind: 'problem', message: 'error.linkExpired', retry: false });
    credentials = { url: link.url, token: link.token, firstName: claims.name };
    show({ kind: 'intro' });
    return;
  }
  try {
    const redeemed = await redeemPhoneCode(link.code, language);
    credentials = { url: redeemed.token.url, token: redeemed.token.token, firstName: redeemed.firstName };
    // The code is spent: a reload must not claim it again (it would be refused), so the credentials are kept for this tab.
    rememberCredentials(credentials);
    show({ kind: 'intro' });
  } catch (error) {
    show(problem(phoneProblemOf(error)));
  }
}

async function start(): Promise<void> {
  if (!credentials) return;
  call = new PhoneCall(mode, { local: ui.local, remote: ui.remote, audio: ui.audio }, (state) => show({ kind: 'call', state }));
  await call.start(credentials.url, credentials.token);
}

ui.language.addEventListener('change', () => {
  language = ui.language.value as Language;
  t = translator(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
  render();
});
ui.start.addEventListener('click', () => void start());
ui.stop.addEventListener('click', () => void call?.stop());
ui.resume.addEventListener('click', () => void start());
ui.retry.addEventListener('click', () => {
  if (screen.kind === 'problem') {
    show({ kind: 'checking' });
    void prepare();
  } else void start();
});
ui.microphone.addEventListener('click', () => {
  if (call) void call.setMicrophone(!call.state.microphoneOn);
});
ui.switchCamera.addEventListener('click', () => void call?.switchCamera());
ui.enableSound.addEventListener('click', () => void call?.startAudio());
// Leaving the page frees the camera at once, so the other side sees the phone go rather than a frozen picture.
window.addEventListener('pagehide', () => void call?.stop());

renderLanguages();
render();
void prepare();
