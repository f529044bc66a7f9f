// A Playwright driver for the TV app that reads like what a tenant does with the remote:
//   const tv = await openTv(browser, baseUrl, { language: 'fr' });
//   await tv.expectScreen('activation');
//   const code = await tv.activationCode();
//   await tv.press('Right'); await tv.press('Enter');
//   await tv.expectFocused('Avis');
//   await tv.screenshot('home-fr');
// It opens <baseUrl>/tv/ with the renderer's DOM inspector on (?inspector=1) and the canvas renderer (60 fps headless),
// and reads window.__palier (route, focused label, language, text size, direction, activation code).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from '../../support/chromium';
import type { TokenResponse } from '@palier/contracts';
import type { CallSnapshot, TestState } from '../../../apps/tv/src/testing';

export { CHROMIUM_ARGS, CHROMIUM_PATH, FAKE_MEDIA_ARGS, SCREENSHOT_DIR, launchChromium } from '../../support/chromium';

/** Remote keys. Back is the browser's Escape; the platform backs and colour keys are sent with their TV key codes. */
export type RemoteKey =
  | 'Up'
  | 'Down'
  | 'Left'
  | 'Right'
  | 'Enter'
  | 'OK'
  | 'Back'
  | 'Backspace'
  | 'TizenBack'
  | 'WebOsBack'
  | 'Red'
  | 'Green'
  | 'Yellow'
  | 'Blue'
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9';

const keyboardKeys: Partial<Record<RemoteKey, string>> = {
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Enter: 'Enter',
  OK: 'Enter',
  Back: 'Escape',
  Backspace: 'Backspace',
};

const tvKeyCodes: Partial<Record<RemoteKey, number>> = {
  TizenBack: 10009,
  WebOsBack: 461,
  Red: 403,
  Green: 404,
  Yellow: 405,
  Blue: 406,
};

export type Screen =
  | 'activation'
  | 'home'
  | 'notices'
  | 'notice'
  | 'settings'
  | 'calls'
  | 'soon'
  | 'goodbye'
  | 'boot'
  | 'procedures'
  | 'eservices'
  // neighbours' feed
  | 'feed'
  | 'feed-post'
  | 'feed-write'
  // private conversations and the tenant's data (wip/neighbours)
  | 'conversations'
  | 'conversation'
  | 'my-data'
  // moderation
  | 'feed-report'
  // mandates
  | 'mandates'
  // mandates received: the people a neighbour helps
  | 'helping';

/** The API's call states in lower case, and 'idle' when no call shows. */
export type CallStateName =
  'idle' | 'requested' | 'queued' | 'ringing' | 'answered' | 'ended' | 'missed' | 'declined' | 'cancelled' | 'failed';

/** What the TV app publishes for tests (apps/tv/src/testing.ts), with its string fields narrowed to the values used here. */
export interface TvCall extends Omit<CallSnapshot, 'state'> {
  state: CallStateName;
}

export interface TvState extends Omit<TestState, 'route' | 'language' | 'textSize' | 'call'> {
  route: Screen;
  language: 'fr' | 'en' | 'ar';
  textSize: 'normal' | 'large';
  call: TvCall;
}

export interface TvOptions {
  language?: 'fr' | 'en' | 'ar';
  textSize?: 'normal' | 'large';
  /** API base URL when it differs from the page's origin (?api=). */
  api?: string;
  /** canvas by default: WebGL is software-rendered in headless Chromium. */
  renderMode?: 'canvas' | 'webgl';
  /** Tokens to start signed in, skipping activation (as stored by the app). */
  tokens?: { accessToken: string; refreshToken: string; expiresAt?: number };
  /** Extra query parameters. */
  query?: Record<string, string>;
  context?: BrowserContext;
}

export class Tv {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly url: string,
  ) {}

  /** From home, Settings → "Voir les personnes que j’aide" in focus (after language, text size, voice, my data, my helpers). */
  async goToHelpingInSettings(): Promise<void> {
    await this.press('Right', 'Right', 'Right', 'Right', 'OK');
    await this.expectScreen('settings');
    await this.press('Down', 'Down', 'Down', 'Down', 'Down');
    await this.expectFocused('Voir les personnes que j’aide');
  }

  /** Presses one remote key (or several in order, with a short pause so focus changes settle). */
  async press(...keys: RemoteKey[]): Promise<void> {
    for (const key of keys) {
      const keyboardKey = keyboardKeys[key];
      if (keyboardKey) await this.page.keyboard.press(keyboardKey);
      else if (tvKeyCodes[key] !== undefined) await this.sendKeyCode(tvKeyCodes[key] as number);
      else await this.page.keyboard.press(key);
      await this.page.waitForTimeout(120);
    }
  }

  /** A keydown/keyup pair carrying a TV key code, as a set-top box's browser sends it. */
  async sendKeyCode(keyCode: number): Promise<void> {
    // A string, not a function: TypeScript runners may wrap inner functions in helpers the page does not have.
    await this.page.evaluate(`(function (code) {
      ['keydown', 'keyup'].forEach(function (type) {
        var event = new KeyboardEvent(type, { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'keyCode', { get: function () { return code; } });
        Object.defineProperty(event, 'which', { get: function () { return code; } });
        document.dispatchEvent(event);
      });
    })(${Number(keyCode)})`);
  }

  async state(): Promise<TvState> {
    return this.page.evaluate('JSON.parse(JSON.stringify(window.__palier || {}))') as Promise<TvState>;
  }

  /** Polls window.__palier until the predicate holds; fails with the last state seen. */
  async waitFor(description: string, predicate: (state: TvState) => boolean, timeoutMs = 10000): Promise<TvState> {
    const deadline = Date.now() + timeoutMs;
    let last: TvState | undefined;
    while (Date.now() < deadline) {
      last = await this.state();
      if (last && predicate(last)) return last;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`TV: expected ${description} within ${timeoutMs} ms; last state: ${JSON.stringify(last)}`);
  }

  expectScreen(screen: Screen, timeoutMs = 10000): Promise<TvState> {
    return this.waitFor(`screen "${screen}"`, (s) => s.route === screen && !s.navigating, timeoutMs);
  }

  /** The focused element's label, exactly as shown (in the current language). */
  expectFocused(label: string | RegExp, timeoutMs = 5000): Promise<TvState> {
    return this.waitFor(`focus on "${label}"`, (s) => (typeof label === 'string' ? s.focused === label : label.test(s.focused)), timeoutMs);
  }

  /** The message currently shown on the screen (loading, error, waiting…), e.g. "Pas de connexion…". */
  expectMessage(text: string | RegExp, timeoutMs = 10000): Promise<TvState> {
    return this.waitFor(
      `message "${text}"`,
      (s) => (typeof text === 'string' ? s.message.indexOf(text) !== -1 : text.test(s.message)),
      timeoutMs,
    );
  }

  /** Waits until the call shown is in this state ('idle' once none shows), e.g. expectCallState('queued'). */
  expectCallState(callState: CallStateName, timeoutMs = 15000): Promise<TvState> {
    return this.waitFor(`call state "${callState}"`, (s) => !!s.call && s.call.state === callState, timeoutMs);
  }

  /** Waits for the call overlay's phase: incoming, outgoing, live or ended. */
  expectCallPhase(phase: string, timeoutMs = 15000): Promise<TvState> {
    return this.waitFor(`call phase "${phase}"`, (s) => !!s.call && s.call.phase === phase, timeoutMs);
  }

  async call(): Promise<TvCall> {
    return (await this.state()).call;
  }

  /** Frames the TV's remote <video> element has decoded so far. */
  async remoteVideoFrames(): Promise<number> {
    return (await this.call()).remoteVideoFrames;
  }

  /** Waits until the remote video has decoded more than `frames` frames: real media arrived, not just a joined room. */
  expectRemoteVideo(frames = 0, timeoutMs = 20000): Promise<TvState> {
    return this.waitFor(`more than ${frames} decoded remote frames`, (s) => !!s.call && s.call.remoteVideoFrames > frames, timeoutMs);
  }

  /**
   * Types text on the on-screen keyboard with the remote only, as a tenant does: arrows to each key (the short way
   * round, using the keyboard's wrapping), the capitals key when a letter's case differs, OK. Reads the keyboard's
   * layout and focus from window.__palier.keyboard after every press.
   */
  async typeWithRemote(text: string): Promise<void> {
    for (const char of Array.from(text)) {
      await this.goToKey((label) => label === char, char);
      await this.press('OK');
    }
  }

  /** Moves the keyboard's focus to a key: a character, or a special key such as '[done]', '[space]', '[erase]'. */
  async goToKey(matches: (label: string) => boolean, what: string): Promise<void> {
    const wanted = what === ' ' ? '[space]' : what;
    const match = what === ' ' ? (label: string) => label === '[space]' : matches;
    for (let presses = 0; presses < 40; presses += 1) {
      const { keyboard, dir } = await this.state();
      if (!keyboard) throw new Error('TV: no on-screen keyboard shows');
      let target = findKey(keyboard.rows, match);
      if (!target && wanted.length === 1 && wanted.toLowerCase() !== wanted.toUpperCase()) {
        // The letter exists in the other case: switch capitals first.
        target = findKey(keyboard.rows, (label) => label === '[capitals]');
        if (target && target.row === keyboard.row && target.index === keyboard.index) {
          await this.press('OK');
          continue;
        }
      }
      if (!target) throw new Error(`TV: no key "${what}" on the keyboard (${keyboard.layout})`);
      if (target.row === keyboard.row && target.index === keyboard.index) return;
      if (target.row !== keyboard.row) {
        const rows = keyboard.rows.length;
        const down = (target.row - keyboard.row + rows) % rows;
        await this.press(down <= rows - down ? 'Down' : 'Up');
        continue;
      }
      const n = keyboard.rows[keyboard.row]!.length;
      const forward = (target.index - keyboard.index + n) % n;
      const next: RemoteKey = dir === 'rtl' ? 'Left' : 'Right';
      const previous: RemoteKey = dir === 'rtl' ? 'Right' : 'Left';
      await this.press(forward <= n - forward ? next : previous);
    }
    throw new Error(`TV: could not reach the key "${what}" in 40 presses`);
  }

  /** The user code shown on the activation screen, without its dash (as typed on the activation page). */
  async activationCode(timeoutMs = 15000): Promise<string> {
    const state = await this.waitFor('an activation code', (s) => /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(s.activationCode), timeoutMs);
    return state.activationCode.replace('-', '');
  }

  /** Texts the renderer mirrored into the DOM (the inspector), e.g. to check what is on screen. */
  async visibleTexts(): Promise<string[]> {
    return this.page.evaluate(`Array.prototype.slice
      .call(document.querySelectorAll('body div'))
      .filter(function (node) { return node.childNodes.length === 1 && node.firstChild.nodeType === 3; })
      .map(function (node) { return node.textContent || ''; })
      .filter(function (text) { return text.trim().length > 0; })`) as Promise<string[]>;
  }

  /** A node of the DOM mirror by its test id (e.g. 'tile-notices', 'activation-code'). */
  byTestId(testId: string) {
    return this.page.locator(`[data-testid="${testId}"]`);
  }

  /** Saves test-output/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.waitForTimeout(250);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  // --- the neighbours' feed, as the neighbours' journeys walk it ---

  /**
   * From home, the "Voisins" tile: the second of five (mirrored in Arabic). Home keeps the tile last used in focus, so
   * go to the first tile (the row stops there) and one step on.
   */
  async openFeed(): Promise<void> {
    await this.expectScreen('home');
    const rtl = (await this.state()).dir === 'rtl';
    const towardsStart: RemoteKey = rtl ? 'Right' : 'Left';
    await this.press(towardsStart, towardsStart, towardsStart, towardsStart);
    await this.press(rtl ? 'Left' : 'Right', 'OK');
    await this.expectScreen('feed');
  }

  /**
   * On the feed, moves the focus to the post with this title (it may still be on its way: live) and opens it. The
   * focus walks Down the list unless told Up (a post that arrived above the one in focus); at most `maxPresses`.
   */
  async openPost(title: string, options: { direction?: 'Up' | 'Down'; timeoutMs?: number; maxPresses?: number } = {}): Promise<void> {
    const { direction = 'Down', timeoutMs = 15000, maxPresses = 12 } = options;
    await this.expectScreen('feed');
    await this.expectText(title, timeoutMs);
    for (let presses = 0; (await this.state()).focused !== title; presses += 1) {
      if (presses >= maxPresses) throw new Error(`TV: the post "${title}" never took the focus in ${maxPresses} presses ${direction}`);
      await this.press(direction);
    }
    await this.press('OK');
    await this.expectScreen('feed-post');
    // The post screen reads the post, then takes its first focus: a key pressed before that is lost or undone.
    await this.waitFor('the post screen’s first focus', (s) => s.route === 'feed-post' && s.focused !== '' && s.focused !== title);
  }

  /** Waits until the screen shows this exact text (a post, a reply, a message…). */
  async expectText(text: string, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.visibleTexts()).includes(text)) {
      if (Date.now() > deadline) throw new Error(`TV: "${text}" did not show within ${timeoutMs} ms on ${(await this.state()).route}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Waits until the screen no longer shows this exact text (a post hidden by moderation, live). */
  async expectNoText(text: string, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.visibleTexts()).includes(text)) {
      if (Date.now() > deadline) throw new Error(`TV: "${text}" still shows after ${timeoutMs} ms on ${(await this.state()).route}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** The messages of the conversation on screen, as shown (each row's text then its "who · when" line). */
  async conversationMessages(): Promise<string[]> {
    return this.page.evaluate(`Array.prototype.slice
      .call(document.querySelectorAll('[data-testid^="message-"]'))
      .filter(function (node) { return /^message-[0-9a-f-]{36}$/.test(node.getAttribute('data-testid') || ''); })
      .map(function (node) { return node.textContent || ''; })`) as Promise<string[]>;
  }

  /** Waits until a message row of the conversation on screen holds this text (it may arrive live). */
  async expectConversationMessage(text: string, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.conversationMessages()).some((message) => message.indexOf(text) !== -1)) {
      if (Date.now() > deadline) {
        throw new Error(`TV: no message "${text}" within ${timeoutMs} ms; messages: ${JSON.stringify(await this.conversationMessages())}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * On a post with "⚑ Signaler" focused: picks the reason (the first, "Insulte ou harcèlement", unless told to move
   * further down the list), sends without a comment, waits for the thanks, and returns to the post.
   */
  async reportFocusedPost(reasonLabel = 'Insulte ou harcèlement', reasonPresses: RemoteKey[] = []): Promise<void> {
    await this.press('OK');
    await this.expectScreen('feed-report');
    if (reasonPresses.length > 0) await this.press(...reasonPresses);
    await this.expectFocused(reasonLabel);
    await this.press('OK');
    await this.expectFocused('Envoyer sans commentaire');
    await this.press('OK');
    await this.expectMessage('Merci. Votre signalement a été transmis aux modérateurs.');
  }
}

function findKey(rows: string[][], match: (label: string) => boolean): { row: number; index: number } | null {
  for (let row = 0; row < rows.length; row += 1) {
    const index = rows[row]!.findIndex(match);
    if (index >= 0) return { row, index };
  }
  return null;
}

/** Opens the TV app at <baseUrl>/tv/ in a 1920×1080 page, as a TV would, with a fresh storage unless given a context. */
export async function openTv(browser: Browser, baseUrl: string, options: TvOptions = {}): Promise<Tv> {
  const context = options.context ?? (await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 }));
  const page = await context.newPage();
  const query = new URLSearchParams({ inspector: '1', renderMode: options.renderMode ?? 'canvas', ...(options.query ?? {}) });
  if (options.language) query.set('lang', options.language);
  if (options.textSize) query.set('textSize', options.textSize);
  if (options.api) query.set('api', options.api);
  const root = baseUrl.replace(/\/$/, '');
  const url = (/\/tv$/.test(root) ? root : root + '/tv') + '/?' + query.toString();
  if (options.tokens) {
    const tokens = { expiresAt: Date.now() + 3600_000, ...options.tokens };
    await page.addInitScript(
      `if (!window.localStorage.getItem('palier.tokens')) window.localStorage.setItem('palier.tokens', ${JSON.stringify(JSON.stringify(tokens))});`,
    );
  }
  await page.goto(url);
  const tv = new Tv(page, context, url);
  await tv.waitFor('the app to start', (s) => !!s.route && s.route !== 'boot', 20000);
  return tv;
}

/** The TV of a tenant it was activated for (their tokens, as the app stores them), open on home. */
export async function openTvAtHome(
  browser: Browser,
  baseUrl: string,
  tokens: TokenResponse,
  options: Omit<TvOptions, 'tokens'> = {},
): Promise<Tv> {
  const tv = await openTv(browser, baseUrl, {
    ...options,
    tokens: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token },
  });
  await tv.expectScreen('home', 20_000);
  return tv;
}
