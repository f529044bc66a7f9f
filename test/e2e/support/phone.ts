// The tenant's phone: a phone-sized page that opens the activation link and types the landlord's letter.
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

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

export async function openPhone(browser: Browser): Promise<Phone> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  return new Phone(await context.newPage());
}
