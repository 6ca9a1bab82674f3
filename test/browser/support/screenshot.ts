import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const dir = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 360, height: 780 };

/**
 * docs/screenshots/<name>-desktop.png and <name>-phone.png of the page as it is now; `ready` waits for what a
 * person would wait for after the resize (default: nothing more). The viewport is restored afterwards.
 */
export async function screenshot(page: Page, name: string, ready?: (page: Page) => Promise<void>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  for (const [suffix, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    if (ready) await ready(page);
    await page.screenshot({ path: join(dir, `${name}-${suffix}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(original);
}
