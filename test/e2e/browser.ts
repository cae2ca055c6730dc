// Debian's Chromium driven by playwright-core (build-environment.md): no browser download, fresh profile.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '../../electron/services/printing/chromium-pdf';
import { DEMO_OPERATORS } from '../../scripts/station-files';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts/e2e');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...HEADLESS_CHROMIUM_FLAGS],
    // playwright gives every launch a fresh temporary profile (it refuses --user-data-dir in args).
  });
}

/** Signs in at the station's sign-in screen as one of the demo operators (scripts/station-files). */
export async function signIn(page: Page, id: (typeof DEMO_OPERATORS)[number]['id']): Promise<void> {
  const pin = DEMO_OPERATORS.find((o) => o.id === id)!.pin;
  await page.getByTestId('sign-in-form-id').fill(id);
  await page.getByTestId('sign-in-form-pin').fill(pin);
  await page.getByTestId('sign-in-form-submit').click();
  await page.locator(`[data-testid=operator][data-operator=${id}]`).waitFor({ timeout: 30_000 });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A free loopback port (the station's ports are fixed in everyday use; tests must not collide). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
