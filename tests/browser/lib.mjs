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
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * One page of each type in the demo, by name: every test that checks "each
 * page type" walks this list. `not-found` is a missing address, answered with
 * 404.html and status 404.
 */
export const pageTypes = {
  home: '',
  municipalities: 'municipalities/',
  municipality: 'municipalities/442101/',
  offices: 'offices/',
  guides: 'guides/',
  guide: 'guides/download/',
  manuals: 'manuals/',
  product: 'manuals/mirai-note/',
  manual: 'manuals/mirai-note/export/',
  faq: 'faq/',
  news: 'news/',
  'news-item': 'news/2025-05-19-free-pass-campaign/',
  surveys: 'surveys/',
  survey: 'surveys/office-survey-2025/',
  page: 'accessibility/',
  opendata: 'opendata/',
  'office-adopted': 'offices/4400010024/',
  'office-not-adopted': 'offices/4400010016/',
  'not-found': 'no-such-page/',
  // The city portal of examples/city/, built by run.sh under city/.
  'city-home': 'city/',
  'city-areas': 'city/areas/',
  'city-area': 'city/areas/minatoyama/',
  'city-municipalities': 'city/municipalities/',
  'city-offices': 'city/offices/',
};

/** The HTTP status each page type answers with. */
export function expectedStatus(name) {
  return name === 'not-found' ? 404 : 200;
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
