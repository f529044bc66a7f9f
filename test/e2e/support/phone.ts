// The tenant's phone: a phone-sized page that opens the activation link and types the landlord's letter, and the
// phone-as-camera page (/phone/) opened from the TV's QR code during a call.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './tv';

export class Phone {
  constructor(readonly page: Page) {}

  async openActivationLink(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async typeLetter(reference: string, activationCode: string): Promise<void> {
    await this.page.locator('#reference').fill(reference);
    await this.page.locator('#activationCode').fill(activationCode);
    await this.page.locator('#next').click();
    await this.page.locator('#confirmation').waitFor({ state: 'visible' });
  }

  confirmationText(): Promise<string> {
    return this.page.locator('#confirmText').innerText();
  }

  async approve(): Promise<string> {
    await this.page.locator('#approve').click();
    await this.page.locator('#status.success').waitFor({ state: 'visible' });
    return this.page.locator('#status').innerText();
  }

  // --- the phone as camera (/phone/) ---

  /** Opens the phone page with what the TV's QR code carries: the phone's CallToken in the fragment. */
  async openCameraLink(baseUrl: string, token: { url: string; token: string }, options: { mode?: 'camera' | 'call'; lang?: string } = {}) {
    const fragment = new URLSearchParams({
      token: token.token,
      url: token.url,
      mode: options.mode ?? 'camera',
      lang: options.lang ?? 'fr',
    });
    await this.page.goto(`${baseUrl.replace(/\/$/, '')}/phone/#${fragment.toString()}`);
    await this.page.locator('#start:not([disabled]), #problem:not([hidden])').first().waitFor({ state: 'visible' });
  }

  /** Opens what the TV's QR code carries for the phone hand-off (`/phone/#code=…`), as a scan would. */
  async openHandoffLink(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('#start:not([disabled]), #problem:not([hidden])').first().waitFor({ state: 'visible' });
  }

  /** The sentence under the page's status (data-state: checking, joining, live, stopped, ended, problem…). */
  async cameraStatus(): Promise<{ state: string; text: string }> {
    const status = this.page.locator('#status');
    return { state: (await status.getAttribute('data-state')) ?? '', text: (await status.innerText()).trim() };
  }

  /** Taps the big button and waits until the phone is live in the call. */
  async startCamera(timeout = 20_000): Promise<void> {
    await this.page.locator('#start').click();
    await this.waitForCameraState('live', timeout);
  }

  async waitForCameraState(state: string, timeout = 20_000): Promise<void> {
    await this.page.locator(`#status[data-state="${state}"]`).waitFor({ state: 'attached', timeout });
  }

  /** Frames of the phone's own camera shown on its preview. */
  localVideoFrames(): Promise<number> {
    return this.page
      .locator('#local-video')
      .evaluate((element) => (element as HTMLVideoElement & { webkitDecodedFrameCount?: number }).webkitDecodedFrameCount ?? 0);
  }

  /** Taps "Arrêter" and waits for the page to say the camera stopped. */
  async stopCamera(): Promise<void> {
    await this.page.locator('#stop').click();
    await this.waitForCameraState('stopped');
  }

  problemText(): Promise<string> {
    return this.page.locator('#problem-text').innerText();
  }

  // --- a long text for the TV (/phone/text.html) ---

  /** Opens what the TV's QR code carries for a "text" hand-off, and waits for the question and the text area. */
  async openTextLink(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('#ready:not([hidden]), #problem:not([hidden])').first().waitFor({ state: 'visible' });
  }

  /** The question the TV asked, shown above the text area. */
  textPrompt(): Promise<string> {
    return this.page.locator('#prompt').innerText();
  }

  /** Types the text and sends it to the TV; waits for the page to say it went. */
  async sendText(text: string): Promise<void> {
    await this.page.locator('#text').fill(text);
    await this.page.locator('#send').click();
    await this.page.locator('#sent:not([hidden])').waitFor({ state: 'visible' });
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

export async function openPhone(browser: Browser, options: { media?: boolean } = {}): Promise<Phone> {
  const context = await browser.newContext({
    permissions: options.media ? ['camera', 'microphone'] : [],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  return new Phone(await context.newPage());
}
