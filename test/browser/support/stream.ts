import type { Page } from '@playwright/test';

/** The page's own stream opened (200): what happens next reaches it without a reload or a poll. */
export function streamOpened(page: Page) {
  return page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/v1/stream' && response.status() === 200,
  );
}
