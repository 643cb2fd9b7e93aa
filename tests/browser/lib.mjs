// Shared helpers of the browser tests: one way to launch Chromium, to reach the
// demo site that run.sh built and serves, and to save screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Base URL of the demo site served by run.sh (ends with '/'). */
export const siteUrl = process.env.RENKEI_SITE_URL ?? 'http://127.0.0.1:8911/';
/** Folder of the built demo site. */
export const siteDir = process.env.RENKEI_SITE_DIR ?? join(here, '..', '..', 'public');
/** Path of the renkei binary that run.sh built. */
export const renkeiBin = process.env.RENKEI_BIN ?? join(here, '..', '..', 'target', 'release', 'renkei');
/** Where screenshots are kept after the run. */
export const screenshotDir = join(here, 'screenshots');

/** Debian's Chromium, headless, with the flags this machine needs. */
export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** The phone and desktop widths every page is checked at. */
export const viewports = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
};

/** True when the page scrolls sideways. */
export async function overflowsHorizontally(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Saves a full-page screenshot as screenshots/NAME.png. */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
