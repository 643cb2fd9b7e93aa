// The office search of offices/ in a real browser: queries typed the ways
// people type them, checked against the demo data read straight from the CSV
// files (not through the search's own folding), and the URL, keyboard and
// no-JavaScript behaviour.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, siteUrl, viewports, overflowsHorizontally, screenshot } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const officesUrl = siteUrl + 'offices/';

/** Rows of a simple CSV (the demo's files have no quoted commas). */
function csv(path) {
  const [header, ...lines] = readFileSync(join(root, path), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const keys = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
}

const snapshots = readdirSync(join(root, 'data/adoption')).filter((f) => f.endsWith('.csv')).sort();
const adoptedNumbers = new Set(csv(`data/adoption/${snapshots.at(-1)}`).map((r) => r['事業所番号'] ?? r.office_number));
const municipalities = new Map(csv('data/municipalities.csv').map((m) => [m.code, m.name]));
const targets = csv('data/offices.csv');
const adopted = targets.filter((o) => adoptedNumbers.has(o.office_number));

/** Offices (adopted or not) with any of `spellings` in a searchable field: the oracle. */
function expected(spellings, code) {
  return targets.filter((o) => (!code || o.municipality_code === code) &&
    [o.name, o.name_kana, o.corporation, o.address, municipalities.get(o.municipality_code)]
      .some((field) => spellings.some((s) => field.includes(s))));
}

/** What the page announces for the offices `want`. */
function announcement(want) {
  const a = want.filter((o) => adoptedNumbers.has(o.office_number)).length;
  return `${want.length}件の事業所が見つかりました（うち導入済み${a}件）`;
}

/** The names shown are the first 50 of `want` (all of them when fewer). */
function assertShown(names, want) {
  assert.equal(names.length, Math.min(50, want.length));
  const wanted = new Set(want.map((o) => o.name));
  assert.ok(names.every((n) => wanted.has(n)), names.join(' / '));
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(path = '', viewport = viewports.desktop) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(officesUrl + path);
  page.errors = errors;
  return page;
}

/** Types like a person: one key event per character. */
async function type(page, text) {
  await page.locator('#search-q').pressSequentially(text, { delay: 10 });
}

async function shownNames(page) {
  return page.locator('#office-results .office-name').allTextContents();
}

async function count(page) {
  return page.locator('#search-count').textContent();
}

/** The screen-reader announcement, once it has settled on `text`. */
async function waitForAnnouncement(page, text) {
  await page.waitForFunction((t) => document.getElementById('search-status').textContent === t, text);
}

test('さくら finds サクラ介護センター and every office read さくら, adopted or not', async () => {
  const page = await open();
  await type(page, 'さくら');
  const want = expected(['さくら', 'サクラ', 'ｻｸﾗ']);
  assert.ok(want.length > 10, 'the demo has many さくら offices');
  const announced = announcement(want);
  await waitForAnnouncement(page, announced);
  assert.equal(await count(page), announced);
  assert.ok(await page.locator('#office-results .office-not-adopted').count() > 0, '未導入 offices are found too');
  const names = await shownNames(page);
  assertShown(names, want);
  assert.ok(want.some((o) => o.name === 'サクラ介護センター（架空）'));
  await screenshot(page, 'search-sakura-desktop');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a half-width kana query matches full-width readings', async () => {
  const page = await open();
  await type(page, 'ｻｸﾗｶｲｺﾞ');
  const want = expected(['サクラカイゴ', 'さくらかいご']);
  await waitForAnnouncement(page, announcement(want));
  const names = await shownNames(page);
  assert.ok(names.includes('サクラ介護センター（架空）'), names.join(' / '));
  assertShown(names, want);
  await page.close();
});

test('an office number with hyphens finds that one office', async () => {
  const page = await open();
  await type(page, '44-1001-0030');
  await waitForAnnouncement(page, '1件の事業所が見つかりました（うち導入済み1件）');
  assert.deepEqual(await shownNames(page), ['サクラ介護センター（架空）']);
  assert.match(await page.locator('#office-results .office').first().textContent(), /4410010030/);
  await page.close();
});

test('a municipality filter and a word narrow to that municipality', async () => {
  const page = await open();
  await page.selectOption('#search-m', '442011');
  await type(page, 'さくら');
  const want = expected(['さくら', 'サクラ', 'ｻｸﾗ'], '442011');
  assert.ok(want.length > 0);
  await waitForAnnouncement(page, announcement(want));
  assert.deepEqual(await page.locator('#office-results h2 a').allTextContents(), ['大分市']);
  assertShown(await shownNames(page), want);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'さくら');
  assert.equal(url.searchParams.get('m'), '442011');
  await page.close();
});

test('the URL restores the state, and the back button the state before', async () => {
  const want = expected(['さくら', 'サクラ', 'ｻｸﾗ'], '442011');
  const page = await open('?q=' + encodeURIComponent('さくら') + '&m=442011');
  await waitForAnnouncement(page, announcement(want));
  assert.equal(await page.inputValue('#search-q'), 'さくら');
  assert.equal(await page.inputValue('#search-m'), '442011');
  assertShown(await shownNames(page), want);

  await page.selectOption('#search-m', '');
  const all = expected(['さくら', 'サクラ', 'ｻｸﾗ']);
  await waitForAnnouncement(page, announcement(all));
  await page.goBack();
  await waitForAnnouncement(page, announcement(want));
  assert.equal(await page.inputValue('#search-m'), '442011');
  assert.equal(await page.inputValue('#search-q'), 'さくら');
  await page.close();
});

test('no match says so and what to try', async () => {
  const page = await open();
  await type(page, 'zzzzz');
  await waitForAnnouncement(page, '0件の事業所が見つかりました（うち導入済み0件）');
  assert.match(await page.locator('.office-empty').textContent(), /表記を変えるか/);
  await page.close();
});

test('every control has a label and the list is keyboard navigable', async () => {
  const page = await open();
  const unlabelled = await page.$$eval('#office-search input, #office-search select',
    (els) => els.filter((el) => el.labels.length === 0).map((el) => el.id));
  assert.deepEqual(unlabelled, []);
  await page.focus('#search-q');
  await type(page, 'さくら');
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement.querySelector('.office-name')?.textContent);
  assert.equal(first, (await shownNames(page))[0]);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused office shows its focus');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.querySelector('.office-name')?.textContent);
  assert.equal(second, (await shownNames(page))[1]);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
  await page.close();
});

test('typing does not move the search box or the results', async () => {
  const page = await open('', viewports.phone);
  await page.focus('#search-q');
  await type(page, 'さ');
  await waitForAnnouncement(page, await count(page));
  const top = async () => page.evaluate(() => [
    document.getElementById('search-q').getBoundingClientRect().top,
    document.getElementById('office-results').getBoundingClientRect().top,
  ]);
  const before = await top();
  for (const text of ['くら', 'zz']) {
    await type(page, text);
    assert.deepEqual(await top(), before, `after typing ${text}`);
  }
  assert.equal(await overflowsHorizontally(page), false);
  await page.close();
});

test('the phone layout fits and shows results', async () => {
  const page = await open('?q=' + encodeURIComponent('さくら'), viewports.phone);
  await page.waitForSelector('#office-results .office');
  assert.equal(await overflowsHorizontally(page), false);
  await screenshot(page, 'search-sakura-phone');
  await page.close();
});

test('without JavaScript every adopted office is listed by municipality', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: viewports.phone });
  const page = await context.newPage();
  await page.goto(officesUrl);
  assert.equal(await page.locator('#office-search').isVisible(), false);
  assert.equal(await page.locator('#office-results .office').count(), adopted.length);
  const headings = await page.locator('#office-results h2 a').allTextContents();
  const withOffices = [...municipalities].filter(([code]) => adopted.some((o) => o.municipality_code === code));
  assert.deepEqual(headings, withOffices.map(([, name]) => name));
  await context.close();
});

test('on the city portal, choosing the city finds every office of its areas', async () => {
  const cityOffices = readFileSync(join(root, 'examples/city/data/offices.csv'), 'utf8').trim().split('\n').length - 1;
  const page = await browser.newPage({ viewport: viewports.phone });
  await page.goto(siteUrl + 'city/offices/');
  await page.selectOption('#search-m', '312029');
  await page.waitForFunction(() => /^\d+件の事業所が見つかりました/.test(document.getElementById('search-status').textContent));
  const text = await page.locator('#search-status').textContent();
  assert.equal(Number(text.match(/^(\d+)件/)[1]), cityOffices, text);
  await page.selectOption('#search-m', 'minatoyama');
  await page.waitForFunction((t) => document.getElementById('search-status').textContent !== t, text);
  assert.deepEqual(await page.locator('#office-results h2 a').allTextContents(), ['湊山圏域']);
  await page.close();
});
