// `renkei serve` as an editor uses it: one page stays open in Chromium while
// its guide is edited, broken and fixed, and a stylesheet changes; the test
// never navigates, the page follows by itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launch, screenshotDir, viewports } from './lib.mjs';
import { copyDemo, startServe, repo } from './live.mjs';

const wait = { timeout: 30000 };
const guideFile = 'content/guides/download.md';

let browser;
let server;
let site;
let page;
let original;

/** The overlay is fixed to the window, so the window is what is saved. */
const snap = async (name) => {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
};

const write = (rel, text) => {
  mkdirSync(join(site, rel, '..'), { recursive: true });
  writeFileSync(join(site, rel), text);
};

before(async () => {
  site = copyDemo();
  original = readFileSync(join(site, guideFile), 'utf8');
  server = await startServe(site);
  browser = await launch();
  page = await browser.newPage({ viewport: viewports.desktop });
  await page.goto(`${server.url}guides/download/`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('served pages carry the live-reload script', async () => {
  assert.equal(await page.locator('script#renkei-live').count(), 1);
  assert.equal(await page.locator('#renkei-error-overlay').count(), 0);
});

test('an edited guide shows its new text without navigating', async () => {
  write(guideFile, `${original}\nこの一文は編集のすぐあとに表示されます。\n`);
  await page.getByText('この一文は編集のすぐあとに表示されます。').waitFor(wait);
});

test('broken front matter shows an overlay naming the file and line', async () => {
  const withoutOpening = original.replace(/^\+\+\+\n/, '');
  write(guideFile, withoutOpening);
  // Other pages' links to the guide fail too; its own error is among them.
  const error = page.locator('#renkei-error-overlay li', { hasText: `${guideFile}:1` });
  await error.waitFor(wait);
  assert.equal(await error.locator('code').textContent(), `${guideFile}:1`);
  assert.match(await error.locator('.message').textContent(), /ファイルの先頭に設定がありません/);
  // The overlay speaks the run's language, Japanese by default.
  const overlay = page.locator('#renkei-error-overlay');
  assert.equal(await overlay.locator('h2').textContent(), 'ビルドエラー');
  assert.equal(await overlay.locator('button').textContent(), '閉じる');
  // The last good build stays underneath.
  assert.equal(await page.getByText('この一文は編集のすぐあとに表示されます。').count(), 1);
  await snap('serve-overlay-desktop');
  // A page opened while the build is broken shows the overlay at once.
  const phone = await browser.newPage({ viewport: viewports.phone });
  await phone.goto(`${server.url}guides/download/`);
  await phone.locator('#renkei-error-overlay li', { hasText: `${guideFile}:1` }).waitFor(wait);
  await phone.screenshot({ path: join(screenshotDir, 'serve-overlay-phone.png') });
  const overflows = await phone.evaluate(() => {
    const panel = document.getElementById('renkei-error-overlay').shadowRoot.querySelector('.panel');
    return panel.scrollWidth > panel.clientWidth + 1;
  });
  assert.equal(overflows, false, 'the overlay fits a phone');
  await phone.close();
});

test('fixing the file clears the overlay by itself', async () => {
  write(guideFile, `${original}\nこの一文は編集のすぐあとに表示されます。\n`);
  await page.locator('#renkei-error-overlay').waitFor({ ...wait, state: 'detached' });
  assert.equal(await page.getByText('この一文は編集のすぐあとに表示されます。').count(), 1);
});

test('a changed stylesheet is swapped without reloading the page', async () => {
  await page.evaluate(() => { window.renkeiTestKept = true; });
  const css = readFileSync(join(repo, 'themes/default/static/css/site.css'), 'utf8');
  write('static/css/site.css', `${css}\nbody { outline: 5px solid rgb(200, 0, 0); }\n`);
  await page.waitForFunction(() => getComputedStyle(document.body).outlineWidth === '5px', null, wait);
  assert.equal(await page.evaluate(() => window.renkeiTestKept), true, 'the page did not reload');
  assert.equal(await page.locator('link[rel="stylesheet"][href*="css/site.css"]').count(), 1);
});

test('the page reconnects and reloads after the server restarts', async () => {
  const port = new URL(server.url).port;
  await page.evaluate(() => { window.renkeiTestKept = true; });
  await server.stop();
  write(guideFile, `${original}\n再起動のあいだに書いた一文。\n`);
  const reloaded = page.waitForEvent('load', wait);
  server = await startServe(site, ['--port', port]);
  await reloaded;
  await page.getByText('再起動のあいだに書いた一文。').waitFor(wait);
  assert.equal(await page.evaluate(() => window.renkeiTestKept), undefined);
});
