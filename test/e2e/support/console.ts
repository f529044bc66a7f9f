// A Playwright driver for the staff console that reads like what a staff member does:
//   const consolePage = await openConsole(browser, baseUrl);
//   await consolePage.signIn('gardien@example.org', 'secret');
//   await consolePage.publishNotice({ title, body, category: 'OUTAGE', urgent: true, audienceName: 'Bâtiment A' });
//   expect(await consolePage.readCount(title)).toEqual({ read: 0, target: 12 });
// and like what a call-centre agent does:
//   await consolePage.openCalls(); await consolePage.setAvailable();
//   await consolePage.waitForQueuedCall('Amina');
//   expect(await consolePage.answer('Amina')).toBe('answered');
//   await consolePage.waitForRemoteVideoFrames(); await consolePage.saveNote('Fuite'); await consolePage.hangUp();
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from '../../support/chromium';

export { CHROMIUM_ARGS, CHROMIUM_PATH, FAKE_MEDIA_ARGS, SCREENSHOT_DIR, launchChromium } from '../../support/chromium';
import type { NoticeCategory } from '@palier/contracts';

/** Frames the browser has decoded into a <video> element: more than zero means real media arrived and played. */
export function decodedFrames(video: Locator): Promise<number> {
  return video.evaluate((element) => {
    const media = element as HTMLVideoElement & { webkitDecodedFrameCount?: number };
    return media.webkitDecodedFrameCount ?? media.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;
  });
}

export interface NoticeToPublish {
  title: string;
  body: string;
  category?: NoticeCategory;
  urgent?: boolean;
  /** The place's name exactly as the API lists it (the option also shows its kind and home count). */
  audienceName: string;
  /** `datetime-local` values, e.g. 2026-12-01T08:00 */
  validFrom?: string;
  validUntil?: string;
}

export interface ReadCount {
  read: number;
  target: number;
}

export interface ConsoleOptions {
  language?: 'fr' | 'en';
  viewport?: { width: number; height: number };
  /** Let the page use the (fake) camera and microphone without asking */
  media?: boolean;
}

export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly baseUrl: string,
  ) {}

  /** Signs in and waits for the workspace, with the staff member's name in the header. */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('#signin-email').fill(email);
    await this.page.locator('#signin-password').fill(password);
    await this.page.locator('form button[type="submit"]').click();
    await this.page.getByTestId('staff-name').waitFor({ state: 'visible' });
  }

  /** Tries to sign in and returns the message shown under the form (wrong password, rate limit, network). */
  async signInExpectingError(email: string, password: string): Promise<string> {
    await this.page.locator('#signin-email').fill(email);
    await this.page.locator('#signin-password').fill(password);
    await this.page.locator('form button[type="submit"]').click();
    const error = this.page.getByTestId('signin-error');
    await error.waitFor({ state: 'visible' });
    return (await error.locator('.alert__content').innerText()).trim();
  }

  async signOut(): Promise<void> {
    await this.page.locator('header button', { hasText: /Se déconnecter|Sign out/ }).click();
    await this.page.locator('#signin-email').waitFor({ state: 'visible' });
  }

  async staffIdentity(): Promise<string> {
    return (await this.page.getByTestId('staff-identity').innerText()).trim();
  }

  /** Fills the publish form, sends it and waits for the confirmation; returns the confirmation text. */
  async publishNotice(notice: NoticeToPublish): Promise<string> {
    await this.fillNotice(notice);
    await this.page.getByTestId('publish-submit').click();
    const confirmation = this.page.getByTestId('publish-confirmation');
    await confirmation.waitFor({ state: 'visible' });
    await this.noticeRow(notice.title).waitFor({ state: 'visible' });
    return (await confirmation.locator('.alert__content').innerText()).trim();
  }

  async fillNotice(notice: NoticeToPublish): Promise<void> {
    const page = this.page;
    await page.locator('#notice-title').fill(notice.title);
    await page.locator('#notice-body').fill(notice.body);
    await page.locator('#notice-category').selectOption(notice.category ?? 'INFORMATION');
    await page.locator('#notice-urgent').setChecked(!!notice.urgent);
    const audience = page.locator('#notice-audience');
    await audience.waitFor({ state: 'visible' });
    const value = await audience
      .locator('option')
      .evaluateAll(
        (options, name) => (options as HTMLOptionElement[]).find((option) => option.dataset.name === name)?.value,
        notice.audienceName,
      );
    if (!value) throw new Error(`No place named "${notice.audienceName}" in the audience picker`);
    await audience.selectOption(value);
    await page.locator('#notice-valid-from').fill(notice.validFrom ?? '');
    await page.locator('#notice-valid-until').fill(notice.validUntil ?? '');
  }

  /** The row of the published notice with this exact title. */
  noticeRow(title: string): Locator {
    return this.page
      .getByTestId('notice-row')
      .filter({ has: this.page.getByTestId('notice-title').getByText(title, { exact: true }) })
      .first();
  }

  async readCount(title: string): Promise<ReadCount> {
    const row = this.noticeRow(title);
    await row.waitFor({ state: 'visible' });
    const [read, target] = await Promise.all([row.getAttribute('data-read'), row.getAttribute('data-target')]);
    return { read: Number(read), target: Number(target) };
  }

  /** Waits until the row shows at least `read` homes having read it (live, no reload). */
  async waitForReadCount(title: string, read: number, timeout = 10_000): Promise<ReadCount> {
    const row = this.noticeRow(title);
    await row.waitFor({ state: 'visible', timeout });
    await this.page.waitForFunction(
      ([element, wanted]) => Number((element as HTMLElement).dataset.read) >= (wanted as number),
      [await row.elementHandle(), read] as const,
      { timeout },
    );
    return this.readCount(title);
  }

  /** Waits for the live indicator to say the realtime socket is up. */
  async waitUntilLive(timeout = 10_000): Promise<void> {
    await this.page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout });
  }

  // --- the call-centre ---

  async openCalls(): Promise<void> {
    await this.page.getByTestId('nav-calls').click();
    await this.page.getByTestId('call-queue').first().waitFor({ state: 'visible' });
  }

  /** Switches the agent to "available" (if not already) and waits for the API to confirm it. */
  async setAvailable(): Promise<void> {
    const availability = this.page.getByTestId('availability');
    await availability.waitFor({ state: 'visible' });
    if ((await availability.getAttribute('data-available')) !== 'true') await this.page.getByTestId('availability-switch').click();
    await this.page.locator('[data-testid="availability"][data-available="true"]').waitFor();
  }

  /** The row of a waiting caller in the queue, by first name. */
  queuedCall(firstName: string): Locator {
    return this.page.locator(`[data-testid="queue-entry"][data-first-name="${firstName}"]`).first();
  }

  /** Waits until the caller shows in the queue (live, no reload); returns what the row says. */
  async waitForQueuedCall(firstName: string, timeout = 15_000): Promise<{ callId: string; text: string }> {
    const row = this.queuedCall(firstName);
    await row.waitFor({ state: 'visible', timeout });
    return { callId: (await row.getAttribute('data-call-id')) ?? '', text: (await row.innerText()).trim() };
  }

  /** Presses Answer on the caller's row: 'answered' when this agent got the call, 'taken' when another was faster. */
  async answer(firstName: string, timeout = 15_000): Promise<'answered' | 'taken'> {
    await this.queuedCall(firstName).getByTestId('answer').click();
    const outcome = this.page.locator('[data-testid="call-view"], [data-testid="claim-taken"], [data-testid="claim-error"]').first();
    await outcome.waitFor({ state: 'visible', timeout });
    const testId = await outcome.getAttribute('data-testid');
    if (testId === 'claim-error') throw new Error(`Answer failed: ${await outcome.innerText()}`);
    return testId === 'call-view' ? 'answered' : 'taken';
  }

  /** What the console told the agent who lost the race. */
  async claimTakenText(): Promise<string> {
    return (await this.page.getByTestId('claim-taken').locator('.alert__content').innerText()).trim();
  }

  /** Frames decoded so far in the tenant's video on the call view. */
  remoteVideoFrames(): Promise<number> {
    return decodedFrames(this.page.getByTestId('remote-video'));
  }

  async waitForRemoteVideoFrames(minimum = 1, timeout = 20_000): Promise<number> {
    await this.page.waitForFunction(
      (wanted) => {
        const video = document.querySelector('[data-testid="remote-video"]') as
          (HTMLVideoElement & { webkitDecodedFrameCount?: number }) | null;
        return !!video && !video.hidden && (video.webkitDecodedFrameCount ?? 0) >= wanted;
      },
      minimum,
      { timeout },
    );
    return this.remoteVideoFrames();
  }

  /** Waits for the call view to say the media connection is up. */
  async waitForMediaConnected(timeout = 15_000): Promise<void> {
    await this.page.locator('[data-testid="media-status"][data-connection="connected"]').waitFor({ timeout });
  }

  /** Types the note and saves it; resolves once the console confirms it is saved. */
  async saveNote(text: string): Promise<void> {
    await this.page.locator('#call-note').fill(text);
    await this.page.getByTestId('save-note').click();
    await this.page.getByTestId('note-saved').waitFor({ state: 'visible' });
  }

  /** Hangs up and waits for the ended-call summary; returns its outcome sentence. */
  async hangUp(): Promise<string> {
    await this.page.getByTestId('hang-up').click();
    await this.page.getByTestId('call-ended').waitFor({ state: 'visible' });
    return (await this.page.getByTestId('call-outcome').innerText()).trim();
  }

  // --- moderation ---

  /** The Modération page (a moderator lands on it after signing in; others reach it from the menu). */
  async openModeration(): Promise<void> {
    const page = this.page.getByTestId('moderation-page');
    if (!(await page.isVisible())) await this.page.getByTestId('nav-moderation').click();
    await page.waitFor({ state: 'visible' });
  }

  /** The queue's row of the reported item whose excerpt (or author line) holds this text. */
  moderationRow(text: string): Locator {
    return this.page.getByTestId('moderation-row').filter({ hasText: text }).first();
  }

  /** Waits until the case shows in the queue (live, on moderation.queue, no reload); returns what the row says. */
  async waitForModerationCase(text: string, timeout = 15_000): Promise<string> {
    const row = this.moderationRow(text);
    await row.waitFor({ state: 'visible', timeout });
    return (await row.innerText()).trim();
  }

  /** Opens the case's detail (content, context, reports, history). */
  async openModerationCase(text: string): Promise<void> {
    await this.moderationRow(text).click();
    await this.page.getByTestId('moderation-content').filter({ hasText: text }).waitFor({ state: 'visible' });
  }

  /** Writes the reason and takes the decision; resolves once the case shows its new status (e.g. "Supprimé"). */
  async decide(decision: 'KEEP' | 'HIDE' | 'DELETE' | 'WARN' | 'SUSPEND', reason: string, status: string): Promise<void> {
    await this.page.getByTestId('moderation-reason').fill(reason);
    await this.page.getByTestId(`moderation-decide-${decision}`).click();
    await this.page.getByTestId('moderation-detail-status').getByText(status, { exact: true }).waitFor({ state: 'visible' });
  }

  /** Picks a language in the header and waits for the page to speak it (and to turn right to left for Arabic). */
  async chooseLanguage(language: 'fr' | 'en' | 'ar'): Promise<void> {
    await this.page.getByTestId('language').selectOption(language);
    await this.page.locator(`html[lang="${language}"][dir="${language === 'ar' ? 'rtl' : 'ltr'}"]`).waitFor({ state: 'attached' });
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Opens the console (at `${baseUrl}/console/`) in a fresh browser context and waits for its first screen. */
export async function openConsole(browser: Browser, baseUrl: string, options: ConsoleOptions = {}): Promise<ConsolePage> {
  const language = options.language ?? 'fr';
  const context = await browser.newContext({
    locale: language === 'fr' ? 'fr-FR' : 'en-GB',
    timezoneId: 'Europe/Paris',
    viewport: options.viewport ?? { width: 1366, height: 900 },
    permissions: options.media ? ['camera', 'microphone'] : [],
  });
  const page = await context.newPage();
  const url = baseUrl.replace(/\/$/, '') + '/console/';
  await page.goto(url);
  // Either the sign-in form or, with a session already, the header.
  await page.locator('#signin-email, [data-testid="staff-name"]').first().waitFor({ state: 'visible' });
  return new ConsolePage(page, context, baseUrl);
}
